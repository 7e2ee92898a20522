using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// Base of transformers that compute new columns from the columns of the same row (all of the
/// transforms here, and trained models' scorers). The output keeps every input column and
/// appends the new ones; a new column with an existing name hides the old one, as in ML.NET.
/// </summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    private protected RowToRowTransformerBase() { }

    /// <summary>Validates the input schema (naming a missing or mistyped column) and describes the output columns.</summary>
    private protected abstract IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema);

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => MappedDataView.MakeSchema(inputSchema, Bind(inputSchema));

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, Bind(input.Schema));
    }

    /// <inheritdoc/>
    public abstract void Save(ModelSaveContext ctx);

    /// <summary>The input column of that name, or an exception naming it, the transform and the columns present.</summary>
    private protected DataViewSchema.Column FindInput(DataViewSchema schema, string name)
    {
        var c = schema.GetColumnOrNull(name);
        if (c is null)
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"{GetType().Name}: input column '{name}' not found. Columns present: {string.Join(", ", schema.Where(x => !x.IsHidden).Select(x => x.Name))}");
        return c.Value;
    }
}

/// <summary>The lazy output of a <see cref="RowToRowTransformerBase"/>: input columns passed through plus computed ones.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly IReadOnlyList<OutputColumn> _outputs;

    public MappedDataView(IDataView input, IReadOnlyList<OutputColumn> outputs)
    {
        _input = input;
        _outputs = outputs;
        Schema = MakeSchema(input.Schema, outputs);
    }

    public static DataViewSchema MakeSchema(DataViewSchema input, IReadOnlyList<OutputColumn> outputs) =>
        new(input.Select(c => (c.Name, c.Type, (DataViewSchema.Annotations?)c.Annotations))
            .Concat(outputs.Select(o => (o.Name, o.Type, o.Annotations))));

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int n = _input.Schema.Count;
        var active = new bool[Schema.Count];
        foreach (var c in columnsNeeded) active[c.Index] = true;
        var inputActive = new bool[n];
        for (int i = 0; i < n; i++) inputActive[i] = active[i];
        for (int j = 0; j < _outputs.Count; j++)
            if (active[n + j]) foreach (var k in _outputs[j].Inputs) inputActive[k] = true;
        var cursor = _input.GetRowCursor(_input.Schema.Where(c => inputActive[c.Index]));
        return new Cursor(this, cursor, active);
    }

    private sealed class Cursor(MappedDataView parent, DataViewRowCursor input, bool[] active) : DataViewRowCursor
    {
        private readonly Delegate?[] _getters = new Delegate?[parent._outputs.Count];

        public override DataViewSchema Schema => parent.Schema;
        public override long Position => input.Position;
        public override bool MoveNext() => input.MoveNext();
        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
            int n = input.Schema.Count;
            if (column.Index < n) return input.GetGetter<TValue>(input.Schema[column.Index]);
            int j = column.Index - n;
            var g = _getters[j] ??= parent._outputs[j].MakeGetter(input);
            return g as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"Column '{column.Name}' has type {column.Type} (values of {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
        }
    }
}
