using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>
/// Runs a fitted model on one object at a time, as ML.NET's <c>PredictionEngine&lt;TSrc,TDst&gt;</c>:
/// the transform chain is bound once and reused for every call. NOT thread-safe (it reuses one
/// input slot and its getters): give each thread its own engine, or use
/// <see cref="PredictionEnginePool{TSrc, TDst}"/>.
/// </summary>
public sealed class PredictionEngine<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private readonly SingleRowSource<TSrc> _source;
    private readonly IDataView _output;
    private readonly RowBinder _binder;

    internal PredictionEngine(ITransformer transformer, DataViewSchema? inputSchema, bool ignoreMissingColumns)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        _source = new SingleRowSource<TSrc>(inputSchema);
        _output = transformer.Transform(_source);
        _binder = RowBinder.Create(typeof(TDst), _output.Schema, ignoreMissingColumns);
        OutputSchema = _output.Schema;
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
        _source.Current = example;
        using var cursor = _output.GetRowCursor(_binder.Columns);
        if (!cursor.MoveNext()) throw new InvalidOperationException("The model produced no row for the example.");
        prediction ??= new TDst();
        _binder.MakeFiller(cursor)(prediction);
    }

    /// <inheritdoc/>
    public void Dispose() { }
}

/// <summary>A data view of exactly one row: the object currently set (prediction engines).</summary>
internal sealed class SingleRowSource<TRow> : IDataView where TRow : class
{
    private readonly EnumerableDataView<TRow> _inner;
    private readonly TRow?[] _row = [null];

    public SingleRowSource(DataViewSchema? schema)
    {
        _inner = new EnumerableDataView<TRow>(Rows(), null);
        if (schema is not null)
            foreach (var c in schema.Where(c => !c.IsHidden))
            {
                var mine = _inner.Schema.GetColumnOrNull(c.Name);
                if (mine is null) throw new ArgumentException($"{typeof(TRow).Name} has no member for the model's input column '{c.Name}' ({c.Type}).");
                if (!mine.Value.Type.Equals(c.Type) && !(mine.Value.Type is VectorDataViewType mv && c.Type is VectorDataViewType cv && mv.ItemType.Equals(cv.ItemType)))
                    throw new ArgumentException($"{typeof(TRow).Name}: column '{c.Name}' has type {mine.Value.Type}; the model expects {c.Type}.");
            }
    }

    public TRow? Current { get => _row[0]; set => _row[0] = value; }

    private IEnumerable<TRow> Rows()
    {
        if (_row[0] is { } r) yield return r;
    }

    public DataViewSchema Schema => _inner.Schema;
    public bool CanShuffle => false;
    public long? GetRowCount() => 1;
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => _inner.GetRowCursor(columnsNeeded, rand);
}
