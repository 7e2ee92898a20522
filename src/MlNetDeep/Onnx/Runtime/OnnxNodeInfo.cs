namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// One input or output of an ONNX model as ONNX Runtime reports it: its name, element type and
/// shape, where a dynamic dimension is -1 and carries its symbolic name (e.g. "batch") if the
/// model gives one.
/// </summary>
public sealed class OnnxNodeInfo
{
    internal OnnxNodeInfo(string name, bool isTensor, OnnxElementType elementType, long[] shape, string[] symbolicDimensions)
    {
        Name = name;
        IsTensor = isTensor;
        ElementType = elementType;
        Shape = Array.AsReadOnly(shape);
        SymbolicDimensions = Array.AsReadOnly(symbolicDimensions);
    }

    /// <summary>The input's or output's name in the model.</summary>
    public string Name { get; }

    /// <summary>False for sequences, maps and other non-tensor values (their element type is
    /// <see cref="OnnxElementType.Undefined"/> and their shape empty).</summary>
    public bool IsTensor { get; }

    /// <summary>The tensor's element type.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The dimensions; -1 for a dynamic one.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Per dimension, its symbolic name ("" when it has none).</summary>
    public IReadOnlyList<string> SymbolicDimensions { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Shape.Count;

    /// <summary>The shape as text, dynamic dimensions by name or "?": "[batch, 11]".</summary>
    public string ShapeText =>
        "[" + string.Join(", ", Shape.Select((d, i) => d >= 0 ? d.ToString() : SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i] : "?")) + "]";

    /// <summary>"features: Float [batch, 11]".</summary>
    public override string ToString() => IsTensor ? $"{Name}: {ElementType} {ShapeText}" : $"{Name}: (not a tensor)";
}
