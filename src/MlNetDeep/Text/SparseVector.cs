using System.Globalization;
using System.Text;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// A read-only vector of doubles of fixed <see cref="Length"/> that stores only some entries
/// (indices strictly increasing); the others are 0. The output of n-gram counting and weighting.
/// An entry may be stored with value 0 (an idf of 0 keeps its slot, as in ML.NET).
/// </summary>
public sealed class SparseVector
{
    private readonly int[] _indices;
    private readonly double[] _values;

    /// <summary>Creates a vector from copies of the given entries.</summary>
    /// <exception cref="ArgumentException">Indices not strictly increasing, out of range, or a length mismatch.</exception>
    public SparseVector(int length, ReadOnlySpan<int> indices, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (indices.Length != values.Length)
            throw new ArgumentException($"Expected as many values as indices ({indices.Length}). Received: values.Length={values.Length}", nameof(values));
        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= length)
                throw new ArgumentOutOfRangeException(nameof(indices), $"Expected indices in [0, {length}). Received: indices[{i}]={indices[i]}");
            if (i > 0 && indices[i] <= indices[i - 1])
                throw new ArgumentException($"Expected strictly increasing indices. Received: indices[{i - 1}]={indices[i - 1]}, indices[{i}]={indices[i]}", nameof(indices));
        }
        Length = length;
        _indices = indices.ToArray();
        _values = values.ToArray();
    }

    // Takes ownership of already validated arrays.
    internal SparseVector(int length, int[] indices, double[] values, bool owned)
    {
        Length = length;
        _indices = indices;
        _values = values;
    }

    /// <summary>The dimension of the vector.</summary>
    public int Length { get; }

    /// <summary>The number of stored entries.</summary>
    public int Count => _indices.Length;

    /// <summary>The stored indices, strictly increasing.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The stored values, parallel to <see cref="Indices"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value at <paramref name="index"/> (0 where nothing is stored).</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
                throw new ArgumentOutOfRangeException(nameof(index), $"Expected an index in [0, {Length}). Received: index={index}");
            int at = Array.BinarySearch(_indices, index);
            return at >= 0 ? _values[at] : 0.0;
        }
    }

    /// <summary>A dense copy.</summary>
    public double[] ToDense()
    {
        var d = new double[Length];
        for (int i = 0; i < _indices.Length; i++) d[_indices[i]] = _values[i];
        return d;
    }

    /// <summary>A dense single-precision copy (ML.NET's float vector column).</summary>
    public float[] ToDenseSingle()
    {
        var d = new float[Length];
        for (int i = 0; i < _indices.Length; i++) d[_indices[i]] = (float)_values[i];
        return d;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"SparseVector(length {Length}: ");
        for (int i = 0; i < Math.Min(_indices.Length, 10); i++)
            sb.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}{_indices[i]}={_values[i]:G6}");
        if (_indices.Length > 10) sb.Append(", …");
        return sb.Append(')').ToString();
    }
}
