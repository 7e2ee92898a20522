using MlNetDeep.Data;
using MlNetDeep.Transforms;

namespace MlNetDeep.Trainers;

/// <summary>
/// The lazy output of a <see cref="DeepPredictionTransformer"/>: a cursor reads up to <see cref="DeepPredictionTransformer.ScoringBatchSize"/>
/// input rows ahead, keeps the values of the input columns asked for, and scores the batch in one forward pass. A cursor that asks
/// for no output column, or one opened for a prediction engine (whose next row does not exist yet), scores row by row instead.
/// </summary>
internal sealed class BatchScoringDataView : IDataView
{
    private readonly DeepPredictionTransformer _owner;
    private readonly IDataView _input;
    private readonly IReadOnlyList<OutputColumn> _outputs;

    public BatchScoringDataView(DeepPredictionTransformer owner, IDataView input, IReadOnlyList<OutputColumn> outputs)
    {
        _owner = owner;
        _input = input;
        _outputs = outputs;
        Schema = MappedDataView.MakeSchema(input.Schema, outputs);
    }

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToList();
        int n = _input.Schema.Count;
        if (SingleRowScope.IsActive || needed.All(c => c.Index < n))
        {
            var rowByRow = new MappedDataView(_input, _outputs);
            return rowByRow.GetRowCursor(needed.Select(c => rowByRow.Schema[c.Index]), rand);
        }
        return new Cursor(this, needed);
    }

    private static Func<object?> Reader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        var getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value is null ? null : ValueCopier.CopyBoxed(value);
        };
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly BatchScoringDataView _parent;
        private readonly DataViewRowCursor _input;
        private readonly bool[] _active;
        private readonly int[] _slot;
        private readonly Func<object?>[] _readers;
        private readonly ValueGetter<VBuffer<float>> _features;
        private readonly long[] _shape;
        private readonly int _featureSize;
        private readonly int _outputSize;
        private readonly object?[][] _values;
        private readonly float[] _batch;
        private readonly float[] _current;
        private float[] _scores = [];
        private VBuffer<float> _row;
        private int _count;
        private int _index = -1;
        private long _position = -1;

        public Cursor(BatchScoringDataView parent, List<DataViewSchema.Column> needed)
        {
            _parent = parent;
            var owner = parent._owner;
            var inputSchema = parent._input.Schema;
            int n = inputSchema.Count;
            _active = new bool[parent.Schema.Count];
            foreach (var c in needed) _active[c.Index] = true;
            var passed = needed.Where(c => c.Index < n).Select(c => c.Index).Distinct().ToArray();
            _slot = Enumerable.Repeat(-1, n).ToArray();
            for (int i = 0; i < passed.Length; i++) _slot[passed[i]] = i;
            var features = inputSchema[owner.FeatureColumnName];
            _input = parent._input.GetRowCursor(passed.Select(i => inputSchema[i]).Append(features).DistinctBy(c => c.Index));
            _readers = passed.Select(i => Generic.Invoke<Func<object?>>(typeof(BatchScoringDataView), nameof(Reader), [inputSchema[i].Type.RawType], null, _input, inputSchema[i])).ToArray();
            _features = TrainingTable.FloatGetter(_input, features);
            _featureSize = owner.FeatureSize;
            _outputSize = owner.OutputSize;
            _shape = [0, .. owner.Model.InputShape];
            _values = new object?[DeepPredictionTransformer.ScoringBatchSize][];
            _batch = new float[DeepPredictionTransformer.ScoringBatchSize * _featureSize];
            _current = new float[_outputSize];
        }

        public override DataViewSchema Schema => _parent.Schema;
        public override long Position => _position;
        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            if (++_index >= _count)
            {
                if (!Fill()) return false;
                _index = 0;
            }
            _position++;
            Array.Copy(_scores, _index * _outputSize, _current, 0, _outputSize);
            return true;
        }

        private bool Fill()
        {
            _count = 0;
            while (_count < DeepPredictionTransformer.ScoringBatchSize && _input.MoveNext())
            {
                var values = _values[_count] ??= new object?[_readers.Length];
                for (int i = 0; i < _readers.Length; i++) values[i] = _readers[i]();
                _features(ref _row);
                var dense = _row.DenseValues().GetEnumerator();
                var offset = _count * _featureSize;
                for (int f = 0; f < _featureSize && dense.MoveNext(); f++) _batch[offset + f] = dense.Current;
                _count++;
            }
            if (_count == 0) return false;
            _shape[0] = _count;
            _scores = _parent._owner.Predict(_batch.AsSpan(0, _count * _featureSize), _shape);
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
            int n = _parent._input.Schema.Count;
            Delegate getter;
            if (column.Index < n)
            {
                var slot = _slot[column.Index];
                getter = (ValueGetter<TValue>)((ref TValue v) => v = ValueCopier.Copy((TValue)_values[_index][slot]!, v));
            }
            else getter = _parent._owner.MakeGetter(column.Index - n, () => _current);
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Column '{column.Name}' has type {column.Type} (values of {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
        }
    }
}
