using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

public class RegressionEvaluatorTests
{
    [Fact]
    public void MetricsMatchScikitLearn()
    {
        var c = Case("regression");
        var m = RegressionEvaluator.Evaluate(c.Floats("labels"), c.Floats("scores"));
        Close(c.Double("mae"), m.MeanAbsoluteError, "MeanAbsoluteError");
        Close(c.Double("mse"), m.MeanSquaredError, "MeanSquaredError");
        Close(c.Double("rmse"), m.RootMeanSquaredError, "RootMeanSquaredError");
        Close(c.Double("r2"), m.RSquared, "RSquared");
        Close(c.Double("mse"), m.LossFunction, "LossFunction (squared loss by default)");
    }

    [Fact]
    public void SmallExampleByHandWithACustomLoss()
    {
        // Errors 1, −2, 0 → MAE 1, MSE 5/3; labels 1, 2, 3 → Σ(label − mean)² = 2 → R² = 1 − 5/2.
        float[] labels = [1f, 2f, 3f];
        float[] scores = [2f, 0f, 3f];
        var m = RegressionEvaluator.Evaluate(labels, scores, lossFunction: (score, label) => Math.Abs(score - label) > 1 ? 1 : 0);
        Close(1.0, m.MeanAbsoluteError, "MeanAbsoluteError");
        Close(5.0 / 3.0, m.MeanSquaredError, "MeanSquaredError");
        Close(Math.Sqrt(5.0 / 3.0), m.RootMeanSquaredError, "RootMeanSquaredError");
        Close(-1.5, m.RSquared, "RSquared");
        Close(1.0 / 3.0, m.LossFunction, "LossFunction");
    }

    [Fact]
    public void BadInputIsRejectedNamingArgumentAndRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegressionEvaluator.Evaluate([1f, float.NaN], [1f, 2f]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("labels[1]=NaN", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => RegressionEvaluator.Evaluate([1f, 2f], [1f]));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("scores.Length=1", ex.Message);
    }
}
