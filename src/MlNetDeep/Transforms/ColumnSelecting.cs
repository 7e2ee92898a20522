using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.SelectColumns(names)</c> keeps only the named columns, in the order given;
/// <c>ml.Transforms.DropColumns(names)</c> removes every column of those names (hidden ones
/// included). A name that is not present is an error. Needs no training.
/// </summary>
public sealed class ColumnSelectingEstimator : IEstimator<ColumnSelectingTransformer>
{
    private readonly string[] _names;
    private readonly bool _keep;

    internal ColumnSelectingEstimator(string[] names, bool keep)
    {
        if (names is not { Length: > 0 }) throw new ArgumentException("Expected at least one column name. Received: none", nameof(names));
        _names = [.. names];
        _keep = keep;
    }

    /// <inheritdoc/>
    public ColumnSelectingTransformer Fit(IDataView input)
    {
        var t = new ColumnSelectingTransformer(_names, _keep);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var n in _names) ShapeChecks.Find(inputSchema, nameof(ColumnSelectingEstimator), n);
        return _keep ? new SchemaShape(_names.Select(n => inputSchema.Find(n))) : new SchemaShape(inputSchema.Where(c => !_names.Contains(c.Name)));
    }
}

/// <summary>The fitted column selection (see <see cref="ColumnSelectingEstimator"/>).</summary>
public sealed partial class ColumnSelectingTransformer : ITransformer
{
    private readonly string[] _names;
    private readonly bool _keep;

    internal ColumnSelectingTransformer(string[] names, bool keep)
    {
        _names = names; _keep = keep;
    }

    /// <summary>The columns kept (<see cref="KeepColumns"/>) or dropped.</summary>
    public IReadOnlyList<string> ColumnNames => _names;
    /// <summary>True for SelectColumns, false for DropColumns.</summary>
    public bool KeepColumns => _keep;

    private int[] Map(DataViewSchema schema)
    {
        foreach (var n in _names) ShapeChecks.Find(schema, nameof(ColumnSelectingTransformer), n);
        return _keep ? _names.Select(n => schema[n].Index).ToArray() : schema.Where(c => !_names.Contains(c.Name)).Select(c => c.Index).ToArray();
    }

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => ColumnSelectingDataView.MakeSchema(inputSchema, Map(inputSchema));

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => new ColumnSelectingDataView(input, Map(input.Schema));

    private sealed record Params(string[] Names, bool Keep);

    /// <inheritdoc/>
    public void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_names, _keep));

    internal static ColumnSelectingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        return new ColumnSelectingTransformer(p.Names, p.Keep);
    }
}
