using System.Runtime.CompilerServices;
using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;
using MlNetDeep.Transforms;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Trainers;

/// <summary>
/// Scores rows with a trained network, adding ML.NET's output columns:
/// binary → <c>Score</c> (the logit), <c>Probability</c> (its sigmoid), <c>PredictedLabel</c> (Score &gt; <see cref="Threshold"/>, a logit; 0 by default);
/// multiclass → <c>Score</c> (softmax class probabilities) and <c>PredictedLabel</c> (a key whose KeyValues are the label's values, so
/// MapKeyToValue gives the label back); regression → <c>Score</c>. Saved in model files with its architecture and tensors.
/// </summary>
public sealed class DeepPredictionTransformer : RowToRowTransformerBase
{
    internal const string Tag = "DeepPrediction";
    private readonly ConditionalWeakTable<DataViewRow, RowScorer> _scorers = new();

    static DeepPredictionTransformer() => TransformerRegistry.Register(Tag, 1, Load);

    internal static void EnsureRegistered() => RuntimeHelpers.RunClassConstructor(typeof(DeepPredictionTransformer).TypeHandle);

    internal DeepPredictionTransformer(DeepModelParameters model, string featureColumnName, float threshold = 0)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        Threshold = threshold;
    }

    /// <summary>The trained network and its description.</summary>
    public DeepModelParameters Model { get; }

    /// <summary>The features column read.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Binary: PredictedLabel is Score &gt; Threshold (a logit: 0 is probability 0.5).</summary>
    public float Threshold { get; }

    /// <summary>The same model with another decision threshold on the logit (binary only).</summary>
    public DeepPredictionTransformer WithThreshold(float threshold)
    {
        if (Model.Task != DeepTask.BinaryClassification)
            throw new InvalidOperationException($"A threshold applies to binary classification. This model does {Model.Task}.");
        if (!float.IsFinite(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), $"Expected a finite threshold. Received: threshold={threshold}.");
        return new DeepPredictionTransformer(Model, FeatureColumnName, threshold);
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var size = TrainingTable.FeatureSizeOf(inputSchema, FeatureColumnName, nameof(DeepPredictionTransformer));
        var expected = Model.InputShape.Aggregate(1L, (a, b) => a * b);
        if (size != expected)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"{nameof(DeepPredictionTransformer)}: feature column '{FeatureColumnName}' has {size} features; the model expects {expected}.");
        int[] inputs = [inputSchema[FeatureColumnName].Index];
        switch (Model.Task)
        {
            case DeepTask.BinaryClassification:
                return
                [
                    new OutputColumn("Score", NumberDataViewType.Single, null, inputs, row => Scalar(row, s => s[0])),
                    new OutputColumn("Probability", NumberDataViewType.Single, null, inputs, row => Scalar(row, s => 1f / (1f + MathF.Exp(-s[0])))),
                    new OutputColumn("PredictedLabel", BooleanDataViewType.Instance, null, inputs, row =>
                    {
                        var scorer = ScorerFor(row);
                        return (ValueGetter<bool>)((ref bool v) => v = scorer.Scores()[0] > Threshold);
                    }),
                ];
            case DeepTask.MulticlassClassification:
                var k = Model.Labels.ClassCount;
                var keyValues = Model.Labels.ClassNames is { } names
                    ? new DataViewSchema.Annotations.Builder().Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, names.Length),
                        new VBuffer<ReadOnlyMemory<char>>(names.Length, names.Select(n => n.AsMemory()).ToArray())).ToAnnotations()
                    : null;
                return
                [
                    new OutputColumn("Score", new VectorDataViewType(NumberDataViewType.Single, k), null, inputs, row =>
                    {
                        var scorer = ScorerFor(row);
                        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
                        {
                            var s = scorer.Scores();
                            var arr = v.Buffer(k);
                            s.AsSpan(0, k).CopyTo(arr);
                            v = new VBuffer<float>(k, arr);
                        });
                    }),
                    new OutputColumn("PredictedLabel", new KeyDataViewType(typeof(uint), (ulong)k), keyValues, inputs, row =>
                    {
                        var scorer = ScorerFor(row);
                        return (ValueGetter<uint>)((ref uint v) =>
                        {
                            var s = scorer.Scores();
                            int best = 0;
                            for (int i = 1; i < k; i++) if (s[i] > s[best]) best = i;
                            v = (uint)best + 1;
                        });
                    }),
                ];
            default:
                return [new OutputColumn("Score", NumberDataViewType.Single, null, inputs, row => Scalar(row, s => s[0]))];
        }
    }

    private Delegate Scalar(DataViewRow row, Func<float[], float> pick)
    {
        var scorer = ScorerFor(row);
        return (ValueGetter<float>)((ref float v) => v = pick(scorer.Scores()));
    }

    // One forward per row, shared by the row's output columns (they ask for the same position).
    private RowScorer ScorerFor(DataViewRow row) => _scorers.GetValue(row, r => new RowScorer(this, r));

    private sealed class RowScorer
    {
        private readonly DeepPredictionTransformer _owner;
        private readonly DataViewRow _row;
        private readonly ValueGetter<VBuffer<float>> _features;
        private readonly long[] _shape;
        private VBuffer<float> _buffer;
        private long _position = -1;
        private float[] _scores = [];

        public RowScorer(DeepPredictionTransformer owner, DataViewRow row)
        {
            _owner = owner;
            _row = row;
            _features = row.GetGetter<VBuffer<float>>(row.Schema[owner.FeatureColumnName]);
            _shape = [1, .. owner.Model.InputShape];
        }

        public float[] Scores()
        {
            if (_row.Position == _position && _scores.Length > 0) return _scores;
            _features(ref _buffer);
            _scores = _owner.Predict(_buffer.DenseValues().ToArray(), _shape, 1);
            _position = _row.Position;
            return _scores;
        }
    }

    /// <summary>Runs <paramref name="rows"/> examples through the network and returns the output values (softmax for multiclass).</summary>
    internal float[] Predict(float[] features, long[] shape, int rows)
    {
        using var noGrad = TorchApi.NoGrad();
        using var scope = TorchApi.NewDisposeScope();
        var x = TorchApi.Tensor(features, shape);
        if (NetworkBuilder.TakesTokenIds(Model.Layers)) x = x.To(ScalarType.Int64);
        Tensor y;
        lock (Model.Module) y = Model.Module.Forward(x);
        if (Model.Task == DeepTask.MulticlassClassification) y = y.Softmax(1);
        return y.ToArray<float>();
    }

    private sealed class SavedParameters
    {
        public DeepTask Task { get; set; }
        public string FeatureColumnName { get; set; } = "";
        public float Threshold { get; set; }
        public long[] InputShape { get; set; } = [];
        public List<LayerSpec> Layers { get; set; } = [];
        public LabelMapping Labels { get; set; } = new();
        public List<string> Tensors { get; set; } = [];
    }

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx)
    {
        var tensors = Model.Module.StateDict();
        ctx.WriteParameters(new SavedParameters
        {
            Task = Model.Task,
            FeatureColumnName = FeatureColumnName,
            Threshold = Threshold,
            InputShape = [.. Model.InputShape],
            Layers = [.. Model.Layers],
            Labels = Model.Labels,
            Tensors = tensors.Select(t => t.Name).ToList(),
        });
        for (int i = 0; i < tensors.Count; i++)
        {
            using var t = tensors[i].Tensor;
            using var cpu = t.To(Device.Cpu);
            if (cpu.Dtype == ScalarType.Int64) ctx.WriteTensor<long>($"tensor{i}", cpu.ToArray<long>(), cpu.Shape);
            else ctx.WriteTensor<float>($"tensor{i}", cpu.ToArray<float>(), cpu.Shape);
        }
    }

    internal static DeepPredictionTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<SavedParameters>();
        if (!Enum.IsDefined(p.Task) || p.InputShape.Length == 0 || p.InputShape.Any(d => d < 1) || p.Layers.Count == 0)
            throw ctx.Error($"{Tag}: the saved architecture is malformed.");
        var size = (int)p.InputShape.Aggregate(1L, (a, b) => a * b);
        Sequential module;
        try { module = NetworkBuilder.Build(p.Layers, size); }
        catch (ArgumentException e) { throw ctx.Error($"{Tag}: {e.Message}"); }
        var state = module.StateDict();
        if (state.Count != p.Tensors.Count || state.Select(s => s.Name).Where((n, i) => n != p.Tensors[i]).Any())
            throw ctx.Error($"{Tag}: the saved tensors ({string.Join(", ", p.Tensors)}) do not match the architecture ({string.Join(", ", state.Select(s => s.Name))}).");
        using (TorchApi.NoGrad())
            for (int i = 0; i < state.Count; i++)
            {
                using var target = state[i].Tensor;
                using var source = target.Dtype == ScalarType.Int64
                    ? TorchApi.Tensor(ctx.ReadTensor<long>($"tensor{i}", out var ls), ls)
                    : TorchApi.Tensor(ctx.ReadTensor<float>($"tensor{i}", out var fs), fs);
                if (!source.Shape.SequenceEqual(target.Shape))
                    throw ctx.Error($"{Tag}: tensor '{state[i].Name}' has shape [{string.Join(", ", source.Shape)}]; the architecture needs [{string.Join(", ", target.Shape)}].");
                target.CopyFrom(source);
            }
        module.Eval();
        var model = new DeepModelParameters(p.Task, module, p.Layers, p.InputShape, p.Labels, new History());
        return new DeepPredictionTransformer(model, p.FeatureColumnName, p.Threshold);
    }
}
