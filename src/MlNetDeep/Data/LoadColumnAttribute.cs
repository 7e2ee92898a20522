namespace MlNetDeep.Data;

/// <summary>
/// Which field(s) of a text file a member of the row class loads from, as ML.NET's attribute:
/// one index, an inclusive range <c>[LoadColumn(start, end)]</c> (an array member), or a list.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>The field at <paramref name="fieldIndex"/> (0-based).</summary>
    public LoadColumnAttribute(int fieldIndex) => Indices = [fieldIndex];

    /// <summary>Fields <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public LoadColumnAttribute(int start, int end)
    {
        if (end < start) throw new ArgumentOutOfRangeException(nameof(end), $"Expected end >= start. Received: start={start}, end={end}");
        Indices = Enumerable.Range(start, end - start + 1).ToArray();
    }

    /// <summary>The listed fields, in order.</summary>
    public LoadColumnAttribute(int[] columnIndexes) => Indices = [.. columnIndexes];

    internal int[] Indices { get; }
}
