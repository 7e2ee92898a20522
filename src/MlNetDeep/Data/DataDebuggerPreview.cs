namespace MlNetDeep.Data;

/// <summary>
/// The first rows of a view, materialized for looking at in a debugger or printing, as ML.NET's
/// <c>DataDebuggerPreview</c> (made by <see cref="DataViewExtensions.Preview"/>). Text values are
/// strings and vectors are arrays.
/// </summary>
public sealed class DataDebuggerPreview
{
    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        if (maxRows < 0) throw new ArgumentOutOfRangeException(nameof(maxRows), $"Expected maxRows >= 0. Received: maxRows={maxRows}");
        Schema = data.Schema;
        var cols = Schema.Where(c => !c.IsHidden).ToArray();
        var rows = new List<RowInfo>();
        using (var cursor = data.GetRowCursor(cols))
        {
            var readers = cols.Select(c => RowValueReaders.Boxed(cursor, c)).ToArray();
            while (rows.Count < maxRows && cursor.MoveNext())
                rows.Add(new RowInfo(cols.Select((c, i) => new KeyValuePair<string, object?>(c.Name, Display(readers[i]()))).ToArray()));
        }
        RowView = [.. rows];
        ColumnView = cols.Select((c, i) => new ColumnInfo(c, rows.Select(r => r.Values[i].Value).ToArray())).ToArray();
    }

    /// <summary>The schema of the view.</summary>
    public DataViewSchema Schema { get; }
    /// <summary>The rows, each as (column, value) pairs.</summary>
    public RowInfo[] RowView { get; }
    /// <summary>The columns, each with its values.</summary>
    public ColumnInfo[] ColumnView { get; }

    private static object? Display(object? v) => v switch
    {
        ReadOnlyMemory<char> m => m.ToString(),
        VBuffer<ReadOnlyMemory<char>> t => t.DenseValues().Select(x => x.ToString()).ToArray(),
        VBuffer<float> f => f.ToArray(),
        VBuffer<double> d => d.ToArray(),
        VBuffer<int> i => i.ToArray(),
        VBuffer<uint> k => k.ToArray(),
        VBuffer<long> l => l.ToArray(),
        VBuffer<bool> b => b.ToArray(),
        _ => v,
    };

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(Environment.NewLine, new[] { string.Join("\t", ColumnView.Select(c => c.Column.Name)) }
            .Concat(RowView.Select(r => string.Join("\t", r.Values.Select(v => v.Value is Array a ? "[" + string.Join(", ", a.Cast<object>()) + "]" : v.Value?.ToString())))));

    /// <summary>One row.</summary>
    public sealed class RowInfo(KeyValuePair<string, object?>[] values)
    {
        /// <summary>(column name, value) pairs.</summary>
        public KeyValuePair<string, object?>[] Values { get; } = values;
    }

    /// <summary>One column.</summary>
    public sealed class ColumnInfo(DataViewSchema.Column column, object?[] values)
    {
        /// <summary>The column.</summary>
        public DataViewSchema.Column Column { get; } = column;
        /// <summary>Its values, row by row.</summary>
        public object?[] Values { get; } = values;
    }
}
