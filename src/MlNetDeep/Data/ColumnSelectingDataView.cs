namespace MlNetDeep.Data;

/// <summary>A view of some input columns, in a given order (Select/DropColumns).</summary>
internal sealed class ColumnSelectingDataView : IDataView
{
    private readonly IDataView _input;
    private readonly int[] _map;

    public ColumnSelectingDataView(IDataView input, int[] map)
    {
        _input = input;
        _map = map;
        Schema = MakeSchema(input.Schema, map);
    }

    public static DataViewSchema MakeSchema(DataViewSchema input, int[] map) =>
        new(map.Select(i => (input[i].Name, input[i].Type, (DataViewSchema.Annotations?)input[i].Annotations)));

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = columnsNeeded.Select(c => c.Index).ToHashSet();
        return new Cursor(this, _input.GetRowCursor(active.Select(i => _input.Schema[_map[i]])), active);
    }

    private sealed class Cursor(ColumnSelectingDataView parent, DataViewRowCursor input, HashSet<int> active) : DataViewRowCursor
    {
        public override DataViewSchema Schema => parent.Schema;
        public override long Position => input.Position;
        public override bool MoveNext() => input.MoveNext();
        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            active.Contains(column.Index) ? input.GetGetter<TValue>(input.Schema[parent._map[column.Index]]) : throw RowChecks.Inactive(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
        }
    }
}
