namespace MlNetDeep.Data;

/// <summary>
/// The type of a column of an <see cref="IDataView"/>, as in ML.NET: a number, boolean, text, key
/// (a categorical index) or vector of one of those. <see cref="RawType"/> is the .NET type a
/// getter of the column produces (<c>float</c>, <c>ReadOnlyMemory&lt;char&gt;</c>, <c>VBuffer&lt;float&gt;</c>...).
/// </summary>
public abstract class DataViewType : IEquatable<DataViewType>
{
    private protected DataViewType(Type rawType) => RawType = rawType;

    /// <summary>The .NET type of the values a getter of this column fills.</summary>
    public Type RawType { get; }

    /// <inheritdoc/>
    public abstract bool Equals(DataViewType? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataViewType t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => (ToString() ?? "").GetHashCode(StringComparison.Ordinal);

    /// <summary>The item type of a vector, or the type itself for a scalar.</summary>
    public DataViewType GetItemType() => this is VectorDataViewType v ? v.ItemType : this;
}

/// <summary>A single value (not a vector): number, boolean, text or key.</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    private protected PrimitiveDataViewType(Type rawType) : base(rawType) { }
}
