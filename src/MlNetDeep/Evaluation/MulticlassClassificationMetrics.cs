namespace MlNetDeep.Data;

/// <summary>
/// Evaluation results for a multiclass classifier, as ML.NET reports them, plus the per-class
/// precision, recall and F1 score. Log-losses are in nats (natural log), as in ML.NET.
/// </summary>
public sealed class MulticlassClassificationMetrics
{
    internal MulticlassClassificationMetrics(double microAccuracy, double macroAccuracy, double logLoss, double logLossReduction,
        int topKPredictionCount, double[] topKAccuracyForAllK, double[] perClassLogLoss, ConfusionMatrix confusionMatrix)
    {
        MicroAccuracy = microAccuracy;
        MacroAccuracy = macroAccuracy;
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        TopKPredictionCount = topKPredictionCount;
        TopKAccuracyForAllK = Array.AsReadOnly(topKAccuracyForAllK);
        TopKAccuracy = topKPredictionCount > 0 ? topKAccuracyForAllK[topKPredictionCount - 1] : 0;
        PerClassLogLoss = Array.AsReadOnly(perClassLogLoss);
        ConfusionMatrix = confusionMatrix;
        var f1 = new double[confusionMatrix.NumberOfClasses];
        for (int c = 0; c < f1.Length; c++)
        {
            double p = confusionMatrix.PerClassPrecision[c], r = confusionMatrix.PerClassRecall[c];
            f1[c] = p + r > 0 ? 2 * p * r / (p + r) : 0;
        }
        PerClassF1Score = Array.AsReadOnly(f1);
    }

    /// <summary>Share of rows predicted correctly, whatever their class.</summary>
    public double MicroAccuracy { get; }

    /// <summary>
    /// Mean over the classes that occur in the labels of each class's accuracy (its recall):
    /// every class weighs the same however many rows it has. Equals scikit-learn's
    /// <c>balanced_accuracy_score</c>.
    /// </summary>
    public double MacroAccuracy { get; }

    /// <summary>
    /// Mean log-loss in nats, <c>−(1/m) Σ ln pᵢ</c>, with pᵢ the score of the row's actual class
    /// (the scores are taken as probabilities) clipped to [1e-15, 1] as ML.NET does.
    /// </summary>
    public double LogLoss { get; }

    /// <summary>
    /// Relative log-loss reduction against predicting the class frequencies for every row:
    /// <c>(H − LogLoss) / H</c>, H the entropy in nats of the label distribution.
    /// </summary>
    public double LogLossReduction { get; }

    /// <summary>
    /// When <see cref="TopKPredictionCount"/> is positive, the share of rows whose actual class is
    /// among the K highest scores (a class tied with the actual one counts as higher when its index
    /// is lower, as in ML.NET's stable ordering); otherwise 0.
    /// </summary>
    public double TopKAccuracy { get; }

    /// <summary>The K of <see cref="TopKAccuracy"/>; 0 when top-K accuracy was not asked for.</summary>
    public int TopKPredictionCount { get; }

    /// <summary>Top-k accuracy for k = 1 … <see cref="TopKPredictionCount"/> (element k − 1); empty when not asked for.</summary>
    public IReadOnlyList<double> TopKAccuracyForAllK { get; }

    /// <summary>Mean log-loss (nats) of the rows of each class; 0 for a class with no row.</summary>
    public IReadOnlyList<double> PerClassLogLoss { get; }

    /// <summary>Precision of each class (same as <see cref="ConfusionMatrix.PerClassPrecision"/>).</summary>
    public IReadOnlyList<double> PerClassPrecision => ConfusionMatrix.PerClassPrecision;

    /// <summary>Recall of each class (same as <see cref="ConfusionMatrix.PerClassRecall"/>).</summary>
    public IReadOnlyList<double> PerClassRecall => ConfusionMatrix.PerClassRecall;

    /// <summary>F1 score of each class, <c>2·P·R / (P + R)</c>; 0 when precision and recall are both 0.</summary>
    public IReadOnlyList<double> PerClassF1Score { get; }

    /// <summary>Counts by actual (rows) and predicted (columns) class.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }
}
