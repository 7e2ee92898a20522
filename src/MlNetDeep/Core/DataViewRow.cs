namespace MlNetDeep;

/// <summary>One row of a data view: typed getters for its active columns.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>The columns.</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>Index of the current row from the start of the cursor (−1 before the first).</summary>
    public abstract long Position { get; }

    /// <summary>Whether the column was requested when the cursor was opened.</summary>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>
    /// A getter for the column; <typeparamref name="TValue"/> must be the column type's raw type
    /// (<c>float</c>, <c>ReadOnlyMemory&lt;char&gt;</c>, <c>VBuffer&lt;float&gt;</c>, <c>uint</c> for keys...).
    /// </summary>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <summary>Releases the cursor's resources (an open file).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Override to release resources.</summary>
    protected virtual void Dispose(bool disposing) { }
}
