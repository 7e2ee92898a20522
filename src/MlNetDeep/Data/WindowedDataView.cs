namespace MlNetDeep.Data;

/// <summary>
/// Sliding windows over a numeric column, in row order (see <c>DataOperationsCatalog.CreateWindows</c>):
/// output row i has Features = x[i·stride … i·stride + window − 1] and Label = x[i·stride + window − 1 + horizon].
/// Streams with a ring of window + horizon values, so memory does not grow with the series.
/// </summary>
internal sealed class WindowedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly DataViewSchema.Column _source;
    private readonly int _window, _horizon, _stride;

    public WindowedDataView(IDataView input, DataViewSchema.Column source, int window, int horizon, int stride, string featuresColumnName, string labelColumnName)
    {
        _input = input; _source = source; _window = window; _horizon = horizon; _stride = stride;
        var names = Enumerable.Range(1, window).Select(k => $"t-{window - k + 1}".AsMemory()).ToArray();
        var slotNames = new DataViewSchema.Annotations.Builder()
            .Add(AnnotationUtils.Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, window), new VBuffer<ReadOnlyMemory<char>>(window, names))
            .ToAnnotations();
        Schema = new DataViewSchema.Builder()
            .AddColumn(featuresColumnName, new VectorDataViewType(NumberDataViewType.Single, window), slotNames)
            .AddColumn(labelColumnName, NumberDataViewType.Single)
            .ToSchema();
    }

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;

    public long? GetRowCount() => _input.GetRowCount() is long n ? Count(n) : null;

    /// <summary>The number of windows of a series of <paramref name="n"/> values.</summary>
    public long Count(long n) => n < _window + _horizon ? 0 : (n - _window - _horizon) / _stride + 1;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, _input.GetRowCursor([_source]), columnsNeeded.Select(c => c.Index).ToHashSet());

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly WindowedDataView _parent;
        private readonly DataViewRowCursor _input;
        private readonly Func<double> _read;
        private readonly HashSet<int> _active;
        private readonly float[] _ring;
        private long _readCount;  // values read from the input so far
        private long _position = -1;

        public Cursor(WindowedDataView parent, DataViewRowCursor input, HashSet<int> active)
        {
            _parent = parent; _input = input; _active = active;
            _read = RowValueReaders.Double(input, parent._source);
            _ring = new float[parent._window + parent._horizon];
        }

        public override DataViewSchema Schema => _parent.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override bool MoveNext()
        {
            // Window i ends (label included) at value i·stride + window + horizon − 1.
            long need = (_position + 1) * _parent._stride + _parent._window + _parent._horizon;
            while (_readCount < need)
            {
                if (!_input.MoveNext()) return false;
                _ring[_readCount % _ring.Length] = (float)_read();
                _readCount++;
            }
            _position++;
            return true;
        }

        private float At(long index) => _ring[index % _ring.Length];

        private long Start => _position * _parent._stride;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active.Contains(column.Index)) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
            Delegate g = column.Index == 0
                ? (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
                {
                    int w = _parent._window;
                    var arr = dst.Buffer(w);
                    for (int k = 0; k < w; k++) arr[k] = At(Start + k);
                    dst = new VBuffer<float>(w, arr);
                })
                : (ValueGetter<float>)((ref float dst) => dst = At(Start + _parent._window - 1 + _parent._horizon));
            return g as ValueGetter<TValue> ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} was requested.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
        }
    }
}
