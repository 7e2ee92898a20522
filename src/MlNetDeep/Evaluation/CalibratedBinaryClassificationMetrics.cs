namespace MlNetDeep.Data;

/// <summary>
/// Evaluation results for a binary classifier that also outputs a probability: everything in
/// <see cref="BinaryClassificationMetrics"/> plus the log-loss family, in bits as in ML.NET.
/// </summary>
public sealed class CalibratedBinaryClassificationMetrics : BinaryClassificationMetrics
{
    internal CalibratedBinaryClassificationMetrics(double areaUnderRocCurve, double areaUnderPrecisionRecallCurve,
        ConfusionMatrix confusionMatrix, double logLoss, double entropy)
        : base(areaUnderRocCurve, areaUnderPrecisionRecallCurve, confusionMatrix)
    {
        LogLoss = logLoss;
        Entropy = entropy;
        LogLossReduction = (entropy - logLoss) / entropy;
    }

    /// <summary>
    /// Mean log-loss in bits: <c>−(1/m) Σ log₂ pᵢ</c>, with pᵢ the predicted probability of the row's
    /// actual class (p for a positive, 1 − p for a negative). As in ML.NET probabilities are not
    /// clipped: a probability of exactly 0 for the actual class gives +∞.
    /// </summary>
    public double LogLoss { get; }

    /// <summary>
    /// Relative log-loss reduction (RIG) against a classifier that predicts the label frequency for
    /// every row: <c>(Entropy − LogLoss) / Entropy</c>. 0.2 means 20% less log-loss than the prior;
    /// negative when worse than the prior. NaN when the labels hold only one class.
    /// </summary>
    public double LogLossReduction { get; }

    /// <summary>
    /// The prior log-loss: binary entropy in bits of the share of positive rows,
    /// <c>−q log₂ q − (1 − q) log₂(1 − q)</c>.
    /// </summary>
    public double Entropy { get; }
}
