using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.StemWords(output, input)</c> (MlNetDeep's addition: ML.NET has no
/// stemmer; the name follows its verb-noun pattern): replaces each token of a vector of text by
/// its Porter (1980) stem with <see cref="PorterStemmer"/> ("information" → "inform",
/// "computers" → "comput"); stems are lower-cased, as the stemmer lower-cases each token first.
/// Input and output: variable-length vectors of text. Needs no training.
/// </summary>
public sealed class WordStemmingEstimator : IEstimator<WordStemmingTransformer>
{
    private readonly WordStemmingTransformer _transformer;

    internal WordStemmingEstimator((string Output, string Input)[] columns) => _transformer = new WordStemmingTransformer(columns);

    /// <inheritdoc/>
    public WordStemmingTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _transformer.Columns.Select(c =>
    {
        TextColumns.RequireTextVector(inputSchema, nameof(WordStemmingEstimator), c.Input);
        return new SchemaShape.Column(c.Output, SchemaShape.VectorKind.VariableVector, Data.TextDataViewType.Instance, false, []);
    }).ToArray());
}

/// <summary>The Porter stemmer over token vectors (see <see cref="WordStemmingEstimator"/>).</summary>
public sealed class WordStemmingTransformer : RowToRowTransformerBase
{
    internal WordStemmingTransformer((string Output, string Input)[] columns) => Columns = columns;

    internal (string Output, string Input)[] Columns { get; }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => Columns.Select(spec =>
    {
        var c = TextColumns.RequireTextVector(inputSchema, nameof(WordStemmingTransformer), spec.Input);
        return new OutputColumn(spec.Output, TextColumns.TextVector, null, [c.Index], row =>
        {
            var read = TextColumns.ReadStrings(row, c);
            return TextColumns.TextVectorGetter(() => PorterStemmer.Stem(read()));
        });
    }).ToArray();

    private sealed record Params(string[] Outputs, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(Columns.Select(c => c.Output).ToArray(), Columns.Select(c => c.Input).ToArray()));

    internal static WordStemmingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("WordStemming: bad parameters.");
        return new WordStemmingTransformer(p.Outputs.Zip(p.Inputs).ToArray());
    }
}
