namespace MlNetDeep.Data;

/// <summary>
/// A key: a categorical index stored as <c>uint</c>. As in ML.NET, valid keys are 1..<see cref="Count"/>
/// and 0 means "missing" (a value not seen when the key mapping was fitted). The original values
/// are kept in the column's <c>KeyValues</c> annotation.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type with <paramref name="count"/> valid values (raw type <c>uint</c>).</summary>
    public KeyDataViewType(Type type, ulong count) : base(type)
    {
        if (type != typeof(uint)) throw new ArgumentException($"Expected the key raw type uint. Received: type={type.Name}", nameof(type));
        if (count == 0 || count > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(count), $"Expected a key count between 1 and {uint.MaxValue}. Received: count={count}");
        Count = count;
    }

    /// <summary>Number of valid key values.</summary>
    public ulong Count { get; }

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => other is KeyDataViewType k && k.Count == Count;

    /// <inheritdoc/>
    public override string ToString() => $"Key<UInt32, 0-{Count - 1}>";
}
