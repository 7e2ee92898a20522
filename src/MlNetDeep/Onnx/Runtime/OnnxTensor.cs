namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// A dense tensor exchanged with an <see cref="OnnxSession"/>: an element type, a shape and the
/// elements in row-major order in a .NET array (numbers, bools or strings). <see cref="Create{T}"/> wraps the caller's array
/// without copying (ONNX Runtime reads it in place during <see cref="OnnxSession.Run(IReadOnlyDictionary{string, OnnxTensor})"/>,
/// so do not change it while a run is in progress); outputs own fresh arrays.
/// </summary>
public sealed class OnnxTensor
{
    private readonly long[] _shape;

    private OnnxTensor(Array data, long[] shape, OnnxElementType elementType)
    {
        Data = data;
        _shape = shape;
        ElementType = elementType;
    }

    /// <summary>
    /// A tensor over <paramref name="data"/> (not copied) with the given shape; the number of
    /// elements must equal the product of the dimensions (1 for a scalar, shape []).
    /// <typeparamref name="T"/> is one of float, double, long, int, bool, byte, sbyte, short,
    /// ushort, uint, ulong, Half.
    /// </summary>
    public static OnnxTensor Create<T>(T[] data, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var type = OnnxElementTypes.Of(typeof(T));
        if (type == OnnxElementType.Undefined)
            throw new ArgumentException($"Expected an element type among {OnnxElementTypes.SupportedNames}, string. Received: T={typeof(T).Name}", nameof(data));
        return new OnnxTensor(data, CheckedShape(data.LongLength, shape), type);
    }

    /// <summary>A tensor of strings (ONNX Runtime receives them as UTF-8 copies).</summary>
    public static OnnxTensor Create(string[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        for (int i = 0; i < data.Length; i++)
            if (data[i] is null) throw new ArgumentException($"Expected no null strings. Received: data[{i}]=null", nameof(data));
        return new OnnxTensor(data, CheckedShape(data.LongLength, shape), OnnxElementType.String);
    }

    private static long[] CheckedShape(long length, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(shape), shape[i], $"Expected dimensions >= 0. Received: shape[{i}]={shape[i]}");
            count *= shape[i];
        }
        if (count != length)
            throw new ArgumentException($"Expected {count} elements for shape {ShapeText(shape)}. Received: data.Length={length}", "data");
        return (long[])shape.Clone();
    }

    /// <summary>Wraps an array read back from ONNX Runtime (already checked by the caller).</summary>
    internal static OnnxTensor Wrap(Array data, long[] shape, OnnxElementType type) => new(data, shape, type);

    /// <summary>The element type.</summary>
    public OnnxElementType ElementType { get; }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<long> Shape => Array.AsReadOnly(_shape);

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public long ElementCount => Data.LongLength;

    internal Array Data { get; }

    internal long[] ShapeArray => _shape;

    /// <summary>A copy of the elements; <typeparamref name="T"/> must match <see cref="ElementType"/>.</summary>
    public T[] ToArray<T>() where T : unmanaged => AsSpan<T>().ToArray();

    /// <summary>The elements in place; <typeparamref name="T"/> must match <see cref="ElementType"/>.</summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        if (Data is not T[] typed)
            throw new InvalidOperationException($"This tensor holds {ElementType} elements ({Data.GetType().GetElementType()!.Name}); it cannot be read as {typeof(T).Name}.");
        return typed;
    }

    /// <summary>A copy of the strings of a <see cref="OnnxElementType.String"/> tensor.</summary>
    public string[] ToStringArray() =>
        Data is string[] strings ? (string[])strings.Clone()
            : throw new InvalidOperationException($"This tensor holds {ElementType} elements; it cannot be read as strings.");

    /// <summary>"Float [7, 1]".</summary>
    public override string ToString() => $"{ElementType} {ShapeText(_shape)}";

    internal static string ShapeText(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The size of the data in bytes.</summary>
    internal long ByteLength => Data.LongLength * OnnxElementTypes.SizeOf(ElementType);
}
