using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Trainers;

/// <summary>
/// A trained k-means model, as ML.NET's <c>KMeansModelParameters</c>: the cluster centroids, and
/// how training went (<see cref="TrainingInertia"/>). Scoring a row gives, for each cluster c, the
/// squared Euclidean distance ‖x − μ_c‖² (ML.NET's <c>Score</c> semantics); the predicted cluster
/// is the nearest one.
/// </summary>
public sealed class KMeansModelParameters
{
    private readonly float[] _centroids;

    internal KMeansModelParameters(float[] centroids, int k, int featureCount, double[] inertia, int iterations, bool converged)
    {
        _centroids = centroids; NumberOfClusters = k; FeatureCount = featureCount;
        TrainingInertia = inertia; NumberOfIterations = iterations; Converged = converged;
    }

    /// <summary>The number of clusters k.</summary>
    public int NumberOfClusters { get; }

    /// <summary>The length of the feature vectors (and of each centroid).</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// The inertia Σ_i ‖x_i − μ_{a_i}‖² over the training rows (a_i: the nearest centroid), after the
    /// initial assignment and after each Lloyd iteration; never increasing.
    /// </summary>
    public IReadOnlyList<double> TrainingInertia { get; }

    /// <summary>The number of Lloyd iterations (centroid updates) run.</summary>
    public int NumberOfIterations { get; }

    /// <summary>Whether training stopped by convergence (no assignment changed, or the inertia fell by at most the tolerance) rather than by the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Copies the centroids into <paramref name="centroids"/> (reallocated when null or shorter than
    /// k), one dense vector of <see cref="FeatureCount"/> values per cluster, cluster c at index c
    /// (its key in <c>PredictedLabel</c> is c + 1), as ML.NET.
    /// </summary>
    public void GetClusterCentroids(ref VBuffer<float>[] centroids, out int k)
    {
        k = NumberOfClusters;
        if (centroids is null || centroids.Length < k) centroids = new VBuffer<float>[k];
        for (int c = 0; c < k; c++) centroids[c] = new VBuffer<float>(FeatureCount, _centroids.AsSpan(c * FeatureCount, FeatureCount).ToArray());
    }

    /// <summary>
    /// Writes ‖x − μ_c‖² for every cluster into <paramref name="distances"/> and returns the index of
    /// the nearest cluster (lowest index on ties), or −1 when <paramref name="features"/> holds a NaN
    /// or infinity (the distances are then NaN).
    /// </summary>
    internal int Score(ReadOnlySpan<float> features, Span<float> distances)
    {
        int d = FeatureCount;
        foreach (var v in features)
        {
            if (float.IsFinite(v)) continue;
            distances[..NumberOfClusters].Fill(float.NaN);
            return -1;
        }
        int best = 0;
        for (int c = 0; c < NumberOfClusters; c++)
        {
            distances[c] = KMeansLloyd.SquaredDistance(features, _centroids.AsSpan(c * d, d));
            if (distances[c] < distances[best]) best = c;
        }
        return best;
    }

    internal sealed record Saved(int NumberOfClusters, int FeatureCount, double[] TrainingInertia, int NumberOfIterations, bool Converged);

    internal void Save(ModelSaveContext ctx, string featureColumnName)
    {
        ctx.WriteParameters(new { FeatureColumnName = featureColumnName, Model = new Saved(NumberOfClusters, FeatureCount, [.. TrainingInertia], NumberOfIterations, Converged) });
        ctx.WriteTensor<float>("centroids", _centroids, NumberOfClusters, FeatureCount);
    }

    internal sealed record SavedTransformer(string FeatureColumnName, Saved Model);

    internal static (KMeansModelParameters Model, string FeatureColumnName) Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<SavedTransformer>();
        var m = p.Model ?? throw ctx.Error("k-means parameters are missing.");
        if (string.IsNullOrEmpty(p.FeatureColumnName)) throw ctx.Error("k-means feature column name is missing.");
        var centroids = ctx.ReadTensor<float>("centroids", out var shape);
        if (shape.Length != 2 || shape[0] != m.NumberOfClusters || shape[1] != m.FeatureCount || m.NumberOfClusters < 1 || m.FeatureCount < 1)
            throw ctx.Error($"k-means centroids have shape [{string.Join(", ", shape)}]; expected [{m.NumberOfClusters}, {m.FeatureCount}].");
        return (new KMeansModelParameters(centroids, m.NumberOfClusters, m.FeatureCount, m.TrainingInertia ?? [], m.NumberOfIterations, m.Converged), p.FeatureColumnName);
    }
}
