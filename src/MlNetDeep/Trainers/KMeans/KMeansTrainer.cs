using MlNetDeep.Data;
using MlNetDeep.Transforms;

namespace MlNetDeep.Trainers;

/// <summary>
/// <c>ml.Clustering.Trainers.KMeans</c>: k-means clustering of a feature vector column, as ML.NET's
/// <c>KMeansTrainer</c>. Needs training data (read once into memory); input: a fixed-size vector of
/// Single; output: <c>PredictedLabel</c> (key of the nearest cluster, 1-based) and <c>Score</c>
/// (squared distances to every centroid) — see <see cref="ClusteringPredictionTransformer{TModel}"/>.
/// Seeding is greedy k-means++ (default) or random rows, then Lloyd iterations: assign each row to
/// its nearest centroid, move each centroid to the mean of its rows, until no assignment changes,
/// the inertia falls by at most <see cref="Options.OptimizationTolerance"/> of itself, or
/// <see cref="Options.MaximumNumberOfIterations"/> updates are done (an empty cluster moves onto
/// the row farthest from its centroid). The seed is
/// <see cref="Options.Seed"/>, else drawn from the MLContext's seed when the trainer is created, so
/// fitting the same trainer twice gives the same model, whatever <see cref="Options.NumberOfThreads"/>
/// (rows are split into fixed blocks and every sum runs in row order; bit-for-bit across machines only
/// when they have the same SIMD width). Rows with a NaN or infinite feature are rejected (naming the
/// row) rather than silently skipped as in ML.NET. Memory: the features once as Single (rows × length × 4 bytes).
/// ONNX export: expressible with ReduceSum, MatMul and ArgMin (not implemented yet).
/// </summary>
public sealed class KMeansTrainer : IEstimator<ClusteringPredictionTransformer<KMeansModelParameters>>
{
    /// <summary>How the first centroids are chosen (ML.NET's names). ML.NET's default, k-means|| ("KMeansYinyang"), is not offered; the default here is <see cref="KMeansPlusPlus"/>.</summary>
    public enum InitializationAlgorithm
    {
        /// <summary>
        /// k-means++: each next centroid is a row drawn with probability proportional to its squared
        /// distance to the nearest centroid so far; of 2 + ⌊ln k⌋ such draws the one that lowers the
        /// inertia most is kept (scikit-learn's greedy k-means++; plain k-means++ lands in poor optima more often).
        /// </summary>
        KMeansPlusPlus = 0,
        /// <summary>k distinct rows drawn uniformly.</summary>
        Random = 1,
    }

    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>The number of clusters.</summary>
        public const int NumberOfClusters = 5;
        /// <summary>The most Lloyd iterations.</summary>
        public const int MaximumNumberOfIterations = 1000;
        /// <summary>The relative inertia decrease below which training stops.</summary>
        public const float OptimizationTolerance = 1e-7f;
        /// <summary>The feature column.</summary>
        public const string FeatureColumnName = "Features";
    }

    /// <summary>Options of <see cref="KMeansTrainer"/> (ML.NET's names).</summary>
    public sealed class Options
    {
        /// <summary>The feature column: a fixed-size vector of Single.</summary>
        public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;
        /// <summary>The number of clusters k (at least 1, at most the number of rows).</summary>
        public int NumberOfClusters { get; set; } = Defaults.NumberOfClusters;
        /// <summary>How the first centroids are chosen.</summary>
        public InitializationAlgorithm InitializationAlgorithm { get; set; } = InitializationAlgorithm.KMeansPlusPlus;
        /// <summary>The most Lloyd iterations (centroid updates), at least 1.</summary>
        public int MaximumNumberOfIterations { get; set; } = Defaults.MaximumNumberOfIterations;
        /// <summary>Training stops when an iteration lowers the inertia by at most this fraction of it (≥ 0), or changes no assignment.</summary>
        public float OptimizationTolerance { get; set; } = Defaults.OptimizationTolerance;
        /// <summary>Threads for the distance computations (null: one per processor). The result does not depend on it.</summary>
        public int? NumberOfThreads { get; set; }
        /// <summary>The seed of the initialization (null: drawn from the MLContext's seed).</summary>
        public int? Seed { get; set; }
    }

    private readonly Options _options;
    private readonly int _seed;

    internal KMeansTrainer(MLContext context, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.FeatureColumnName))
            throw new ArgumentException($"Expected a feature column name. Received: featureColumnName='{options.FeatureColumnName}'", "featureColumnName");
        if (options.NumberOfClusters < 1)
            throw new ArgumentOutOfRangeException("numberOfClusters", $"Expected numberOfClusters >= 1. Received: numberOfClusters={options.NumberOfClusters}");
        if (options.MaximumNumberOfIterations < 1)
            throw new ArgumentOutOfRangeException("maximumNumberOfIterations", $"Expected maximumNumberOfIterations >= 1. Received: maximumNumberOfIterations={options.MaximumNumberOfIterations}");
        if (!(options.OptimizationTolerance >= 0) || float.IsInfinity(options.OptimizationTolerance))
            throw new ArgumentOutOfRangeException("optimizationTolerance", $"Expected a finite optimizationTolerance >= 0. Received: optimizationTolerance={options.OptimizationTolerance}");
        if (options.NumberOfThreads is < 1)
            throw new ArgumentOutOfRangeException("numberOfThreads", $"Expected numberOfThreads >= 1 or null. Received: numberOfThreads={options.NumberOfThreads}");
        if (!Enum.IsDefined(options.InitializationAlgorithm))
            throw new ArgumentOutOfRangeException("initializationAlgorithm", $"Expected KMeansPlusPlus or Random. Received: initializationAlgorithm={options.InitializationAlgorithm}");
        // A copy, so changing the caller's options object later does not change this trainer.
        _options = new Options
        {
            FeatureColumnName = options.FeatureColumnName, NumberOfClusters = options.NumberOfClusters,
            InitializationAlgorithm = options.InitializationAlgorithm, MaximumNumberOfIterations = options.MaximumNumberOfIterations,
            OptimizationTolerance = options.OptimizationTolerance, NumberOfThreads = options.NumberOfThreads, Seed = options.Seed,
        };
        _seed = context.ResolveSeed(options.Seed);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var f = ShapeChecks.Find(inputSchema, nameof(KMeansTrainer), _options.FeatureColumnName);
        if (f.Kind != SchemaShape.VectorKind.Vector || f.IsKey || f.ItemType != NumberDataViewType.Single)
            throw ShapeChecks.WrongType(nameof(KMeansTrainer), _options.FeatureColumnName, f, "a fixed-size vector of Single");
        return ShapeChecks.With(inputSchema,
            new SchemaShape.Column("PredictedLabel", SchemaShape.VectorKind.Scalar, NumberDataViewType.UInt32, true, []),
            new SchemaShape.Column("Score", SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, []));
    }

    /// <inheritdoc/>
    public ClusteringPredictionTransformer<KMeansModelParameters> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (x, n, d) = ReadFeatures(input);
        int k = _options.NumberOfClusters;
        if (k > n)
            throw new ArgumentOutOfRangeException("numberOfClusters", $"Expected numberOfClusters at most the number of rows ({n}). Received: numberOfClusters={k}");
        int threads = _options.NumberOfThreads ?? Environment.ProcessorCount;
        var rng = new Random(_seed);
        var init = _options.InitializationAlgorithm == InitializationAlgorithm.KMeansPlusPlus
            ? KMeansLloyd.KMeansPlusPlus(x, n, d, k, rng, threads, localTrials: 2 + (int)Math.Log(k))
            : KMeansLloyd.RandomRows(x, n, d, k, rng);
        var r = KMeansLloyd.Train(x, n, d, init, k, _options.MaximumNumberOfIterations, _options.OptimizationTolerance, threads);
        var model = new KMeansModelParameters(r.Centroids, k, d, r.Inertia, r.Iterations, r.Converged);
        return new ClusteringPredictionTransformer<KMeansModelParameters>(model, _options.FeatureColumnName);
    }

    /// <summary>The feature column as one row-major array; a non-finite value fails naming its row and slot.</summary>
    private (float[] X, int N, int D) ReadFeatures(IDataView input)
    {
        var name = _options.FeatureColumnName;
        var col = ShapeChecks.Find(input.Schema, nameof(KMeansTrainer), name);
        if (col.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true, Size: var d } || item != NumberDataViewType.Single)
            throw ShapeChecks.WrongType(nameof(KMeansTrainer), name, col.Type, "a fixed-size vector of Single");
        // One array of the final size when the row count is known (no second copy of a large matrix).
        long? known = input.GetRowCount();
        var x = new float[known is long rowsKnown && rowsKnown * d <= Array.MaxLength ? rowsKnown * d : 0];
        using var cursor = input.GetRowCursor([col]);
        var g = cursor.GetGetter<VBuffer<float>>(col);
        VBuffer<float> v = default;
        int n = 0;
        while (cursor.MoveNext())
        {
            g(ref v);
            var values = v.GetValues();
            if (values.Length != d) throw new InvalidOperationException($"KMeansTrainer: column '{name}' has {values.Length} values in row {n}; the type says {d}.");
            for (int i = 0; i < d; i++)
                if (!float.IsFinite(values[i]))
                    throw new ArgumentException($"KMeansTrainer: column '{name}' holds {values[i]} at row {n}, slot {i}; expected finite values (remove or replace missing values first).", nameof(input));
            if ((long)(n + 1) * d > x.Length)
            {
                long grown = Math.Max((long)(n + 1) * d, 2L * x.Length);
                if ((long)(n + 1) * d > Array.MaxLength) throw new InvalidOperationException($"KMeansTrainer: {n + 1} rows of {d} features exceed the largest array .NET can hold.");
                Array.Resize(ref x, (int)Math.Min(grown, Array.MaxLength));
            }
            values.CopyTo(x.AsSpan(n * d, d));
            n++;
        }
        if (n == 0) throw new ArgumentException($"KMeansTrainer: the training data has no rows. Received: 0 rows in column '{name}'", nameof(input));
        if (x.Length != n * d) Array.Resize(ref x, n * d);
        return (x, n, d);
    }
}
