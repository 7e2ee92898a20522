using System.Buffers.Binary;
using Google.Protobuf;
using P = global::Onnx;

namespace MlNetDeep.Onnx;

// Constants of the element types pipeline steps need besides float32 and int64 (doubles for
// double columns, strings for text categories, booleans and int32 for masks and categories).
public sealed partial class OnnxGraphBuilder
{
    /// <summary>A float64 constant of shape <paramref name="dims"/> (empty for a scalar).</summary>
    public string AddInitializer(string hint, double[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        return AddRawInitializer(hint, OnnxDataType.Double, bytes, dims);
    }

    /// <summary>An int32 constant of shape <paramref name="dims"/> (empty for a scalar).</summary>
    public string AddInitializer(string hint, int[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return AddRawInitializer(hint, OnnxDataType.Int32, bytes, dims);
    }

    /// <summary>A boolean constant of shape <paramref name="dims"/> (empty for a scalar).</summary>
    public string AddInitializer(string hint, bool[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        return AddRawInitializer(hint, OnnxDataType.Bool, values.Select(v => v ? (byte)1 : (byte)0).ToArray(), dims);
    }

    /// <summary>A string constant of shape <paramref name="dims"/> (empty for a scalar), stored as UTF-8 (strings have no raw form in ONNX).</summary>
    public string AddInitializer(string hint, string[] values, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckCount(values.Length, dims);
        var name = UniqueName(hint);
        var t = new P.TensorProto { Name = name, DataType = (int)OnnxDataType.String };
        t.Dims.Add(dims);
        t.StringData.Add(values.Select(ByteString.CopyFromUtf8));
        _graph.Initializer.Add(t);
        return name;
    }

    /// <summary>Whether <paramref name="name"/> is already a value (or reserved name) of this graph.</summary>
    public bool IsNameUsed(string name) => _names.Contains(name);

    /// <summary>Frees a name taken with <see cref="UniqueName"/> that no value was given, so it can name a graph output.</summary>
    internal void ReleaseName(string name)
    {
        if (_graph.Node.Any(n => n.Output.Contains(name)) || _graph.Input.Any(i => i.Name == name) || _graph.Initializer.Any(i => i.Name == name))
            throw new InvalidOperationException($"'{name}' already names a value of the graph.");
        _names.Remove(name);
    }
}
