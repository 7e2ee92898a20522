namespace MlNetDeep.Torch.Nn;

/// <summary>
/// How a convolution pads its input: <see cref="Valid"/> (no padding, PyTorch's default),
/// <see cref="Same"/> (output as long as the input; stride 1 only, PyTorch's rule: the extra
/// element of an even kernel goes after) or <see cref="Explicit"/> zeros on both sides of each
/// spatial dimension. A number converts implicitly: <c>padding: 1</c> is <c>Padding.Explicit(1)</c>.
/// </summary>
public sealed class Padding : IEquatable<Padding>
{
    private Padding(PaddingKind kind, long[] sizes)
    {
        Kind = kind;
        Sizes = sizes;
    }

    public PaddingKind Kind { get; }

    /// <summary>Zeros added on each side, per spatial dimension (one value means all of them); empty unless <see cref="Kind"/> is Explicit.</summary>
    public IReadOnlyList<long> Sizes { get; }

    /// <summary>No padding: each output position sees only real input.</summary>
    public static Padding Valid { get; } = new(PaddingKind.Valid, Array.Empty<long>());

    /// <summary>Pads so that the output has the input's length (stride 1 only).</summary>
    public static Padding Same { get; } = new(PaddingKind.Same, Array.Empty<long>());

    /// <summary>Zeros on both sides: one size for every spatial dimension, or one per dimension (e.g. height, width).</summary>
    public static Padding Explicit(params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length == 0)
            throw new ArgumentException("Expected at least one padding size. Received: sizes=[].", nameof(sizes));
        foreach (var s in sizes)
            if (s < 0)
                throw new ArgumentOutOfRangeException(nameof(sizes), s, $"Expected non-negative padding sizes. Received: sizes=[{string.Join(", ", sizes)}].");
        return new(PaddingKind.Explicit, (long[])sizes.Clone());
    }

    public static implicit operator Padding(long size) => Explicit(size);

    /// <summary>The explicit sizes for <paramref name="dims"/> spatial dimensions, or throws naming <paramref name="paramName"/>.</summary>
    internal long[] Resolve(int dims, string paramName)
    {
        if (Kind != PaddingKind.Explicit) return new long[dims];
        if (Sizes.Count == 1) return Enumerable.Repeat(Sizes[0], dims).ToArray();
        if (Sizes.Count == dims) return Sizes.ToArray();
        throw new ArgumentException($"Expected 1 or {dims} padding sizes. Received: {paramName}={this}.", paramName);
    }

    public bool Equals(Padding? other) => other is not null && Kind == other.Kind && Sizes.SequenceEqual(other.Sizes);

    public override bool Equals(object? obj) => Equals(obj as Padding);

    public override int GetHashCode() => Sizes.Aggregate(Kind.GetHashCode(), HashCode.Combine);

    public override string ToString() => Kind switch
    {
        PaddingKind.Valid => "valid",
        PaddingKind.Same => "same",
        _ => Sizes.Count == 1 ? Sizes[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"({string.Join(", ", Sizes)})",
    };
}

/// <summary>The three ways a <see cref="Padding"/> can pad.</summary>
public enum PaddingKind
{
    // The values are the native shim's padding_mode codes.
    Valid = 1,
    Same = 2,
    Explicit = 0,
}
