namespace MlNetDeep.Data;

/// <summary>
/// Rows in a seeded random order using a pool (as ML.NET's row shuffling): up to
/// <c>poolSize</c> rows are buffered and a random one is emitted each step, so memory stays
/// bounded; a pool at least as large as the data gives a uniform permutation.
/// </summary>
internal sealed class ShuffledDataView(IDataView input, int seed, int poolSize) : IDataView
{
    public DataViewSchema Schema => input.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.ToArray());

    private sealed class Cursor : SlotCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly (int Index, Func<object?> Read)[] _readers;
        private readonly List<object?[]> _pool = [];
        private readonly Random _rng;
        private readonly int _poolSize;
        private bool _inputDone;

        public Cursor(ShuffledDataView parent, DataViewSchema.Column[] active) : base(parent.Schema, active)
        {
            _input = parent.GetInput().GetRowCursor(active);
            _readers = active.Select(c => (c.Index, RowValueReaders.Boxed(_input, c))).ToArray();
            _rng = new Random(parent.GetSeed());
            _poolSize = parent.GetPoolSize();
        }

        protected override bool MoveNextCore()
        {
            while (!_inputDone && _pool.Count < _poolSize)
            {
                if (!_input.MoveNext()) { _inputDone = true; break; }
                _pool.Add(_readers.Select(r => r.Read()).ToArray());
            }
            if (_pool.Count == 0) return false;
            int j = _rng.Next(_pool.Count);
            var row = _pool[j];
            _pool[j] = _pool[^1];
            _pool.RemoveAt(_pool.Count - 1);
            for (int k = 0; k < _readers.Length; k++) Slots[_readers[k].Index]!.SetBoxed(row[k]);
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
        }
    }

    private IDataView GetInput() => input;
    private int GetSeed() => seed;
    private int GetPoolSize() => poolSize;
}
