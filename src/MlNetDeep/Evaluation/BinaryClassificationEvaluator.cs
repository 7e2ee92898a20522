namespace MlNetDeep.Data;

/// <summary>
/// Computes <see cref="BinaryClassificationMetrics"/> from columns already read into memory: the
/// label, the raw score, the probability (for the calibrated metrics) and the predicted label.
/// The catalogs' <c>Evaluate</c> methods read these columns from an IDataView and call here.
/// </summary>
/// <remarks>
/// Differences from ML.NET, on purpose: a missing (NaN) label or a non-finite score throws an
/// <see cref="ArgumentException"/> naming the row instead of being skipped silently; the
/// predicted label is taken from its column rather than recomputed from a threshold; AUC and
/// AUPRC always use every row (ML.NET samples them above a reservoir size).
/// </remarks>
public static class BinaryClassificationEvaluator
{
    private static readonly string[] ClassNames = ["positive", "negative"];

    /// <summary>Metrics of a classifier without probabilities (no log-loss).</summary>
    /// <param name="labels">The actual class of each row (true = positive).</param>
    /// <param name="scores">The raw score of each row; higher means more likely positive.</param>
    /// <param name="predictedLabels">The class the model predicted for each row.</param>
    public static BinaryClassificationMetrics Evaluate(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, ReadOnlySpan<bool> predictedLabels)
    {
        CheckCommon(labels, scores, predictedLabels);
        return new BinaryClassificationMetrics(RocAuc(labels, scores), PrecisionRecallAuc(labels, scores), Confusion(labels, predictedLabels));
    }

    /// <inheritdoc cref="Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{float}, ReadOnlySpan{bool})"/>
    /// <param name="labels">The actual class of each row, as ML.NET reads a numeric label: positive when greater than 0. NaN is rejected.</param>
    public static BinaryClassificationMetrics Evaluate(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores, ReadOnlySpan<bool> predictedLabels) =>
        Evaluate(ToBool(labels, nameof(labels)), scores, predictedLabels);

    /// <summary>Metrics of a classifier that also outputs the probability of the positive class.</summary>
    /// <param name="labels">The actual class of each row (true = positive).</param>
    /// <param name="scores">The raw score of each row; higher means more likely positive.</param>
    /// <param name="probabilities">The predicted probability that each row is positive, in [0, 1].</param>
    /// <param name="predictedLabels">The class the model predicted for each row.</param>
    public static CalibratedBinaryClassificationMetrics EvaluateCalibrated(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores,
        ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> predictedLabels)
    {
        CheckCommon(labels, scores, predictedLabels);
        EvaluatorChecks.SameLength(labels.Length, nameof(labels), probabilities.Length, nameof(probabilities));
        EvaluatorChecks.Probabilities(probabilities, nameof(probabilities));

        double logLoss = 0;
        int positives = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            logLoss -= Math.Log2(labels[i] ? probabilities[i] : 1.0 - probabilities[i]);
            if (labels[i]) positives++;
        }
        logLoss /= labels.Length;

        return new CalibratedBinaryClassificationMetrics(RocAuc(labels, scores), PrecisionRecallAuc(labels, scores),
            Confusion(labels, predictedLabels), logLoss, Entropy((double)positives / labels.Length));
    }

    /// <inheritdoc cref="EvaluateCalibrated(ReadOnlySpan{bool}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{bool})"/>
    /// <param name="labels">The actual class of each row, as ML.NET reads a numeric label: positive when greater than 0. NaN is rejected.</param>
    public static CalibratedBinaryClassificationMetrics EvaluateCalibrated(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores,
        ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> predictedLabels) =>
        EvaluateCalibrated(ToBool(labels, nameof(labels)), scores, probabilities, predictedLabels);

    private static void CheckCommon(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, ReadOnlySpan<bool> predictedLabels)
    {
        EvaluatorChecks.NotEmpty(labels.Length, nameof(labels));
        EvaluatorChecks.SameLength(labels.Length, nameof(labels), scores.Length, nameof(scores));
        EvaluatorChecks.SameLength(labels.Length, nameof(labels), predictedLabels.Length, nameof(predictedLabels));
        EvaluatorChecks.Finite(scores, nameof(scores));
    }

    private static bool[] ToBool(ReadOnlySpan<float> labels, string name)
    {
        EvaluatorChecks.NotNaN(labels, name);
        var result = new bool[labels.Length];
        for (int i = 0; i < labels.Length; i++) result[i] = labels[i] > 0;
        return result;
    }

    private static ConfusionMatrix Confusion(ReadOnlySpan<bool> labels, ReadOnlySpan<bool> predicted)
    {
        // Class 0 is positive and class 1 negative, the order ML.NET uses.
        var counts = new[] { new double[2], new double[2] };
        for (int i = 0; i < labels.Length; i++)
            counts[labels[i] ? 0 : 1][predicted[i] ? 0 : 1]++;
        return new ConfusionMatrix(counts, ClassNames, isBinary: true);
    }

    /// <summary>Row indices by descending score; equal scores keep their input order.</summary>
    private static int[] ByDescendingScore(ReadOnlySpan<float> scores)
    {
        var keys = scores.ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>
    /// Mann–Whitney AUC: over all (positive, negative) pairs, the share where the positive scores
    /// higher, ties counting one half. Walks tie groups from the highest score down.
    /// </summary>
    internal static double RocAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        var order = ByDescendingScore(scores);
        double positivesAbove = 0, negatives = 0, pairs = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            double groupPositives = 0, groupNegatives = 0;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                if (labels[order[end]]) groupPositives++; else groupNegatives++;
                end++;
            }
            pairs += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
            negatives += groupNegatives;
            start = end;
        }
        return pairs / (positivesAbove * negatives);
    }

    /// <summary>ML.NET's lower-trapezoid AUPRC; see <see cref="BinaryClassificationMetrics.AreaUnderPrecisionRecallCurve"/>.</summary>
    internal static double PrecisionRecallAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        int positives = 0;
        foreach (var l in labels) if (l) positives++;
        if (positives == 0) return 0;

        double area = 0, previousRecall = 0, precisionBefore = 1;
        int truePositives = 0, falsePositives = 0;
        foreach (int i in ByDescendingScore(scores))
        {
            if (labels[i])
            {
                truePositives++;
                double recall = (double)truePositives / positives;
                double precision = (double)truePositives / (truePositives + falsePositives);
                area += (recall - previousRecall) * (precisionBefore + precision) / 2;
                precisionBefore = precision;
                previousRecall = recall;
            }
            else
            {
                falsePositives++;
                precisionBefore = (double)truePositives / (truePositives + falsePositives);
            }
        }
        return area;
    }

    /// <summary>Binary entropy in bits, with 0·log 0 = 0.</summary>
    private static double Entropy(double p) =>
        p <= 0 || p >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);
}
