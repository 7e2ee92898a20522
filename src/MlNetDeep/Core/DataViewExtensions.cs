using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>Conveniences over <see cref="IDataView"/>, as ML.NET's extension methods.</summary>
public static class DataViewExtensions
{
    /// <summary>A cursor over every column.</summary>
    public static DataViewRowCursor GetRowCursorForAllColumns(this IDataView data) => data.GetRowCursor(data.Schema);

    /// <summary>The values of one column, read lazily (vectors are copied, so each value can be kept).</summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, string columnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var column = data.Schema[columnName];
        return Read();

        IEnumerable<T> Read()
        {
            using var cursor = data.GetRowCursor([column]);
            var getter = cursor.GetGetter<T>(column);
            while (cursor.MoveNext())
            {
                T value = default!;
                getter(ref value);
                yield return value;
            }
        }
    }

    /// <summary>The first <paramref name="maxRows"/> rows, materialized for inspection (as ML.NET's <c>Preview</c>).</summary>
    public static DataDebuggerPreview Preview(this IDataView data, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DataDebuggerPreview(data, maxRows);
    }

    /// <summary>The values of a vector column as arrays.</summary>
    public static IEnumerable<T[]> GetVectorColumn<T>(this IDataView data, string columnName) =>
        data.GetColumn<VBuffer<T>>(columnName).Select(v => v.ToArray());
}
