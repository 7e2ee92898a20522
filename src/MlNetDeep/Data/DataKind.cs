namespace MlNetDeep.Data;

/// <summary>The value kinds a text loader column can have, as ML.NET's <c>DataKind</c> (MlNetDeep loads Single, Double, Int32, UInt32, Int64, String and Boolean).</summary>
public enum DataKind : byte
{
    /// <summary>8-bit signed integer (not supported by the loader).</summary>
    SByte = 1,
    /// <summary>8-bit unsigned integer (not supported by the loader).</summary>
    Byte = 2,
    /// <summary>16-bit signed integer (not supported by the loader).</summary>
    Int16 = 3,
    /// <summary>16-bit unsigned integer (not supported by the loader).</summary>
    UInt16 = 4,
    /// <summary>32-bit signed integer.</summary>
    Int32 = 5,
    /// <summary>32-bit unsigned integer.</summary>
    UInt32 = 6,
    /// <summary>64-bit signed integer.</summary>
    Int64 = 7,
    /// <summary>64-bit unsigned integer (not supported by the loader).</summary>
    UInt64 = 8,
    /// <summary>32-bit float.</summary>
    Single = 9,
    /// <summary>64-bit float.</summary>
    Double = 10,
    /// <summary>Text.</summary>
    String = 11,
    /// <summary>Boolean.</summary>
    Boolean = 12,
    /// <summary>Time span (not supported by the loader).</summary>
    TimeSpan = 13,
    /// <summary>Date and time (not supported by the loader).</summary>
    DateTime = 14,
    /// <summary>Date, time and offset (not supported by the loader).</summary>
    DateTimeOffset = 15,
}

internal static class DataKindExtensions
{
    public static PrimitiveDataViewType ToType(this DataKind kind, string column) => kind switch
    {
        DataKind.Single => NumberDataViewType.Single,
        DataKind.Double => NumberDataViewType.Double,
        DataKind.Int32 => NumberDataViewType.Int32,
        DataKind.UInt32 => NumberDataViewType.UInt32,
        DataKind.Int64 => NumberDataViewType.Int64,
        DataKind.String => TextDataViewType.Instance,
        DataKind.Boolean => BooleanDataViewType.Instance,
        _ => throw new NotSupportedException($"Column '{column}': DataKind.{kind} is not supported. Expected Single, Double, Int32, UInt32, Int64, String or Boolean."),
    };

    public static DataKind FromClrType(Type t, string member) =>
        t == typeof(float) ? DataKind.Single : t == typeof(double) ? DataKind.Double
        : t == typeof(int) ? DataKind.Int32 : t == typeof(uint) ? DataKind.UInt32 : t == typeof(long) ? DataKind.Int64
        : t == typeof(bool) ? DataKind.Boolean : t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? DataKind.String
        : throw new NotSupportedException($"Member '{member}' has type {t.Name}; expected float, double, int, uint, long, bool, string or ReadOnlyMemory<char> (or an array of those).");
}
