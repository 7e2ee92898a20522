using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>
/// Runs a fitted model on one object at a time, as ML.NET's <c>PredictionEngine&lt;TSrc,TDst&gt;</c>:
/// the transform chain, its getters and the output binding are built once, and each call pushes
/// one row through them (no per-call setup). NOT thread-safe (one input slot, one cursor): give
/// each thread its own engine, or use <see cref="PredictionEnginePool{TSrc, TDst}"/>.
/// </summary>
public sealed class PredictionEngine<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly SingleRowSource<TSrc> _source;
    private readonly DataViewRowCursor _cursor;
    private readonly Action<object> _fill;

    internal PredictionEngine(ITransformer transformer, DataViewSchema? inputSchema, bool ignoreMissingColumns)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        _source = new SingleRowSource<TSrc>(inputSchema);
        var output = transformer.Transform(_source);
        var binder = RowBinder.Create(typeof(TDst), output.Schema, ignoreMissingColumns);
        OutputSchema = output.Schema;
        _cursor = output.GetRowCursor(binder.Columns);
        _fill = binder.MakeFiller(_cursor);
    }

    /// <summary>The schema of the model's output.</summary>
    public DataViewSchema OutputSchema { get; }

    /// <summary>Runs the model on <paramref name="example"/>.</summary>
    public TDst Predict(TSrc example)
    {
        var result = new TDst();
        Predict(example, ref result);
        return result;
    }

    /// <summary>Runs the model on <paramref name="example"/>, filling <paramref name="prediction"/> (reused when not null).</summary>
    public void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        _source.Push(example);
        if (!_cursor.MoveNext()) throw new ObjectDisposedException(nameof(PredictionEngine<TSrc, TDst>));
        prediction ??= new TDst();
        _fill(prediction);
    }

    /// <summary>Releases the engine's cursor.</summary>
    public void Dispose()
    {
        _source.Close();
        _cursor.Dispose();
    }
}

/// <summary>
/// A view whose (single, never-ending) cursor yields the object last pushed, once per push: a
/// prediction engine keeps one cursor through the whole chain and moves it once per example.
/// </summary>
internal sealed class SingleRowSource<TRow> : IDataView where TRow : class
{
    private readonly EnumerableDataView<TRow> _shape;
    private TRow? _pending;
    private bool _closed;

    public SingleRowSource(DataViewSchema? schema)
    {
        _shape = new EnumerableDataView<TRow>([]);
        if (schema is not null)
            foreach (var c in schema.Where(c => !c.IsHidden))
            {
                var mine = _shape.Schema.GetColumnOrNull(c.Name);
                if (mine is null) throw new ArgumentException($"{typeof(TRow).Name} has no member for the model's input column '{c.Name}' ({c.Type}).");
                if (!mine.Value.Type.Equals(c.Type) && !(mine.Value.Type is VectorDataViewType mv && c.Type is VectorDataViewType cv && mv.ItemType.Equals(cv.ItemType)))
                    throw new ArgumentException($"{typeof(TRow).Name}: column '{c.Name}' has type {mine.Value.Type}; the model expects {c.Type}.");
            }
    }

    public void Push(TRow row) => _pending = row;
    public void Close() => _closed = true;

    public DataViewSchema Schema => _shape.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, columnsNeeded);

    private sealed class Cursor(SingleRowSource<TRow> parent, IEnumerable<DataViewSchema.Column> active) : SlotCursor(parent.Schema, active)
    {
        // While nothing is pushed it reports the end without ending (the base latches an end):
        // a transform that reads ahead until the end (ApplyOnnxModel's batches) then scores the one
        // pushed row, and finds the next pushed row on its next call.
        public override bool MoveNext() => !parent._closed && parent._pending is not null && base.MoveNext();

        protected override bool MoveNextCore()
        {
            if (parent._closed) return false;
            var row = parent._pending ?? throw new InvalidOperationException("No example was pushed.");
            parent._pending = null;
            EnumerableDataView<TRow>.Fill(parent._shape.Type, parent.Schema, Slots, row, Position + 2);
            return true;
        }
    }
}
