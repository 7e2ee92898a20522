namespace MlNetDeep.Data;

/// <summary>
/// An in-memory copy of a view (<c>ml.Data.Cache</c>, <c>AppendCacheCheckpoint</c>): the first
/// cursor reads the source once into per-column typed lists; every later cursor reads memory.
/// Use it when several passes follow (fitting several estimators, training epochs) and the data fits in memory.
/// </summary>
internal sealed class CacheDataView : IDataView
{
    private readonly IDataView _source;
    private readonly Lazy<(object?[][] Columns, long Rows)> _rows;

    public CacheDataView(IDataView source)
    {
        _source = source;
        _rows = new Lazy<(object?[][], long)>(Fill, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DataViewSchema Schema => _source.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => _rows.IsValueCreated ? _rows.Value.Rows : _source.GetRowCount();

    private (object?[][], long) Fill()
    {
        var cols = Schema.ToArray();
        var store = cols.Select(_ => new List<object?>()).ToArray();
        using var cursor = _source.GetRowCursor(cols);
        var readers = cols.Select(c => RowValueReaders.Boxed(cursor, c)).ToArray();
        long n = 0;
        while (cursor.MoveNext())
        {
            for (int i = 0; i < cols.Length; i++) store[i].Add(readers[i]());
            n++;
        }
        // Stored boxed per value: simple and type-agnostic; each vector owns its array, and getters copy out.
        return (store.Select(l => l.ToArray()).ToArray(), n);
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    private sealed class Cursor(CacheDataView parent, IEnumerable<DataViewSchema.Column> active) : SlotCursor(parent.Schema, active)
    {
        private readonly (object?[][] Columns, long Rows) _data = parent._rows.Value;
        private long _next;

        protected override bool MoveNextCore()
        {
            if (_next >= _data.Rows) return false;
            for (int i = 0; i < Slots.Length; i++)
                if (Slots[i] is { } s) s.SetBoxed(_data.Columns[i][_next]);
            _next++;
            return true;
        }
    }
}
