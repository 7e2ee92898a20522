namespace MlNetDeep.Data;

/// <summary>
/// An in-memory copy of a view (<c>ml.Data.Cache</c>, <c>AppendCacheCheckpoint</c>): the first
/// cursor reads the source once into per-column typed lists; every later cursor reads memory.
/// Use it when several passes follow (fitting several estimators, training epochs) and the data fits in memory.
/// </summary>
internal sealed class CacheDataView : IDataView
{
    private readonly IDataView _source;
    private readonly Lazy<(ColumnStore[] Columns, long Rows)> _rows;

    public CacheDataView(IDataView source)
    {
        _source = source;
        _rows = new Lazy<(ColumnStore[], long)>(Fill, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DataViewSchema Schema => _source.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => _rows.IsValueCreated ? _rows.Value.Rows : _source.GetRowCount();

    private (ColumnStore[], long) Fill()
    {
        var cols = Schema.ToArray();
        using var cursor = _source.GetRowCursor(cols);
        var stores = cols.Select(c => ColumnStore.Create(cursor, c)).ToArray();
        long n = 0;
        while (cursor.MoveNext())
        {
            foreach (var s in stores) s.Append();
            n++;
        }
        return (stores, n);
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    private sealed class Cursor(CacheDataView parent, IEnumerable<DataViewSchema.Column> active) : SlotCursor(parent.Schema, active)
    {
        private readonly (ColumnStore[] Columns, long Rows) _data = parent._rows.Value;
        private int _next;

        protected override bool MoveNextCore()
        {
            if (_next >= _data.Rows) return false;
            for (int i = 0; i < Slots.Length; i++)
                if (Slots[i] is { } s) _data.Columns[i].Load(s, _next);
            _next++;
            return true;
        }
    }

    /// <summary>One column's values in a typed array (no boxing); each stored vector owns its array, and getters copy out.</summary>
    private abstract class ColumnStore
    {
        public static ColumnStore Create(DataViewRow row, DataViewSchema.Column c) =>
            Generic.Invoke<ColumnStore>(typeof(ColumnStore), nameof(CreateCore), [c.Type.RawType], null, row, c);

        private static ColumnStore CreateCore<T>(DataViewRow row, DataViewSchema.Column c) => new ColumnStore<T>(row.GetGetter<T>(c));

        public abstract void Append();
        public abstract void Load(Slot slot, int row);
    }

    private sealed class ColumnStore<T>(ValueGetter<T> getter) : ColumnStore
    {
        private T[] _values = new T[1024];
        private int _count;

        public override void Append()
        {
            if (_count == _values.Length)
            {
                if (_count == Array.MaxLength) throw new InvalidOperationException($"Cache: more than {Array.MaxLength} rows.");
                Array.Resize(ref _values, (int)Math.Min(Array.MaxLength, 2L * _count));
            }
            T v = default!; // a fresh value each row: a vector getter then allocates the row's own array
            getter(ref v);
            _values[_count++] = v;
        }

        public override void Load(Slot slot, int row) => ((Slot<T>)slot).Value = _values[row];
    }
}
