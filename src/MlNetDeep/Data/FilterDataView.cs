namespace MlNetDeep.Data;

/// <summary>What a row filter decides for the current row.</summary>
internal enum FilterDecision { Keep, Skip, Stop }

/// <summary>
/// Rows of the input for which a per-cursor predicate says Keep, in their order (splits, take,
/// skip, range filters), at most <c>maxRows</c> of them. The predicate factory receives the input cursor (opened with the columns
/// it names) and returns the decision for the current row.
/// </summary>
internal sealed class FilterDataView(IDataView input, IReadOnlyList<string> filterColumns, Func<DataViewRowCursor, Func<FilterDecision>> makePredicate, long maxRows = long.MaxValue) : IDataView
{
    public DataViewSchema Schema => input.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.Select(c => c.Index).Concat(filterColumns.Select(n => input.Schema[n].Index)).Distinct().ToArray();
        var cursor = input.GetRowCursor(needed.Select(i => input.Schema[i]));
        return new Cursor(cursor, makePredicate(cursor), columnsNeeded.Select(c => c.Index).ToHashSet(), maxRows);
    }

    private sealed class Cursor(DataViewRowCursor input, Func<FilterDecision> predicate, HashSet<int> active, long maxRows) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => input.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext()
        {
            // Stop before reading past the last row wanted (TakeRows never touches the rest of a file).
            if (_position + 1 >= maxRows) _done = true;
            while (!_done && input.MoveNext())
            {
                switch (predicate())
                {
                    case FilterDecision.Keep: _position++; return true;
                    case FilterDecision.Stop: _done = true; return false;
                }
            }
            _done = true;
            return false;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            active.Contains(column.Index) ? input.GetGetter<TValue>(column) : throw RowChecks.Inactive(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
        }
    }
}
