using MlNetDeep.Data;
using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>
/// The lazy output of an <see cref="OnnxTransformer"/>. Its cursor reads up to a batch of input
/// rows ahead, keeping the active input columns' values, scores them in as few ONNX Runtime runs as
/// the rows' shapes allow, and then serves the rows one by one. It never treats an input's end as
/// final: a prediction engine's source reports the end after each pushed row and continues on the
/// next push.
/// </summary>
internal sealed class OnnxScoringDataView : IDataView
{
    private readonly IDataView _input;
    private readonly OnnxTransformer _transformer;
    private readonly OnnxBinding _binding;

    public OnnxScoringDataView(IDataView input, OnnxTransformer transformer, OnnxBinding binding)
    {
        _input = input;
        _transformer = transformer;
        _binding = binding;
        Schema = MakeSchema(input.Schema, binding);
    }

    public static DataViewSchema MakeSchema(DataViewSchema input, OnnxBinding binding) =>
        new(input.Select(c => (c.Name, c.Type, (DataViewSchema.Annotations?)c.Annotations))
            .Concat(binding.Outputs.Select(o => (o.Node.Name, o.Type, (DataViewSchema.Annotations?)null))));

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int n = _input.Schema.Count;
        var active = new bool[Schema.Count];
        foreach (var c in columnsNeeded) active[c.Index] = true;
        bool score = active.Skip(n).Any(a => a);
        var inputActive = new bool[n];
        for (int i = 0; i < n; i++) inputActive[i] = active[i];
        if (score) foreach (var b in _binding.Inputs) inputActive[b.Column.Index] = true;
        var cursor = _input.GetRowCursor(_input.Schema.Where(c => inputActive[c.Index]));
        return new Cursor(this, cursor, active, score);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly OnnxScoringDataView _parent;
        private readonly DataViewRowCursor _input;
        private readonly bool[] _active;
        private readonly bool _score;
        private readonly int _capacity;
        private readonly BatchSlot _at = new();
        private readonly Buffer?[] _passed;        // per input column: its kept values (active ones only)
        private readonly Feed[] _feeds;            // per model input
        private readonly Output?[] _outputs;       // per output column (active ones only)
        private readonly Dictionary<string, OnnxTensor> _runInputs = new(StringComparer.Ordinal);
        private int _count;
        private long _position = -1;

        public Cursor(OnnxScoringDataView parent, DataViewRowCursor input, bool[] active, bool score)
        {
            _parent = parent;
            _input = input;
            _active = active;
            _score = score;
            var binding = parent._binding;
            _capacity = score ? binding.BatchSize : 1;
            int n = input.Schema.Count;
            _passed = new Buffer?[n];
            for (int i = 0; i < n; i++)
                if (active[i])
                    _passed[i] = (Buffer)Activator.CreateInstance(typeof(Passed<>).MakeGenericType(input.Schema[i].Type.RawType), input, input.Schema[i], _capacity, _at)!;
            _feeds = score
                ? binding.Inputs.Select(b => (Feed)Activator.CreateInstance(typeof(Feed<>).MakeGenericType(b.ItemType), input, b, _capacity)!).ToArray()
                : [];
            _outputs = new Output?[binding.Outputs.Length];
            for (int j = 0; j < _outputs.Length; j++)
                if (active[n + j])
                    _outputs[j] = (Output)Activator.CreateInstance(typeof(Output<>).MakeGenericType(binding.Outputs[j].ItemType), binding.Outputs[j], _capacity, _at)!;
        }

        public override DataViewSchema Schema => _parent.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (_at.Slot + 1 < _count)
            {
                _at.Slot++;
                _position++;
                return true;
            }
            _count = 0;
            _at.Slot = -1;
            while (_count < _capacity && _input.MoveNext())
            {
                foreach (var p in _passed) p?.Keep(_count);
                foreach (var f in _feeds) f.Keep(_count, _position + 1 + _count);
                _count++;
            }
            if (_count == 0) return false;
            if (_score) Score();
            _at.Slot = 0;
            _position++;
            return true;
        }

        // Consecutive rows whose inputs have the same lengths share a run.
        private void Score()
        {
            for (int start = 0; start < _count;)
            {
                int end = start + 1;
                while (end < _count && SameShape(start, end)) end++;
                Run(start, end - start);
                start = end;
            }
        }

        private bool SameShape(int a, int b)
        {
            foreach (var f in _feeds)
                if (f.Length(a) != f.Length(b)) return false;
            return true;
        }

        private void Run(int start, int rows)
        {
            bool batched = _parent._binding.Batched;
            foreach (var f in _feeds) _runInputs[f.Name] = f.Tensor(start, rows, batched);
            var results = _parent._transformer.Session.Run(_runInputs);
            foreach (var o in _outputs) o?.Take(results[o.Name], start, rows);
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
            int n = _input.Schema.Count;
            var getter = column.Index < n ? _passed[column.Index]!.Getter : _outputs[column.Index - n]!.Getter;
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Column '{column.Name}' has type {column.Type} (values of {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
        }
    }

    /// <summary>The row of the current batch that the cursor is on, shared with the getters.</summary>
    private sealed class BatchSlot
    {
        public int Slot = -1;
    }

    private abstract class Buffer
    {
        public abstract void Keep(int slot);
        public abstract Delegate Getter { get; }
    }

    /// <summary>An input column passed through: its values for the rows of the batch.</summary>
    private sealed class Passed<T> : Buffer
    {
        private readonly ValueGetter<T> _source;
        private readonly T[] _values;
        private readonly BatchSlot _at;

        public Passed(DataViewRowCursor input, DataViewSchema.Column column, int capacity, BatchSlot at)
        {
            _source = input.GetGetter<T>(column);
            _values = new T[capacity];
            _at = at;
            Getter = (ValueGetter<T>)((ref T value) => value = ValueCopier.Copy(_values[_at.Slot], value));
        }

        public override void Keep(int slot)
        {
            // A getter may hand out an array it reuses for the next row: each slot keeps a copy.
            T value = default!;
            _source(ref value);
            _values[slot] = ValueCopier.Copy(value, _values[slot]);
        }

        public override Delegate Getter { get; }
    }

    private abstract class Feed
    {
        public abstract string Name { get; }
        public abstract void Keep(int slot, long row);
        public abstract int Length(int slot);
        public abstract OnnxTensor Tensor(int start, int rows, bool batched);
    }

    /// <summary>A column feeding a model input: the batch's values back to back, and each row's offset.</summary>
    private sealed class Feed<T> : Feed where T : unmanaged
    {
        private readonly OnnxInputBinding _binding;
        private readonly ValueGetter<T>? _scalar;
        private readonly ValueGetter<VBuffer<T>>? _vector;
        private readonly int[] _offsets;
        private T[] _data;
        private T[] _run = [];
        private OnnxTensor? _tensor;
        private VBuffer<T> _row;

        public Feed(DataViewRowCursor input, OnnxInputBinding binding, int capacity)
        {
            _binding = binding;
            if (binding.Column.Type is VectorDataViewType) _vector = input.GetGetter<VBuffer<T>>(binding.Column);
            else _scalar = input.GetGetter<T>(binding.Column);
            _offsets = new int[capacity + 1];
            _data = new T[capacity * (int)Math.Max(1, binding.FixedCount)];
        }

        public override string Name => _binding.Node.Name;

        public override void Keep(int slot, long row)
        {
            int at = _offsets[slot];
            if (_scalar is not null)
            {
                Ensure(at + 1);
                T value = default;
                _scalar(ref value);
                _data[at] = value;
                _offsets[slot + 1] = at + 1;
                return;
            }
            _vector!(ref _row);
            var values = _row.GetValues();
            long fixedCount = _binding.FixedCount;
            bool fits = _binding.DynamicIndex < 0 ? values.Length == fixedCount : fixedCount > 0 && values.Length % fixedCount == 0 && values.Length > 0;
            if (!fits)
                throw new InvalidOperationException(
                    $"ApplyOnnxModel: row {row} of column '{_binding.Column.Name}' has {values.Length} values; ONNX input '{_binding.Node.Name}' (shape {_binding.Node.ShapeText}) expects " +
                    (_binding.DynamicIndex < 0 ? $"{fixedCount}." : $"a positive multiple of {fixedCount}."));
            Ensure(at + values.Length);
            values.CopyTo(_data.AsSpan(at));
            _offsets[slot + 1] = at + values.Length;
        }

        private void Ensure(int length)
        {
            if (length > _data.Length) Array.Resize(ref _data, Math.Max(length, 2 * _data.Length));
        }

        public override int Length(int slot) => _offsets[slot + 1] - _offsets[slot];

        public override OnnxTensor Tensor(int start, int rows, bool batched)
        {
            int from = _offsets[start], count = _offsets[start + rows] - from;
            // ONNX Runtime reads the array in place during the run: one array per distinct size,
            // reused, and the tensor over it too while the shape stays (every call of a prediction engine).
            bool sameShape = _run.Length == count && _tensor is not null && _tensor.ShapeArray[0] == (batched ? rows : _tensor.ShapeArray[0]);
            if (_run.Length != count) _run = new T[count];
            Array.Copy(_data, from, _run, 0, count);
            if (sameShape && _binding.DynamicIndex < 0) return _tensor!;
            var dims = _binding.RowDims;
            var shape = new long[dims.Length + (batched ? 1 : 0)];
            int k = 0;
            if (batched) shape[k++] = rows;
            for (int d = 0; d < dims.Length; d++)
                shape[k++] = d == _binding.DynamicIndex ? Length(start) / _binding.FixedCount : dims[d];
            return _tensor = OnnxTensor.Create(_run, shape);
        }
    }

    private abstract class Output
    {
        public abstract string Name { get; }
        public abstract void Take(OnnxTensor result, int start, int rows);
        public abstract Delegate Getter { get; }
    }

    /// <summary>A model output: per row of the batch, the run's array and where the row starts in it.</summary>
    private sealed class Output<T> : Output where T : unmanaged
    {
        private readonly OnnxOutputBinding _binding;
        private readonly T[][] _arrays;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly BatchSlot _at;

        public Output(OnnxOutputBinding binding, int capacity, BatchSlot at)
        {
            _binding = binding;
            _arrays = new T[capacity][];
            _offsets = new int[capacity];
            _lengths = new int[capacity];
            _at = at;
            Getter = binding.IsScalar
                ? (ValueGetter<T>)((ref T value) => value = _arrays[_at.Slot][_offsets[_at.Slot]])
                : (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
                {
                    int slot = _at.Slot, length = _lengths[slot];
                    var buffer = value.Buffer(length);
                    Array.Copy(_arrays[slot], _offsets[slot], buffer, 0, length);
                    value = new VBuffer<T>(length, buffer);
                });
        }

        public override string Name => _binding.Node.Name;
        public override Delegate Getter { get; }

        public override void Take(OnnxTensor result, int start, int rows)
        {
            var data = (T[])result.Data;
            int perRow = data.Length / rows;
            int expected = _binding.Type is VectorDataViewType v ? v.Size : 1;
            if (data.Length % rows != 0 || (expected > 0 && perRow != expected))
                throw new InvalidOperationException(
                    $"ApplyOnnxModel: ONNX output '{Name}' gave shape {result} for {rows} row(s); column '{Name}' ({_binding.Type}) expects {expected} value(s) per row.");
            for (int r = 0; r < rows; r++)
            {
                _arrays[start + r] = data;
                _offsets[start + r] = r * perRow;
                _lengths[start + r] = perRow;
            }
        }
    }
}
