using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

public class MulticlassClassificationEvaluatorTests
{
    [Fact]
    public void MetricsMatchScikitLearn()
    {
        var c = Case("multiclass");
        int topK = c.GetProperty("top_k").GetInt32();
        var m = MulticlassClassificationEvaluator.Evaluate(c.Ints("labels"), c.Floats("scores"), c.Ints("predicted"), topKPredictionCount: topK);

        Close(c.Double("micro_accuracy"), m.MicroAccuracy, "MicroAccuracy");
        Close(c.Double("macro_accuracy"), m.MacroAccuracy, "MacroAccuracy (balanced accuracy)");
        Close(c.Double("log_loss"), m.LogLoss, "LogLoss (nats)");
        Close(c.Double("sklearn_log_loss"), m.LogLoss, "LogLoss vs sklearn.log_loss");
        Close(c.Double("log_loss_reduction"), m.LogLossReduction, "LogLossReduction");
        Assert.Equal(topK, m.TopKPredictionCount);
        Close(c.Double("top_k_accuracy"), m.TopKAccuracy, "TopKAccuracy");
        Close(c.Doubles("top_k_accuracy_for_all_k"), m.TopKAccuracyForAllK, "TopKAccuracyForAllK");
        Close(c.Doubles("per_class_log_loss"), m.PerClassLogLoss, "PerClassLogLoss");
        Close(c.Doubles("per_class_precision"), m.PerClassPrecision, "PerClassPrecision");
        Close(c.Doubles("per_class_recall"), m.PerClassRecall, "PerClassRecall");
        Close(c.Doubles("per_class_f1"), m.PerClassF1Score, "PerClassF1Score");
        SameCounts(c.Matrix("confusion"), m.ConfusionMatrix);
    }

    [Fact]
    public void MacroAccuracySkipsClassesWithNoRows()
    {
        // Class 2 never occurs; it is predicted once. Recalls: class 0 = 1/2, class 1 = 2/2.
        int[] labels = [0, 0, 1, 1];
        int[] predicted = [0, 2, 1, 1];
        var scores = OneHot(predicted, 3);
        var m = MulticlassClassificationEvaluator.Evaluate(labels, scores, predicted);
        Close(0.75, m.MacroAccuracy, "MacroAccuracy");
        Close(0.75, m.MicroAccuracy, "MicroAccuracy");
        Close([1.0, 1.0, 0.0], m.PerClassPrecision, "PerClassPrecision");
        Close([0.5, 1.0, 0.0], m.PerClassRecall, "PerClassRecall");
        Close([2.0 / 3.0, 1.0, 0.0], m.PerClassF1Score, "PerClassF1Score");
        Assert.Equal(0.0, m.PerClassLogLoss[2]);
    }

    [Fact]
    public void LogLossClipsZeroProbabilityAndUsesNaturalLog()
    {
        int[] labels = [0, 1];
        float[] scores = [0.5f, 0.5f, /* row 1 gives its class probability 0 */ 1f, 0f];
        var m = MulticlassClassificationEvaluator.Evaluate(labels, scores, [0, 0]);
        double expected = (-Math.Log(0.5) - Math.Log(1e-15)) / 2;
        Close(expected, m.LogLoss, "LogLoss", tolerance: 1e-6);
        // The prior is one half each: H = ln 2.
        Close((Math.Log(2) - expected) / Math.Log(2), m.LogLossReduction, "LogLossReduction");
    }

    [Fact]
    public void TopKBreaksTiesInFavourOfTheLowerClassIndex()
    {
        // Row 0: label 2 tied with class 0 and 1 at 0.3 → rank 2 (both lower indices count as higher).
        // Row 1: label 0 tied with class 2 → rank 0.
        int[] labels = [2, 0];
        float[] scores = [0.3f, 0.3f, 0.3f, /**/ 0.4f, 0.2f, 0.4f];
        var m = MulticlassClassificationEvaluator.Evaluate(labels, scores, [0, 0], topKPredictionCount: 3);
        Close([0.5, 0.5, 1.0], m.TopKAccuracyForAllK, "TopKAccuracyForAllK");
        Close(1.0, m.TopKAccuracy, "TopKAccuracy");
    }

    [Fact]
    public void WithoutTopKTheTopKFieldsAreEmpty()
    {
        var m = MulticlassClassificationEvaluator.Evaluate([0, 1], [0.9f, 0.1f, 0.2f, 0.8f], [0, 1]);
        Assert.Equal(0, m.TopKPredictionCount);
        Assert.Equal(0.0, m.TopKAccuracy);
        Assert.Empty(m.TopKAccuracyForAllK);
    }

    [Fact]
    public void BadInputIsRejectedNamingArgumentAndRow()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            MulticlassClassificationEvaluator.Evaluate([0, 3, 1], new float[9], [0, 0, 0]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("labels[1]=3", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            MulticlassClassificationEvaluator.Evaluate([0, 1], [0.5f, 0.5f, 0.5f, float.NaN], [0, 0]));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("row 1, column 1", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            MulticlassClassificationEvaluator.Evaluate([0, 1], [0.5f, 0.5f, 0.5f], [0, 0]));
        Assert.Equal("scores", ex.ParamName);

        ex = Assert.Throws<ArgumentException>(() =>
            MulticlassClassificationEvaluator.Evaluate([0, 1], [0.5f, 0.5f, 0.5f, 0.5f], [0]));
        Assert.Equal("predictedLabels", ex.ParamName);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MulticlassClassificationEvaluator.Evaluate([0, 1], [0.5f, 0.5f, 0.5f, 0.5f], [0, 1], topKPredictionCount: 3));
    }

    internal static float[] OneHot(int[] classes, int classCount)
    {
        var scores = new float[classes.Length * classCount];
        for (int i = 0; i < classes.Length; i++) scores[i * classCount + classes[i]] = 1f;
        return scores;
    }
}
