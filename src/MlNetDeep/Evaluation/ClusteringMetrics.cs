namespace MlNetDeep.Data;

/// <summary>Evaluation results for a clustering model, as ML.NET reports them.</summary>
public sealed class ClusteringMetrics
{
    internal ClusteringMetrics(double normalizedMutualInformation, double averageDistance, double daviesBouldinIndex)
    {
        NormalizedMutualInformation = normalizedMutualInformation;
        AverageDistance = averageDistance;
        DaviesBouldinIndex = daviesBouldinIndex;
    }

    /// <summary>
    /// How much knowing a row's cluster tells about its label, normalised as ML.NET does:
    /// <c>I(label; cluster) / H(label)</c> in nats, 1 when clusters determine labels. This is not
    /// scikit-learn's default (arithmetic-mean) normalisation. NaN when no labels were given or
    /// every label is 0.
    /// </summary>
    public double NormalizedMutualInformation { get; }

    /// <summary>Mean over rows of the score of the assigned cluster (for k-means, the squared distance to its centroid).</summary>
    public double AverageDistance { get; }

    /// <summary>
    /// Davies–Bouldin index (lower is better): with cᵢ the mean of the features assigned to cluster
    /// i and sᵢ their mean Euclidean distance to cᵢ, <c>(1/k) Σᵢ maxⱼ≠ᵢ (sᵢ + sⱼ) / ‖cᵢ − cⱼ‖</c>.
    /// Equals scikit-learn's <c>davies_bouldin_score</c> when no cluster is empty (an empty cluster
    /// adds 0 but still counts in k, as in ML.NET). NaN when no features were given.
    /// </summary>
    public double DaviesBouldinIndex { get; }
}
