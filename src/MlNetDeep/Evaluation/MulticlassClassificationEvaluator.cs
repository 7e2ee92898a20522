namespace MlNetDeep.Data;

/// <summary>
/// Computes <see cref="MulticlassClassificationMetrics"/> from columns already read into memory:
/// the actual class index of each row, its score vector and its predicted class index. The
/// catalogs' <c>Evaluate</c> methods read these columns from an IDataView and call here.
/// </summary>
/// <remarks>
/// Differences from ML.NET, on purpose: a class index out of range or a non-finite score throws an
/// <see cref="ArgumentException"/> naming the row instead of the row being skipped; the predicted
/// class is taken from its column rather than recomputed as the highest score.
/// </remarks>
public static class MulticlassClassificationEvaluator
{
    private const double ProbabilityFloor = 1e-15;

    /// <param name="labels">The actual class of each row, 0 ≤ index &lt; number of classes.</param>
    /// <param name="scores">Row-major scores, one per class for each row (so the number of classes is
    /// <c>scores.Length / labels.Length</c>); read as probabilities for the log-loss.</param>
    /// <param name="predictedLabels">The class the model predicted for each row.</param>
    /// <param name="topKPredictionCount">The K of top-K accuracy; 0 to skip it.</param>
    /// <param name="classNames">Names of the classes for the confusion table; their indices by default.</param>
    public static MulticlassClassificationMetrics Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<float> scores,
        ReadOnlySpan<int> predictedLabels, int topKPredictionCount = 0, IReadOnlyList<string>? classNames = null)
    {
        int n = labels.Length;
        EvaluatorChecks.NotEmpty(n, nameof(labels));
        if (scores.Length == 0 || scores.Length % n != 0)
            throw new ArgumentException(
                $"Expected scores to hold the same number of class scores for each of the {n} rows of labels. Received: scores.Length={scores.Length}.",
                nameof(scores));
        int k = scores.Length / n;
        EvaluatorChecks.SameLength(n, nameof(labels), predictedLabels.Length, nameof(predictedLabels));
        EvaluatorChecks.ClassIndices(labels, k, nameof(labels));
        EvaluatorChecks.ClassIndices(predictedLabels, k, nameof(predictedLabels));
        EvaluatorChecks.Finite(scores, k, nameof(scores));
        if (topKPredictionCount < 0 || topKPredictionCount > k)
            throw new ArgumentOutOfRangeException(nameof(topKPredictionCount), topKPredictionCount,
                $"Expected a value between 0 and the number of classes ({k}). Received: topKPredictionCount={topKPredictionCount}.");
        if (classNames is not null && classNames.Count != k)
            throw new ArgumentException($"Expected one name per class ({k}). Received: classNames.Count={classNames.Count}.", nameof(classNames));

        var rowsOfClass = new double[k];
        var logLossOfClass = new double[k];
        var topKHits = new double[topKPredictionCount];
        double logLoss = 0, correct = 0;
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * k, k);
            int label = labels[i];
            double rowLoss = -Math.Log(Math.Clamp(row[label], ProbabilityFloor, 1.0));
            logLoss += rowLoss;
            logLossOfClass[label] += rowLoss;
            rowsOfClass[label]++;
            if (predictedLabels[i] == label) correct++;
            if (topKPredictionCount > 0)
            {
                int rank = RankOf(row, label);
                for (int j = rank; j < topKPredictionCount; j++) topKHits[j]++;
            }
        }

        var confusion = new ConfusionMatrix(ConfusionMatrix.Count(labels, predictedLabels, k),
            classNames ?? Enumerable.Range(0, k).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            isBinary: false);

        double priorLogLoss = 0, recallSum = 0;
        int presentClasses = 0;
        var perClassLogLoss = new double[k];
        for (int c = 0; c < k; c++)
        {
            if (rowsOfClass[c] == 0) continue;
            double share = rowsOfClass[c] / n;
            priorLogLoss -= share * Math.Log(share);
            perClassLogLoss[c] = logLossOfClass[c] / rowsOfClass[c];
            recallSum += confusion.PerClassRecall[c];
            presentClasses++;
        }
        logLoss /= n;

        return new MulticlassClassificationMetrics(
            microAccuracy: correct / n,
            macroAccuracy: recallSum / presentClasses,
            logLoss: logLoss,
            logLossReduction: (priorLogLoss - logLoss) / priorLogLoss,
            topKPredictionCount: topKPredictionCount,
            topKAccuracyForAllK: topKHits.Select(h => h / n).ToArray(),
            perClassLogLoss: perClassLogLoss,
            confusionMatrix: confusion);
    }

    /// <summary>
    /// Position (0 = best) of class <paramref name="label"/> when classes are sorted by descending
    /// score, equal scores keeping index order (ML.NET's stable sort).
    /// </summary>
    private static int RankOf(ReadOnlySpan<float> row, int label)
    {
        int rank = 0;
        float s = row[label];
        for (int j = 0; j < row.Length; j++)
            if (row[j] > s || (row[j] == s && j < label)) rank++;
        return rank;
    }
}
