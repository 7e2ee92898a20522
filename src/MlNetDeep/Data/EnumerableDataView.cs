namespace MlNetDeep.Data;

/// <summary>A data view over an <see cref="IEnumerable{T}"/> of row objects (enumerated again by each cursor).</summary>
internal sealed class EnumerableDataView<TRow> : IDataView where TRow : class
{
    private readonly IEnumerable<TRow> _rows;
    private readonly TypeSchema _type;

    public EnumerableDataView(IEnumerable<TRow> rows, DataViewSchema? schemaOverride = null)
    {
        _rows = rows;
        _type = TypeSchema.Create(typeof(TRow));
        Schema = schemaOverride ?? new DataViewSchema(_type.Members.Select(m => (m.ColumnName, m.ColumnType, (DataViewSchema.Annotations?)null)));
    }

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _rows is ICollection<TRow> c ? c.Count : _rows is IReadOnlyCollection<TRow> r ? r.Count : null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    /// <summary>Loads the active slots from the members of <paramref name="row"/> (row number for messages).</summary>
    internal static void Fill(TypeSchema type, DataViewSchema schema, Slot?[] slots, object row, long rowNumber)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            if (slots[i] is not { } slot) continue;
            var m = type.Members[i];
            var raw = m.Get(row);
            if (schema[i].Type is VectorDataViewType { IsKnownSize: true } vt && raw is Array a && a.Length != vt.Size)
                throw new InvalidOperationException($"Row {rowNumber}, column '{m.ColumnName}': expected {vt.Size} values ([VectorType]). Received: {a.Length}");
            slot.SetBoxed(TypeSchema.ToColumnValue(raw, m.ColumnType));
        }
    }

    internal TypeSchema Type => _type;

    private sealed class Cursor(EnumerableDataView<TRow> parent, IEnumerable<DataViewSchema.Column> active) : SlotCursor(parent.Schema, active)
    {
        private readonly IEnumerator<TRow> _e = parent._rows.GetEnumerator();

        protected override bool MoveNextCore()
        {
            if (!_e.MoveNext()) return false;
            var row = _e.Current ?? throw new InvalidOperationException($"Row {Position + 2} of the enumerable is null.");
            Fill(parent._type, parent.Schema, Slots, row, Position + 2);
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _e.Dispose();
        }
    }
}
