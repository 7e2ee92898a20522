using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Transforms;

namespace MlNetDeep.Trainers;

/// <summary>
/// A trained clustering model applied to rows, as ML.NET's <c>ClusteringPredictionTransformer</c>.
/// Input: the feature column (a fixed-size vector of Single of the training length). Output, added
/// after the input columns:
/// <list type="bullet">
/// <item><c>PredictedLabel</c>: a key of k values (uint, 1-based): the nearest cluster c has key c + 1;
/// key 0 (missing) when the features hold a NaN or infinity.</item>
/// <item><c>Score</c>: a vector of k Single, the squared Euclidean distance d_c = ‖x − μ_c‖² to each
/// centroid, lower is nearer, NaN for non-finite features. This is ML.NET's documented k-means score;
/// ML.NET evaluates it as max(0, ‖x‖² − 2x·μ_c + ‖μ_c‖²), here it is Σ_i (x_i − μ_c,i)², the same value
/// up to float rounding, never negative and exact for a row equal to a centroid.</item>
/// </list>
/// <c>ml.Clustering.Evaluate</c> reads these columns as they are (its average distance is the mean of
/// the smallest Score, i.e. the inertia divided by the row count).
/// ONNX note: the scoring is ReduceSum(x², axis 1) − 2·MatMul(x, Cᵀ) + ReduceSum(C², axis 1) for
/// Score and ArgMin + 1 (cast to uint32) for PredictedLabel; nothing here needs a custom operator.
/// </summary>
public sealed class ClusteringPredictionTransformer<TModel> : RowToRowTransformerBase where TModel : class
{
    private readonly KMeansModelParameters _kmeans;

    internal ClusteringPredictionTransformer(TModel model, string featureColumnName)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        _kmeans = model as KMeansModelParameters ?? throw new NotSupportedException($"No clustering scorer for {typeof(TModel).Name}.");
    }

    /// <summary>The trained model parameters.</summary>
    public TModel Model { get; }

    /// <summary>The feature column read by scoring.</summary>
    public string FeatureColumnName { get; }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        const string who = "ClusteringPredictionTransformer";
        var c = ShapeChecks.Find(inputSchema, who, FeatureColumnName);
        int d = _kmeans.FeatureCount, k = _kmeans.NumberOfClusters;
        if (c.Type is not VectorDataViewType { ItemType: var item, Size: var size } || item != NumberDataViewType.Single || size != d)
            throw ShapeChecks.WrongType(who, FeatureColumnName, c.Type, $"a vector of {d} Single (the training feature length)");
        return
        [
            new OutputColumn(DefaultColumnNames.PredictedLabel, new KeyDataViewType(typeof(uint), (ulong)k), null, [c.Index], row =>
            {
                var score = Scorer(row, c);
                return (ValueGetter<uint>)((ref uint key) => key = (uint)(score(out _) + 1));
            }),
            new OutputColumn(DefaultColumnNames.Score, new VectorDataViewType(NumberDataViewType.Single, k), null, [c.Index], row =>
            {
                var score = Scorer(row, c);
                return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
                {
                    score(out var distances);
                    var arr = dst.Buffer(k);
                    distances.CopyTo(arr, 0);
                    dst = new VBuffer<float>(k, arr);
                });
            }),
        ];
    }

    private delegate int ScoreRow(out float[] distances);

    /// <summary>Scores the cursor's current row, once per row position (a getter called twice on one row does not rescore).</summary>
    private ScoreRow Scorer(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<VBuffer<float>>(c);
        VBuffer<float> x = default;
        var distances = new float[_kmeans.NumberOfClusters];
        long position = -1;
        int best = -1;
        return (out float[] d) =>
        {
            if (row.Position != position || position < 0)
            {
                g(ref x);
                var values = x.GetValues();
                if (values.Length != _kmeans.FeatureCount)
                    throw new InvalidOperationException($"ClusteringPredictionTransformer: column '{FeatureColumnName}' has {values.Length} values in row {row.Position}; expected {_kmeans.FeatureCount}.");
                best = _kmeans.Score(values, distances);
                position = row.Position;
            }
            d = distances;
            return best;
        };
    }

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => _kmeans.Save(ctx, FeatureColumnName);
}

/// <summary>The column names ML.NET's trainers and evaluators use by default.</summary>
file static class DefaultColumnNames
{
    public const string PredictedLabel = "PredictedLabel";
    public const string Score = "Score";
}
