namespace MlNetDeep.Data;

/// <summary>Numeric column types: <see cref="Single"/> (float), <see cref="Double"/>, <see cref="Int32"/>, <see cref="UInt32"/>, <see cref="Int64"/>.</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private NumberDataViewType(Type rawType) : base(rawType) { }

    /// <summary>32-bit float, the usual feature type.</summary>
    public static NumberDataViewType Single { get; } = new(typeof(float));
    /// <summary>64-bit float.</summary>
    public static NumberDataViewType Double { get; } = new(typeof(double));
    /// <summary>32-bit signed integer.</summary>
    public static NumberDataViewType Int32 { get; } = new(typeof(int));
    /// <summary>32-bit unsigned integer (also the item type a key column reports in a <see cref="SchemaShape"/>).</summary>
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint));
    /// <summary>64-bit signed integer.</summary>
    public static NumberDataViewType Int64 { get; } = new(typeof(long));

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override string ToString() => RawType.Name;
}
