using System.Buffers.Binary;
using Google.Protobuf;
using MlNetDeep.Torch;
using P = global::Onnx;

namespace MlNetDeep.Onnx;

/// <summary>
/// Builds one ONNX graph step by step: graph inputs and outputs (the first dimension is the
/// dynamic <see cref="BatchDimension"/>), constant tensors (initializers) and nodes, each value
/// under a name that is unique in the graph. The model it writes imports the default ONNX domain
/// at <see cref="OpsetVersion"/> and names MlNetDeep as its producer. Exporters of networks and of
/// pipeline steps append to the same builder, each feeding on the value names the previous one returned.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The ONNX operator set the graph is written for (stated in the file's opset import).</summary>
    public const int OpsetVersion = 13;

    /// <summary>The ONNX IR version that goes with <see cref="OpsetVersion"/> (ONNX 1.8).</summary>
    public const long IrVersion = 7;

    /// <summary>The symbolic name of the first (batch) dimension of graph inputs and outputs.</summary>
    public const string BatchDimension = "batch";

    public const string ProducerName = "MlNetDeep";

    private readonly P.GraphProto _graph;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string graphName = "MlNetDeep")
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        _graph = new P.GraphProto { Name = graphName };
    }

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => _graph.Node.Count;

    /// <summary>
    /// A name not used yet in this graph: <paramref name="hint"/> itself when free, else the hint
    /// followed by "_1", "_2", .... The name is reserved.
    /// </summary>
    public string UniqueName(string hint)
    {
        ArgumentException.ThrowIfNullOrEmpty(hint);
        if (_names.Add(hint)) return hint;
        for (int i = 1; ; i++)
        {
            var candidate = $"{hint}_{i}";
            if (_names.Add(candidate)) return candidate;
        }
    }

    /// <summary>
    /// Declares a graph input named exactly <paramref name="name"/> of shape
    /// (<see cref="BatchDimension"/>, <paramref name="dims"/>...). A dimension of -1 is dynamic and
    /// gets the symbolic name "<paramref name="name"/>_dim{index}". Returns the name.
    /// </summary>
    public string AddInput(string name, OnnxDataType type, params long[] dims)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dims);
        if (!_names.Add(name))
            throw new ArgumentException($"Expected a name not used yet in the graph. Received: name={name}.", nameof(name));
        _graph.Input.Add(ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>
    /// Declares the value <paramref name="value"/> a graph output named <paramref name="name"/>
    /// (an Identity node renames it when the names differ), of shape (<see cref="BatchDimension"/>,
    /// <paramref name="dims"/>...) where -1 is a dynamic dimension; null dims leave the shape unstated.
    /// </summary>
    public string AddOutput(string value, string name, OnnxDataType type, long[]? dims)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value != name)
        {
            if (!_names.Add(name))
                throw new ArgumentException($"Expected a name not used yet in the graph. Received: name={name}.", nameof(name));
            AddNodeTo("Identity", new[] { value }, new[] { name }, Array.Empty<OnnxAttribute>());
        }
        _graph.Output.Add(dims is null
            ? new P.ValueInfoProto { Name = name, Type = new P.TypeProto { TensorType = new P.TypeProto.Types.Tensor { ElemType = (int)type } } }
            : ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>A float32 constant with the values and shape of <paramref name="tensor"/> (converted from any device and floating type).</summary>
    public string AddInitializer(string hint, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var cpu = tensor.To(Device.Cpu, ScalarType.Float32);
        return AddInitializer(hint, cpu.ToArray<float>(), cpu.Shape);
    }

    /// <summary>A float32 constant of shape <paramref name="dims"/> (empty for a scalar), stored as little-endian raw data.</summary>
    public string AddInitializer(string hint, float[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return AddRawInitializer(hint, OnnxDataType.Float, bytes, dims);
    }

    /// <summary>An int64 constant of shape <paramref name="dims"/> (empty for a scalar), e.g. a Reshape target or Gather index.</summary>
    public string AddInitializer(string hint, long[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return AddRawInitializer(hint, OnnxDataType.Int64, bytes, dims);
    }

    /// <summary>Adds a node with one output, named after <paramref name="opType"/>; returns the output's name. An input "" is an omitted optional input.</summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        AddNode(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputCount"/> outputs and returns their names.</summary>
    public IReadOnlyList<string> AddNode(string opType, IReadOnlyList<string> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        if (outputCount < 1)
            throw new ArgumentOutOfRangeException(nameof(outputCount), outputCount, $"Expected at least one output. Received: outputCount={outputCount}.");
        foreach (var input in inputs)
            if (input.Length != 0 && !_names.Contains(input))
                throw new ArgumentException($"Expected inputs that are values of this graph. Received: {input} for {opType}.", nameof(inputs));
        var outputs = new string[outputCount];
        for (int i = 0; i < outputCount; i++) outputs[i] = UniqueName(outputCount == 1 ? opType : $"{opType}_out{i}");
        AddNodeTo(opType, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>The model: graph, IR version, opset import and producer.</summary>
    internal P.ModelProto ToModel()
    {
        var model = new P.ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new P.OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model;
    }

    /// <summary>The serialized model (ONNX's protobuf format).</summary>
    public byte[] ToBytes() => ToModel().ToByteArray();

    /// <summary>Writes the serialized model to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ToModel().WriteTo(stream);
    }

    /// <summary>Writes the serialized model to the file <paramref name="path"/> (replaced if it exists).</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    private void AddNodeTo(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, OnnxAttribute[] attributes)
    {
        var node = new P.NodeProto { OpType = opType, Name = UniqueName($"node_{opType}") };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        foreach (var a in attributes) node.Attribute.Add(a.Proto.Clone());
        _graph.Node.Add(node);
    }

    private string AddRawInitializer(string hint, OnnxDataType type, byte[] bytes, long[] dims)
    {
        var name = UniqueName(hint);
        var t = new P.TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        t.Dims.Add(dims);
        _graph.Initializer.Add(t);
        return name;
    }

    private static void CheckCount(int count, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        long expected = 1;
        foreach (var d in dims)
        {
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dims), d, $"Expected non-negative dimensions. Received: dims=[{string.Join(", ", dims)}].");
            expected *= d;
        }
        if (expected != count)
            throw new ArgumentException($"Expected {expected} values for dims=[{string.Join(", ", dims)}]. Received: {count} values.", nameof(dims));
    }

    private static P.ValueInfoProto ValueInfo(string name, OnnxDataType type, long[] dims)
    {
        var shape = new P.TensorShapeProto();
        shape.Dim.Add(new P.TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        for (int i = 0; i < dims.Length; i++)
            shape.Dim.Add(dims[i] >= 0
                ? new P.TensorShapeProto.Types.Dimension { DimValue = dims[i] }
                : new P.TensorShapeProto.Types.Dimension { DimParam = $"{name}_dim{i + 1}" });
        return new P.ValueInfoProto
        {
            Name = name,
            Type = new P.TypeProto { TensorType = new P.TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
