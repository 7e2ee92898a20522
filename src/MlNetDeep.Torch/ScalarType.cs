namespace MlNetDeep.Torch;

/// <summary>Element type of a tensor. The values are libtorch's (c10::ScalarType) codes.</summary>
public enum ScalarType
{
    UInt8 = 0,
    Int32 = 3,
    Int64 = 4,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
}

public static class ScalarTypeExtensions
{
    /// <summary>Size of one element in bytes.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.UInt8 or ScalarType.Bool => 1,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown scalar type."),
    };

    public static bool IsFloatingPoint(this ScalarType type) => type is ScalarType.Float32 or ScalarType.Float64;

    /// <summary>The scalar type that stores elements of the CLR type <typeparamref name="T"/>.</summary>
    public static ScalarType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32 :
        typeof(T) == typeof(double) ? ScalarType.Float64 :
        typeof(T) == typeof(long) ? ScalarType.Int64 :
        typeof(T) == typeof(int) ? ScalarType.Int32 :
        typeof(T) == typeof(bool) ? ScalarType.Bool :
        typeof(T) == typeof(byte) ? ScalarType.UInt8 :
        throw new NotSupportedException($"Tensors cannot hold elements of type {typeof(T).Name}.");
}
