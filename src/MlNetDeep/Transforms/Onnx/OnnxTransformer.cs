using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>
/// The fitted <c>ApplyOnnxModel</c>: runs an ONNX model through ONNX Runtime on the rows of a view.
/// Each pipeline column in <see cref="InputColumnNames"/> feeds the model input of the same name;
/// each model output in <see cref="OutputColumnNames"/> becomes a column of that name.
/// <list type="bullet">
/// <item>Checks when bound to a schema (Fit, GetOutputSchema, Transform): the input exists in the
/// model and the column exists, the column's item type is the input's element type, and its
/// values per row fit the input's shape after the batch dimension (a vector of 11 for [batch, 11],
/// 784 for [batch, 1, 28, 28]). A dimension left dynamic besides the batch one takes whatever the
/// row's length gives it (variable-length vectors).</item>
/// <item>Batches: a cursor reads up to <see cref="OnnxOptions.BatchSize"/> rows ahead and scores them
/// in one run when the model's first input dimension is dynamic; rows of a variable-length column
/// run together only with neighbours of the same length (a length change starts a new run: no
/// padding, so values never depend on other rows). Models with a fixed first dimension run one row
/// at a time.</item>
/// <item>Output columns: after the batch dimension, one value → a scalar column ([batch], [batch, 1]);
/// fixed dimensions → a vector with those dimensions; a dynamic one → a variable-length vector.</item>
/// <item>Saving: the model's bytes are written into the model file, so a saved pipeline loads
/// without the original .onnx file.</item>
/// </list>
/// Thread safety: one ONNX Runtime session is shared by every cursor and prediction engine
/// (ONNX Runtime runs are thread-safe); each cursor keeps its own buffers.
/// </summary>
public sealed class OnnxTransformer : ITransformer, IDisposable
{
    private readonly byte[] _model;
    private readonly OnnxOptions _options;

    internal OnnxTransformer(byte[] model, OnnxOptions options)
    {
        _model = model;
        _options = options.Clone();
        Session = Open(model, _options, out bool onCpu);
        RunsOnCpu = onCpu;
        var inputs = options.InputColumns is { Length: > 0 } i ? i : Session.Inputs.Select(n => n.Name).ToArray();
        var outputs = options.OutputColumns is { Length: > 0 } o ? o : Session.Outputs.Select(n => n.Name).ToArray();
        InputColumnNames = [.. inputs];
        OutputColumnNames = [.. outputs];
        foreach (var name in InputColumnNames)
            if (!Session.Inputs.Any(n => n.Name == name))
                throw new ArgumentException($"ApplyOnnxModel: the ONNX model has no input '{name}'. Model inputs: {Describe(Session.Inputs)}", nameof(options));
        foreach (var node in Session.Inputs)
            if (!InputColumnNames.Contains(node.Name))
                throw new ArgumentException($"ApplyOnnxModel: the ONNX model's input '{node}' is fed by no column. Expected inputColumnNames to include '{node.Name}'. Received: [{string.Join(", ", InputColumnNames)}]", nameof(options));
        foreach (var name in OutputColumnNames)
            if (!Session.Outputs.Any(n => n.Name == name))
                throw new ArgumentException($"ApplyOnnxModel: the ONNX model has no output '{name}'. Model outputs: {Describe(Session.Outputs)}", nameof(options));
        if (InputColumnNames.Distinct().Count() != InputColumnNames.Count || OutputColumnNames.Distinct().Count() != OutputColumnNames.Count)
            throw new ArgumentException($"ApplyOnnxModel: expected each input and output at most once. Received: inputs [{string.Join(", ", InputColumnNames)}], outputs [{string.Join(", ", OutputColumnNames)}]", nameof(options));
        foreach (var node in Session.Outputs.Where(n => OutputColumnNames.Contains(n.Name)))
            OutputItemType(node);
    }

    /// <summary>The pipeline columns fed to the model (each to the input of its name).</summary>
    public IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>The model outputs added as columns.</summary>
    public IReadOnlyList<string> OutputColumnNames { get; }

    /// <summary>Rows per ONNX Runtime run.</summary>
    public int BatchSize => _options.BatchSize;

    /// <summary>Whether the session runs on the CPU (also after falling back from CUDA).</summary>
    public bool RunsOnCpu { get; }

    /// <summary>The ONNX Runtime session (shared; its Run is thread-safe).</summary>
    internal OnnxSession Session { get; }

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => OnnxScoringDataView.MakeSchema(inputSchema, Bind(inputSchema));

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new OnnxScoringDataView(input, this, Bind(input.Schema));
    }

    /// <summary>
    /// A single-row engine over this model alone, faster than a general prediction engine (no data
    /// view in between; see <see cref="OnnxPredictionEngine{TSrc, TDst}"/>). Members of
    /// <typeparamref name="TSrc"/> feed the inputs of their names; members of <typeparamref name="TDst"/>
    /// receive the outputs of their names.
    /// </summary>
    public OnnxPredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>()
        where TSrc : class
        where TDst : class, new() => new(this);

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => Session.Dispose();

    private static OnnxSession Open(byte[] model, OnnxOptions options, out bool onCpu)
    {
        onCpu = options.GpuDeviceId is null;
        try
        {
            return OnnxSession.FromBytes(model, options.SessionOptions(onCpu));
        }
        catch (OnnxRuntimeException) when (!onCpu && options.FallbackToCpu)
        {
            onCpu = true;
            return OnnxSession.FromBytes(model, options.SessionOptions(onCpu: true));
        }
    }

    /// <summary>The checked mapping of this model onto a schema.</summary>
    internal OnnxBinding Bind(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var nodes = Session.Inputs;
        // One run can hold many rows only if every input's first dimension is the (dynamic) batch.
        bool batched = nodes.All(n => n.Rank >= 1 && n.Shape[0] < 0);
        var inputs = new OnnxInputBinding[InputColumnNames.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            var node = nodes.Single(n => n.Name == InputColumnNames[i]);
            var column = ShapeChecks.Find(schema, "ApplyOnnxModel", node.Name);
            inputs[i] = BindInput(node, column, batched);
        }
        var outputs = new OnnxOutputBinding[OutputColumnNames.Count];
        for (int j = 0; j < outputs.Length; j++)
        {
            var node = Session.Outputs.Single(n => n.Name == OutputColumnNames[j]);
            outputs[j] = BindOutput(node, batched);
        }
        return new OnnxBinding(batched, batched ? _options.BatchSize : 1, inputs, outputs);
    }

    private static OnnxInputBinding BindInput(OnnxNodeInfo node, DataViewSchema.Column column, bool batched)
    {
        if (!node.IsTensor) throw new NotSupportedException($"ApplyOnnxModel: ONNX input '{node.Name}' is not a tensor; only tensor inputs can be fed from columns.");
        var item = column.Type.GetItemType();
        var expected = OnnxElementTypes.ClrType(node.ElementType);
        if (expected is null || item.RawType != expected || item is KeyDataViewType)
            throw new ArgumentException(
                $"ApplyOnnxModel: column '{column.Name}' feeds ONNX input '{node.Name}', which expects element type {node.ElementType} (shape {node.ShapeText}). " +
                $"Received: column type {column.Type}", "inputSchema");
        var rowDims = (batched ? node.Shape.Skip(1) : node.Shape).ToArray();
        long fixedCount = 1;
        int dynamicIndex = -1;
        for (int d = 0; d < rowDims.Length; d++)
        {
            if (rowDims[d] >= 0) { fixedCount *= rowDims[d]; continue; }
            if (dynamicIndex >= 0)
                throw new NotSupportedException(
                    $"ApplyOnnxModel: ONNX input '{node.Name}' (shape {node.ShapeText}) has more than one dynamic dimension besides the batch; a column's length cannot fix them.");
            dynamicIndex = d;
        }
        int size = column.Type is VectorDataViewType v ? v.Size : 1; // 0: variable length
        bool fits = size == 0 || (dynamicIndex < 0 ? size == fixedCount : fixedCount > 0 && size % fixedCount == 0);
        if (!fits)
            throw new ArgumentException(
                $"ApplyOnnxModel: column '{column.Name}' feeds ONNX input '{node.Name}', which expects " +
                (dynamicIndex < 0 ? $"{fixedCount} values per row" : $"a multiple of {fixedCount} values per row") +
                $" (shape {node.ShapeText}). Received: column type {column.Type} ({size} value{(size == 1 ? "" : "s")} per row)", "inputSchema");
        return new OnnxInputBinding(node, column, expected, rowDims, fixedCount, dynamicIndex);
    }

    private static OnnxOutputBinding BindOutput(OnnxNodeInfo node, bool batched)
    {
        var item = OutputItemType(node);
        var dims = (batched ? node.Shape.Skip(1) : node.Shape).ToArray();
        DataViewType type;
        if (dims.Any(d => d < 0)) type = new VectorDataViewType(item);
        else if (dims.Aggregate(1L, (a, b) => a * b) == 1) type = item;
        else type = new VectorDataViewType(item, dims.Select(d => checked((int)d)).ToArray());
        return new OnnxOutputBinding(node, type, item.RawType, type is not VectorDataViewType);
    }

    private static PrimitiveDataViewType OutputItemType(OnnxNodeInfo node) => node.ElementType switch
    {
        OnnxElementType.Float => NumberDataViewType.Single,
        OnnxElementType.Double => NumberDataViewType.Double,
        OnnxElementType.Int64 => NumberDataViewType.Int64,
        OnnxElementType.Int32 => NumberDataViewType.Int32,
        OnnxElementType.UInt32 => NumberDataViewType.UInt32,
        OnnxElementType.Bool => BooleanDataViewType.Instance,
        _ => throw new NotSupportedException(
            $"ApplyOnnxModel: ONNX output '{node}' cannot be a column. Expected element type Float, Double, Int64, Int32, UInt32 or Bool. Received: {(node.IsTensor ? node.ElementType.ToString() : "not a tensor")}"),
    };

    private static string Describe(IEnumerable<OnnxNodeInfo> nodes) => string.Join(", ", nodes.Select(n => n.ToString()));

    private sealed record Params(string[] Inputs, string[] Outputs, int? GpuDeviceId, bool FallbackToCpu, int IntraOpNumThreads,
        int InterOpNumThreads, OnnxGraphOptimizationLevel GraphOptimizationLevel, int BatchSize);

    /// <inheritdoc/>
    public void Save(ModelSaveContext ctx)
    {
        ctx.WriteParameters(new Params([.. InputColumnNames], [.. OutputColumnNames], _options.GpuDeviceId, _options.FallbackToCpu,
            _options.IntraOpNumThreads, _options.InterOpNumThreads, _options.GraphOptimizationLevel, _options.BatchSize));
        ctx.WriteTensor<byte>("model", _model, _model.Length);
    }

    internal static OnnxTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        var model = ctx.ReadTensor<byte>("model", out _);
        return new OnnxTransformer(model, new OnnxOptions
        {
            InputColumns = p.Inputs, OutputColumns = p.Outputs, GpuDeviceId = p.GpuDeviceId, FallbackToCpu = p.FallbackToCpu,
            IntraOpNumThreads = p.IntraOpNumThreads, InterOpNumThreads = p.InterOpNumThreads,
            GraphOptimizationLevel = p.GraphOptimizationLevel, BatchSize = p.BatchSize,
        });
    }
}

/// <summary>How a transformer's model maps onto one input schema (see <see cref="OnnxTransformer.Bind"/>).</summary>
internal sealed record OnnxBinding(bool Batched, int BatchSize, OnnxInputBinding[] Inputs, OnnxOutputBinding[] Outputs);

/// <summary>A column feeding a model input: the dimensions of one row (-1 for the dynamic one), the
/// product of the fixed ones and the dynamic one's position (-1 when none).</summary>
internal sealed record OnnxInputBinding(OnnxNodeInfo Node, DataViewSchema.Column Column, Type ItemType, long[] RowDims, long FixedCount, int DynamicIndex);

/// <summary>A model output added as a column.</summary>
internal sealed record OnnxOutputBinding(OnnxNodeInfo Node, DataViewType Type, Type ItemType, bool IsScalar);
