namespace MlNetDeep.Data;

/// <summary>
/// Computes <see cref="RegressionMetrics"/> from the label and score columns already read into
/// memory. The catalog's <c>Evaluate</c> reads these columns from an IDataView and calls here.
/// A missing (NaN) label or non-finite score throws an <see cref="ArgumentException"/> naming the
/// row (ML.NET skips such rows silently).
/// </summary>
public static class RegressionEvaluator
{
    /// <param name="labels">The actual value of each row.</param>
    /// <param name="scores">The predicted value of each row.</param>
    /// <param name="lossFunction">Loss of one row as <c>loss(score, label)</c> for <see cref="RegressionMetrics.LossFunction"/>; squared error by default.</param>
    public static RegressionMetrics Evaluate(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores, Func<float, float, double>? lossFunction = null)
    {
        int n = labels.Length;
        EvaluatorChecks.NotEmpty(n, nameof(labels));
        EvaluatorChecks.SameLength(n, nameof(labels), scores.Length, nameof(scores));
        EvaluatorChecks.NotNaN(labels, nameof(labels));
        EvaluatorChecks.Finite(labels, nameof(labels));
        EvaluatorChecks.Finite(scores, nameof(scores));

        double meanLabel = 0;
        foreach (var y in labels) meanLabel += y;
        meanLabel /= n;

        double absolute = 0, squared = 0, loss = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double error = (double)scores[i] - labels[i];
            absolute += Math.Abs(error);
            squared += error * error;
            loss += lossFunction is null ? error * error : lossFunction(scores[i], labels[i]);
            double spread = labels[i] - meanLabel;
            total += spread * spread;
        }
        return new RegressionMetrics(absolute / n, squared / n, loss / n, 1 - squared / total);
    }
}
