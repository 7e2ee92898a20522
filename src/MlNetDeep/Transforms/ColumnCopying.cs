using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary><c>ml.Transforms.CopyColumns(output, input)</c>: copies columns under new names (type and annotations kept). Needs no training.</summary>
public sealed class ColumnCopyingEstimator : IEstimator<ColumnCopyingTransformer>
{
    private readonly (string Output, string Input)[] _pairs;

    internal ColumnCopyingEstimator(params (string Output, string Input)[] pairs)
    {
        if (pairs.Length == 0) throw new ArgumentException("Expected at least one column pair. Received: none", nameof(pairs));
        foreach (var (o, i) in pairs) { ArgumentException.ThrowIfNullOrEmpty(o); ArgumentException.ThrowIfNullOrEmpty(i); }
        _pairs = pairs;
    }

    /// <inheritdoc/>
    public ColumnCopyingTransformer Fit(IDataView input)
    {
        var t = new ColumnCopyingTransformer(_pairs);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _pairs.Select(p => ShapeChecks.Find(inputSchema, nameof(ColumnCopyingEstimator), p.Input) with { Name = p.Output }).ToArray());
}

/// <summary>The fitted column copy (see <see cref="ColumnCopyingEstimator"/>).</summary>
public sealed partial class ColumnCopyingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _pairs;

    internal ColumnCopyingTransformer((string Output, string Input)[] pairs) => _pairs = pairs;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _pairs.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ColumnCopyingTransformer), p.Input);
            return new OutputColumn(p.Output, c.Type, c.Annotations, [c.Index],
                row => Generic.Invoke<Delegate>(typeof(ColumnCopyingTransformer), nameof(Forward), [c.Type.RawType], null, row, c));
        }).ToArray();

    private static Delegate Forward<T>(DataViewRow row, DataViewSchema.Column c) => row.GetGetter<T>(c);

    private sealed record Params(string[] Outputs, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(_pairs.Select(p => p.Output).ToArray(), _pairs.Select(p => p.Input).ToArray()));

    internal static ColumnCopyingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("ColumnCopying: output and input name lists differ in length.");
        return new ColumnCopyingTransformer(p.Outputs.Zip(p.Inputs).ToArray());
    }
}
