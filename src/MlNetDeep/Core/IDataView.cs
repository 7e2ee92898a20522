namespace MlNetDeep;

/// <summary>
/// A table read through lazy, forward-only cursors, as ML.NET's <c>IDataView</c>. Nothing is
/// computed until a cursor moves; each cursor starts again from the first row (a file is re-read),
/// so a view can be far larger than memory.
/// </summary>
public interface IDataView
{
    /// <summary>The columns.</summary>
    DataViewSchema Schema { get; }

    /// <summary>Whether <see cref="GetRowCursor"/> can return rows in a random order (MlNetDeep cursors never do: false).</summary>
    bool CanShuffle { get; }

    /// <summary>The number of rows when known without reading the data, otherwise null.</summary>
    long? GetRowCount();

    /// <summary>
    /// Opens a cursor positioned before the first row. Only <paramref name="columnsNeeded"/> can be
    /// read through it (the others are not computed); pass none to read nothing but the row count.
    /// </summary>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);
}
