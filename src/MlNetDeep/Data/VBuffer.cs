namespace MlNetDeep.Data;

/// <summary>
/// The value of a vector column, as ML.NET's <c>VBuffer&lt;T&gt;</c>. MlNetDeep stores vectors
/// densely (every element present); the name and the read API (<see cref="GetValues"/>,
/// <see cref="DenseValues"/>, <see cref="GetItemOrDefault"/>) follow ML.NET so code ports. A getter
/// may reuse the array of the buffer it is given, so copy values you keep (<see cref="CopyTo(ref VBuffer{T})"/>).
/// </summary>
public readonly struct VBuffer<T>
{
    private readonly T[]? _values;

    /// <summary>A dense vector of the first <paramref name="length"/> elements of <paramref name="values"/> (not copied).</summary>
    public VBuffer(int length, T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (length < 0 || length > values.Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"Expected a length between 0 and {values.Length}. Received: length={length}");
        Length = length;
        _values = values;
    }

    /// <summary>
    /// ML.NET's general constructor: with <paramref name="indices"/>, the first <paramref name="count"/>
    /// values go to those positions and the rest are zero (stored densely); without, the first
    /// <paramref name="length"/> values are the vector.
    /// </summary>
    public VBuffer(int length, int count, T[] values, int[]? indices)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (indices is null)
        {
            this = new VBuffer<T>(length, values);
            return;
        }
        if (count < 0 || count > values.Length || count > indices.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"Expected a count between 0 and {Math.Min(values.Length, indices.Length)}. Received: count={count}");
        var dense = new T[length];
        for (int i = 0; i < count; i++)
        {
            if ((uint)indices[i] >= (uint)length) throw new ArgumentOutOfRangeException(nameof(indices), $"Expected indices below {length}. Received: indices[{i}]={indices[i]}");
            dense[indices[i]] = values[i];
        }
        Length = length;
        _values = dense;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Always true: MlNetDeep vectors are dense.</summary>
    public bool IsDense => true;

    /// <summary>The explicit indices: always empty, as for any dense ML.NET vector.</summary>
    public ReadOnlySpan<int> GetIndices() => [];

    /// <summary>The elements.</summary>
    public ReadOnlySpan<T> GetValues() => _values is null ? [] : _values.AsSpan(0, Length);

    /// <summary>The elements, enumerated.</summary>
    public IEnumerable<T> DenseValues()
    {
        for (int i = 0; i < Length; i++) yield return _values![i];
    }

    /// <summary>Element <paramref name="index"/>.</summary>
    public T GetItemOrDefault(int index)
    {
        if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index), $"Expected an index below {Length}. Received: index={index}");
        return _values![index];
    }

    /// <summary>Copies the elements into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination) => GetValues().CopyTo(destination);

    /// <summary>Copies this vector into <paramref name="destination"/>, reusing its array when large enough.</summary>
    public void CopyTo(ref VBuffer<T> destination)
    {
        var arr = destination.Buffer(Length);
        GetValues().CopyTo(arr);
        destination = new VBuffer<T>(Length, arr);
    }

    /// <summary>The elements as a new array.</summary>
    public T[] ToArray() => GetValues().ToArray();

    /// <summary>An array of at least <paramref name="length"/> elements: this buffer's own when large enough (getters fill it in place).</summary>
    internal T[] Buffer(int length) => _values is not null && _values.Length >= length ? _values : new T[length];

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", DenseValues())}]";
}
