using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.TokenizeIntoWords(output, input, separators)</c>: splits text into words
/// on the separator characters (default: space) with <see cref="WordTokenizer"/>; spaces around a
/// word are trimmed and empty pieces dropped. Input: text or a vector of text (whose words are
/// concatenated); output: a variable-length vector of text. Needs no training.
/// </summary>
public sealed class WordTokenizingEstimator : IEstimator<WordTokenizingTransformer>
{
    private readonly WordTokenizingTransformer _transformer;

    internal WordTokenizingEstimator((string Output, string Input)[] columns, char[]? separators) =>
        _transformer = new WordTokenizingTransformer(columns, new WordTokenizer(separators));

    /// <inheritdoc/>
    public WordTokenizingTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _transformer.Columns.Select(c =>
    {
        TextColumns.RequireText(inputSchema, nameof(WordTokenizingEstimator), c.Input);
        return new SchemaShape.Column(c.Output, SchemaShape.VectorKind.VariableVector, Data.TextDataViewType.Instance, false, []);
    }).ToArray());
}

/// <summary>The word tokenizer (see <see cref="WordTokenizingEstimator"/>).</summary>
public sealed class WordTokenizingTransformer : RowToRowTransformerBase
{
    private readonly WordTokenizer _tokenizer;

    internal WordTokenizingTransformer((string Output, string Input)[] columns, WordTokenizer tokenizer)
    {
        Columns = columns; _tokenizer = tokenizer;
    }

    internal (string Output, string Input)[] Columns { get; }

    /// <summary>The separator characters.</summary>
    public IReadOnlyList<char> Separators => _tokenizer.Separators;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => Columns.Select(spec =>
    {
        var c = TextColumns.RequireText(inputSchema, nameof(WordTokenizingTransformer), spec.Input);
        return new OutputColumn(spec.Output, TextColumns.TextVector, null, [c.Index], row =>
        {
            var read = TextColumns.ReadStrings(row, c);
            return TextColumns.TextVectorGetter(() => _tokenizer.Tokenize(read()));
        });
    }).ToArray();

    private sealed record Params(string[] Outputs, string[] Inputs, string Separators);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(Columns.Select(c => c.Output).ToArray(), Columns.Select(c => c.Input).ToArray(), new string(_tokenizer.Separators.ToArray())));

    internal static WordTokenizingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length || string.IsNullOrEmpty(p.Separators)) throw ctx.Error("WordTokenizing: bad parameters.");
        return new WordTokenizingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), new WordTokenizer(p.Separators.ToCharArray()));
    }
}
