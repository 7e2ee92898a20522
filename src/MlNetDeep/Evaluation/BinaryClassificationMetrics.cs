namespace MlNetDeep.Data;

/// <summary>
/// Evaluation results for a binary classifier, as ML.NET reports them (without the
/// probability-based metrics; see <see cref="CalibratedBinaryClassificationMetrics"/>).
/// Rows with a positive label are positives; a row counts as predicted positive when its
/// predicted label is true.
/// </summary>
public class BinaryClassificationMetrics
{
    internal BinaryClassificationMetrics(double areaUnderRocCurve, double areaUnderPrecisionRecallCurve, ConfusionMatrix confusionMatrix)
    {
        double tp = confusionMatrix.Counts[0][0], fn = confusionMatrix.Counts[0][1];
        double fp = confusionMatrix.Counts[1][0], tn = confusionMatrix.Counts[1][1];
        AreaUnderRocCurve = areaUnderRocCurve;
        AreaUnderPrecisionRecallCurve = areaUnderPrecisionRecallCurve;
        Accuracy = (tp + tn) / (tp + tn + fp + fn);
        PositivePrecision = tp + fp > 0 ? tp / (tp + fp) : 0;
        PositiveRecall = tp + fn > 0 ? tp / (tp + fn) : 0;
        NegativePrecision = tn + fn > 0 ? tn / (tn + fn) : 0;
        NegativeRecall = tn + fp > 0 ? tn / (tn + fp) : 0;
        F1Score = 2 * PositivePrecision * PositiveRecall / (PositivePrecision + PositiveRecall);
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>
    /// Area under the ROC curve: the probability that a random positive scores higher than a random
    /// negative, a tie counting one half (the Mann–Whitney statistic; equal to scikit-learn's
    /// <c>roc_auc_score</c>). NaN when the labels hold only one class.
    /// </summary>
    public double AreaUnderRocCurve { get; }

    /// <summary>Share of rows whose predicted label equals the label: (TP + TN) / rows.</summary>
    public double Accuracy { get; }

    /// <summary>TP / (TP + FP); 0 when nothing is predicted positive.</summary>
    public double PositivePrecision { get; }

    /// <summary>TP / (TP + FN); 0 when there is no positive row.</summary>
    public double PositiveRecall { get; }

    /// <summary>TN / (TN + FN); 0 when nothing is predicted negative.</summary>
    public double NegativePrecision { get; }

    /// <summary>TN / (TN + FP); 0 when there is no negative row.</summary>
    public double NegativeRecall { get; }

    /// <summary>
    /// Harmonic mean of positive precision and recall, <c>2·P·R / (P + R)</c>; NaN when both are 0,
    /// as in ML.NET.
    /// </summary>
    public double F1Score { get; }

    /// <summary>
    /// Area under the precision–recall curve by ML.NET's "lower trapezoid" estimator (Boyd et al.,
    /// ECML 2013): rows are taken one at a time by descending score (rows with equal scores in their
    /// input order); each positive adds <c>(1/P) · (precision before it + precision after it) / 2</c>,
    /// where "precision before" is the precision just before this positive is counted (so negatives
    /// ranked above it lower it). Without tied scores this equals the trapezoidal area under
    /// scikit-learn's <c>precision_recall_curve</c>; it is not <c>average_precision_score</c>.
    /// </summary>
    public double AreaUnderPrecisionRecallCurve { get; }

    /// <summary>Counts by actual (rows) and predicted (columns) class, ordered positive, negative.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }
}
