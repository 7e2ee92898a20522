using System.Runtime.CompilerServices;
using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;
using MlNetDeep.Trainers;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Transforms;

/// <summary>
/// A trained autoencoder (from <c>ml.Transforms.Autoencoder</c>). Adds three columns: the code (<c>EncodedFeatures</c>, a float
/// vector of the code size, e.g. for k-means), the reconstruction (<c>Reconstruction</c>, a float vector of the input's size) and
/// <c>ReconstructionError</c>, the row's mean squared difference between the reconstruction and the input (an anomaly score:
/// rows unlike the training data reconstruct worse). Saved in model files with its architecture and tensors.
/// </summary>
public sealed class AutoencoderTransformer : RowToRowTransformerBase
{
    internal const string Tag = "Autoencoder";
    private readonly ConditionalWeakTable<DataViewRow, RowScorer> _scorers = new();
    private readonly AutoencoderNetwork _network;

#pragma warning disable CA2255 // A library module initializer is intended here: registration must precede any model load.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TransformerRegistry.Register(Tag, 1, Load);

    // The module initializer has registered the tag; kept so the estimator states the dependency.
    internal static void EnsureRegistered() { }

    internal AutoencoderTransformer(Sequential module, AutoencoderNetwork network, string inputColumnName, string encodedColumnName,
        string reconstructionColumnName, string errorColumnName, History history)
    {
        Module = module;
        _network = network;
        InputColumnName = inputColumnName;
        EncodedColumnName = encodedColumnName;
        ReconstructionColumnName = reconstructionColumnName;
        ErrorColumnName = errorColumnName;
        History = history;
    }

    /// <summary>The whole network (evaluation mode, on the CPU): the encoder's layers first, then the decoder's.</summary>
    public Sequential Module { get; }

    /// <summary>How many of <see cref="Module"/>'s layers form the encoder.</summary>
    public int EncoderLength => _network.EncoderLength;

    /// <summary>The code size.</summary>
    public int CodeSize => _network.CodeSize;

    /// <summary>The shape of one input (no batch dimension).</summary>
    public IReadOnlyList<long> InputShape => _network.InputShape;

    /// <summary>The input column.</summary>
    public string InputColumnName { get; }

    /// <summary>The code column.</summary>
    public string EncodedColumnName { get; }

    /// <summary>The reconstruction column.</summary>
    public string ReconstructionColumnName { get; }

    /// <summary>The reconstruction error column.</summary>
    public string ErrorColumnName { get; }

    /// <summary>Per-epoch training (and validation) losses; empty for a model loaded from a file.</summary>
    public History History { get; }

    /// <summary>The Keras-like summary of the whole network.</summary>
    public string Summary() => ModelSummary.Summary(Module, [.. _network.InputShape]);

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var size = TrainingTable.FeatureSizeOf(inputSchema, InputColumnName, nameof(AutoencoderTransformer));
        if (size != _network.InputSize)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"{nameof(AutoencoderTransformer)}: column '{InputColumnName}' has {size} values; the model expects {_network.InputSize}.");
        int[] inputs = [inputSchema[InputColumnName].Index];
        return
        [
            new OutputColumn(EncodedColumnName, new VectorDataViewType(NumberDataViewType.Single, CodeSize), null, inputs, row => Vector(row, s => s.Code)),
            new OutputColumn(ReconstructionColumnName, new VectorDataViewType(NumberDataViewType.Single, size), null, inputs, row => Vector(row, s => s.Reconstruction)),
            new OutputColumn(ErrorColumnName, NumberDataViewType.Single, null, inputs, row =>
            {
                var scorer = ScorerFor(row);
                return (ValueGetter<float>)((ref float v) => v = scorer.Compute().Error);
            }),
        ];
    }

    private Delegate Vector(DataViewRow row, Func<RowScorer, float[]> pick)
    {
        var scorer = ScorerFor(row);
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
        {
            scorer.Compute();
            var s = pick(scorer);
            var arr = v.Buffer(s.Length);
            s.CopyTo(arr, 0);
            v = new VBuffer<float>(s.Length, arr);
        });
    }

    // One forward per row, shared by the row's three output columns.
    private RowScorer ScorerFor(DataViewRow row) => _scorers.GetValue(row, r => new RowScorer(this, r));

    private sealed class RowScorer(AutoencoderTransformer owner, DataViewRow row)
    {
        private readonly ValueGetter<VBuffer<float>> _input = row.GetGetter<VBuffer<float>>(row.Schema[owner.InputColumnName]);
        private VBuffer<float> _buffer;
        private long _position = -1;

        public float[] Code { get; private set; } = [];
        public float[] Reconstruction { get; private set; } = [];
        public float Error { get; private set; }

        public RowScorer Compute()
        {
            if (row.Position == _position) return this;
            _input(ref _buffer);
            var x = _buffer.DenseValues().ToArray();
            (Code, Reconstruction) = owner.Run(x, 1);
            double sum = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = Reconstruction[i] - x[i];
                sum += d * d;
            }
            Error = (float)(sum / x.Length);
            _position = row.Position;
            return this;
        }
    }

    /// <summary>Codes ([rows × code size]) and reconstructions ([rows × input size]) of <paramref name="rows"/> row-major inputs.</summary>
    internal (float[] Code, float[] Reconstruction) Run(float[] inputs, long rows)
    {
        using var noGrad = TorchApi.NoGrad();
        using var scope = TorchApi.NewDisposeScope();
        var h = TorchApi.Tensor(inputs, new long[] { rows }.Concat(_network.InputShape).ToArray());
        float[] code = [];
        lock (Module)
        {
            for (int i = 0; i < Module.Layers.Count; i++)
            {
                h = Module.Layers[i].Forward(h);
                if (i == _network.EncoderLength - 1) code = h.ToArray<float>();
            }
        }
        return (code, h.ToArray<float>());
    }

    private sealed class SavedParameters
    {
        public string InputColumnName { get; set; } = "";
        public string EncodedColumnName { get; set; } = "";
        public string ReconstructionColumnName { get; set; } = "";
        public string ErrorColumnName { get; set; } = "";
        public AutoencoderNetwork Network { get; set; } = new();
        public List<string> Tensors { get; set; } = [];
    }

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx)
    {
        var tensors = Module.StateDict();
        ctx.WriteParameters(new SavedParameters
        {
            InputColumnName = InputColumnName,
            EncodedColumnName = EncodedColumnName,
            ReconstructionColumnName = ReconstructionColumnName,
            ErrorColumnName = ErrorColumnName,
            Network = _network,
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

    internal static AutoencoderTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<SavedParameters>();
        var n = p.Network;
        if (!Enum.IsDefined(n.Kind) || n.InputShape.Length == 0 || n.InputShape.Any(d => d < 1) || n.CodeSize < 1
            || (n.Kind == AutoencoderKind.Convolutional && n.InputShape.Length != 3))
            throw ctx.Error($"{Tag}: the saved architecture is malformed.");
        var savedEncoder = n.EncoderLength;
        Sequential module;
        try { module = n.Build(); }
        catch (ArgumentException e) { throw ctx.Error($"{Tag}: {e.Message}"); }
        if (savedEncoder != n.EncoderLength) throw ctx.Error($"{Tag}: the saved encoder length {savedEncoder} does not match the architecture ({n.EncoderLength}).");
        var state = module.StateDict();
        if (state.Count != p.Tensors.Count || state.Select(s => s.Name).Where((name, i) => name != p.Tensors[i]).Any())
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
        return new AutoencoderTransformer(module, n, p.InputColumnName, p.EncodedColumnName, p.ReconstructionColumnName, p.ErrorColumnName, new History());
    }
}
