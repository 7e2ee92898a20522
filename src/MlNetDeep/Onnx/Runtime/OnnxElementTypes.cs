namespace MlNetDeep.Onnx.Runtime;

/// <summary>The mapping between .NET element types and ONNX element types, in one place.</summary>
internal static class OnnxElementTypes
{
    // Sizes are ONNX Runtime's storage sizes (bool is one byte, as in a .NET bool[]).
    private static readonly (Type Clr, OnnxElementType Onnx, int Size)[] Map =
    [
        (typeof(float), OnnxElementType.Float, 4), (typeof(double), OnnxElementType.Double, 8),
        (typeof(long), OnnxElementType.Int64, 8), (typeof(int), OnnxElementType.Int32, 4),
        (typeof(bool), OnnxElementType.Bool, 1), (typeof(byte), OnnxElementType.UInt8, 1),
        (typeof(sbyte), OnnxElementType.Int8, 1), (typeof(short), OnnxElementType.Int16, 2),
        (typeof(ushort), OnnxElementType.UInt16, 2), (typeof(uint), OnnxElementType.UInt32, 4),
        (typeof(ulong), OnnxElementType.UInt64, 8), (typeof(Half), OnnxElementType.Float16, 2),
    ];

    /// <summary>The ONNX type of a .NET element type, or Undefined when it has none.</summary>
    public static OnnxElementType Of(Type clr)
    {
        foreach (var (c, o, _) in Map) if (c == clr) return o;
        return OnnxElementType.Undefined;
    }

    /// <summary>The .NET type holding an ONNX element type, or null when none is supported.</summary>
    public static Type? ClrType(OnnxElementType type)
    {
        foreach (var (c, o, _) in Map) if (o == type) return c;
        return null;
    }

    /// <summary>Bytes per element of a supported type.</summary>
    public static int SizeOf(OnnxElementType type)
    {
        foreach (var (_, o, size) in Map) if (o == type) return size;
        throw new NotSupportedException($"ONNX element type {type} is not supported.");
    }

    /// <summary>The .NET element types a tensor can hold, for error messages.</summary>
    public static string SupportedNames => string.Join(", ", Map.Select(m => m.Clr.Name));
}
