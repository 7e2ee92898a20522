namespace MlNetDeep.Data;

/// <summary>Evaluation results for a regression model, as ML.NET reports them.</summary>
public sealed class RegressionMetrics
{
    internal RegressionMetrics(double meanAbsoluteError, double meanSquaredError, double lossFunction, double rSquared)
    {
        MeanAbsoluteError = meanAbsoluteError;
        MeanSquaredError = meanSquaredError;
        RootMeanSquaredError = Math.Sqrt(meanSquaredError);
        LossFunction = lossFunction;
        RSquared = rSquared;
    }

    /// <summary>Mean of |score − label| (L1 loss).</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Mean of (score − label)² (L2 loss).</summary>
    public double MeanSquaredError { get; }

    /// <summary>Square root of <see cref="MeanSquaredError"/>, in the label's units.</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>Mean of the loss function given to the evaluator; by default the squared loss, so equal to <see cref="MeanSquaredError"/>.</summary>
    public double LossFunction { get; }

    /// <summary>
    /// Coefficient of determination, <c>1 − Σ(score − label)² / Σ(label − mean label)²</c>: 1 for
    /// perfect predictions, 0 for predicting the mean, negative when worse than that.
    /// </summary>
    public double RSquared { get; }
}
