namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// A dense tensor exchanged with an <see cref="OnnxSession"/>: an element type, a shape and the
/// elements in row-major order in a .NET array. <see cref="Create{T}"/> wraps the caller's array
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
        ArgumentNullException.ThrowIfNull(shape);
        var type = OnnxElementTypes.Of(typeof(T));
        if (type == OnnxElementType.Undefined)
            throw new ArgumentException($"Expected an element type among {OnnxElementTypes.SupportedNames}. Received: T={typeof(T).Name}", nameof(data));
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(shape), shape[i], $"Expected dimensions >= 0. Received: shape[{i}]={shape[i]}");
            count *= shape[i];
        }
        if (count != data.LongLength)
            throw new ArgumentException($"Expected {count} elements for shape {ShapeText(shape)}. Received: data.Length={data.LongLength}", nameof(data));
        return new OnnxTensor(data, (long[])shape.Clone(), type);
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

    /// <summary>"Float [7, 1]".</summary>
    public override string ToString() => $"{ElementType} {ShapeText(_shape)}";

    internal static string ShapeText(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The size of the data in bytes.</summary>
    internal long ByteLength => Data.LongLength * OnnxElementTypes.SizeOf(ElementType);
}
