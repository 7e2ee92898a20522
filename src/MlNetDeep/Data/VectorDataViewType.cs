namespace MlNetDeep.Data;

/// <summary>
/// A vector of a primitive item type. <see cref="Dimensions"/> gives the shape; a dimension of 0
/// means the length varies from row to row (<see cref="IsKnownSize"/> is then false). Values are
/// <c>VBuffer&lt;T&gt;</c>.
/// </summary>
public sealed class VectorDataViewType : DataViewType
{
    /// <summary>Creates a vector type; no dimensions (or a single 0) means variable length.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : base(typeof(VBuffer<>).MakeGenericType(itemType.RawType))
    {
        ItemType = itemType;
        if (dimensions is null || dimensions.Length == 0) dimensions = [0];
        foreach (var d in dimensions)
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dimensions), $"Expected dimensions >= 0. Received: dimensions=[{string.Join(", ", dimensions)}]");
        Dimensions = [.. dimensions];
        long size = 1;
        foreach (var d in dimensions) size *= d;
        if (size > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(dimensions), $"Vector too large. Received: dimensions=[{string.Join(", ", dimensions)}]");
        Size = (int)size;
    }

    /// <summary>The type of each element.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>The shape; 0 in any dimension means variable length.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Total number of elements, or 0 when the length varies.</summary>
    public int Size { get; }

    /// <summary>Whether every row has <see cref="Size"/> elements.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) =>
        other is VectorDataViewType v && v.ItemType.Equals(ItemType) && v.Dimensions.SequenceEqual(Dimensions);

    /// <inheritdoc/>
    public override string ToString() => $"Vector<{ItemType}, {string.Join(", ", Dimensions)}>";
}
