namespace MlNetDeep.Data;

/// <summary>
/// Computes <see cref="ClusteringMetrics"/> from columns already read into memory: each row's score
/// vector (one distance-like score per cluster; the row belongs to the cluster with the lowest
/// score, the lowest index on ties, as in ML.NET), and optionally its label and its features.
/// The catalog's <c>Evaluate</c> reads these columns from an IDataView and calls here.
/// </summary>
public static class ClusteringEvaluator
{
    /// <param name="scores">Row-major scores, <paramref name="numberOfClusters"/> per row.</param>
    /// <param name="numberOfClusters">The number of clusters (scores per row).</param>
    /// <param name="labels">The actual class index of each row (≥ 0), or empty to skip the NMI.</param>
    /// <param name="features">Row-major feature vectors, the same length for each row, or empty to skip the Davies–Bouldin index.</param>
    public static ClusteringMetrics Evaluate(ReadOnlySpan<float> scores, int numberOfClusters,
        ReadOnlySpan<int> labels = default, ReadOnlySpan<float> features = default)
    {
        EvaluatorChecks.Positive(numberOfClusters, nameof(numberOfClusters));
        EvaluatorChecks.NotEmpty(scores.Length, nameof(scores));
        if (scores.Length % numberOfClusters != 0)
            throw new ArgumentException(
                $"Expected scores to hold numberOfClusters={numberOfClusters} values per row. Received: scores.Length={scores.Length}.",
                nameof(scores));
        int n = scores.Length / numberOfClusters, k = numberOfClusters;
        EvaluatorChecks.Finite(scores, k, nameof(scores));

        var assigned = new int[n];
        double sumMin = 0;
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * k, k);
            int best = 0;
            for (int c = 1; c < k; c++) if (row[c] < row[best]) best = c;
            assigned[i] = best;
            sumMin += row[best];
        }

        double nmi = double.NaN;
        if (!labels.IsEmpty)
        {
            EvaluatorChecks.SameLength(n, "scores rows", labels.Length, nameof(labels));
            for (int i = 0; i < n; i++)
                if (labels[i] < 0)
                    throw new ArgumentException($"Expected class indices of 0 or more. Received: labels[{i}]={labels[i]}.", nameof(labels));
            nmi = NormalizedMutualInformation(labels, assigned, k);
        }

        double dbi = double.NaN;
        if (!features.IsEmpty)
        {
            if (features.Length % n != 0)
                throw new ArgumentException(
                    $"Expected features to hold the same number of values for each of the {n} rows. Received: features.Length={features.Length}.",
                    nameof(features));
            int d = features.Length / n;
            EvaluatorChecks.Finite(features, d, nameof(features));
            dbi = DaviesBouldin(features, d, assigned, k);
        }

        return new ClusteringMetrics(nmi, sumMin / n, dbi);
    }

    /// <summary>ML.NET's NMI: I(label; cluster) / H(label), natural logs; NaN unless some label is above 0.</summary>
    private static double NormalizedMutualInformation(ReadOnlySpan<int> labels, int[] assigned, int clusters)
    {
        int n = labels.Length;
        int classes = 0;
        foreach (var l in labels) classes = Math.Max(classes, l + 1);
        if (classes < 2) return double.NaN;

        var joint = new double[classes, clusters];
        var ofClass = new double[classes];
        var ofCluster = new double[clusters];
        for (int i = 0; i < n; i++)
        {
            joint[labels[i], assigned[i]]++;
            ofClass[labels[i]]++;
            ofCluster[assigned[i]]++;
        }

        double mutual = 0, entropy = 0;
        for (int a = 0; a < classes; a++)
        {
            double px = ofClass[a] / n;
            if (px <= 0) continue;
            entropy -= px * Math.Log(px);
            for (int c = 0; c < clusters; c++)
            {
                double pxy = joint[a, c] / n, py = ofCluster[c] / n;
                if (pxy > 0) mutual += pxy * Math.Log(pxy / (px * py));
            }
        }
        return mutual / entropy;
    }

    private static double DaviesBouldin(ReadOnlySpan<float> features, int d, int[] assigned, int k)
    {
        int n = assigned.Length;
        var centroids = new double[k, d];
        var size = new double[k];
        for (int i = 0; i < n; i++)
        {
            size[assigned[i]]++;
            for (int j = 0; j < d; j++) centroids[assigned[i], j] += features[i * d + j];
        }
        for (int c = 0; c < k; c++)
            if (size[c] > 0)
                for (int j = 0; j < d; j++) centroids[c, j] /= size[c];

        // Scatter: mean Euclidean distance from a cluster's rows to its centroid.
        var scatter = new double[k];
        for (int i = 0; i < n; i++)
        {
            int c = assigned[i];
            double sq = 0;
            for (int j = 0; j < d; j++)
            {
                double diff = features[i * d + j] - centroids[c, j];
                sq += diff * diff;
            }
            scatter[c] += Math.Sqrt(sq);
        }
        for (int c = 0; c < k; c++)
            if (size[c] > 0) scatter[c] /= size[c];

        double sum = 0;
        for (int a = 0; a < k; a++)
        {
            if (size[a] == 0) continue;
            double worst = 0;
            for (int b = 0; b < k; b++)
            {
                if (b == a || size[b] == 0) continue;
                double sq = 0;
                for (int j = 0; j < d; j++)
                {
                    double diff = centroids[a, j] - centroids[b, j];
                    sq += diff * diff;
                }
                worst = Math.Max(worst, (scatter[a] + scatter[b]) / Math.Sqrt(sq));
            }
            sum += worst;
        }
        return sum / k;
    }
}
