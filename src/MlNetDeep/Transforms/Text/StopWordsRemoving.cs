using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.RemoveDefaultStopWords(output, input, language)</c>: drops the tokens of
/// the English stop-word list (<see cref="StopWords.English"/>, scikit-learn's list; see its remarks
/// on how it differs from ML.NET's) and empty tokens, comparing case-insensitively and keeping the
/// other tokens as they are. Input and output: variable-length vectors of text. Needs no training.
/// </summary>
public sealed class StopWordsRemovingEstimator : IEstimator<StopWordsRemovingTransformer>
{
    /// <summary>Stop-word languages (ML.NET lists more; only English has a list here).</summary>
    public enum Language
    {
        /// <summary>English.</summary>
        English = 0,
    }

    private readonly StopWordsRemovingTransformer _transformer;

    internal StopWordsRemovingEstimator((string Output, string Input)[] columns, Language language)
    {
        if (!Enum.IsDefined(language)) throw new ArgumentOutOfRangeException(nameof(language), $"Expected English. Received: language={language}");
        _transformer = new StopWordsRemovingTransformer(columns, null);
    }

    /// <inheritdoc/>
    public StopWordsRemovingTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _transformer.OutputShape(inputSchema, nameof(StopWordsRemovingEstimator));
}

/// <summary>
/// <c>ml.Transforms.Text.RemoveStopWords(output, input, stopwords)</c>: as
/// <see cref="StopWordsRemovingEstimator"/> with the user's list (trimmed, compared case-insensitively).
/// </summary>
public sealed class CustomStopWordsRemovingEstimator : IEstimator<StopWordsRemovingTransformer>
{
    private readonly StopWordsRemovingTransformer _transformer;

    internal CustomStopWordsRemovingEstimator((string Output, string Input)[] columns, string[] stopwords)
    {
        if (stopwords is null || stopwords.Length == 0) throw new ArgumentException("Expected at least one stop word. Received: none", nameof(stopwords));
        _transformer = new StopWordsRemovingTransformer(columns, stopwords);
    }

    /// <inheritdoc/>
    public StopWordsRemovingTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _transformer.OutputShape(inputSchema, nameof(CustomStopWordsRemovingEstimator));
}

/// <summary>The stop-word remover, with the default English list or a custom one (see <see cref="StopWordsRemovingEstimator"/>).</summary>
public sealed class StopWordsRemovingTransformer : RowToRowTransformerBase
{
    private readonly string[]? _custom;
    private readonly StopWords _words;

    internal StopWordsRemovingTransformer((string Output, string Input)[] columns, string[]? customStopWords)
    {
        Columns = columns; _custom = customStopWords;
        _words = customStopWords is null ? StopWords.English : new StopWords(customStopWords);
    }

    internal (string Output, string Input)[] Columns { get; }

    /// <summary>The stop words (lower-cased, sorted).</summary>
    public IReadOnlyList<string> Words => _words.Words;

    internal SchemaShape OutputShape(SchemaShape input, string component) => ShapeChecks.With(input, Columns.Select(c =>
    {
        TextColumns.RequireTextVector(input, component, c.Input);
        return new SchemaShape.Column(c.Output, SchemaShape.VectorKind.VariableVector, Data.TextDataViewType.Instance, false, []);
    }).ToArray());

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => Columns.Select(spec =>
    {
        var c = TextColumns.RequireTextVector(inputSchema, nameof(StopWordsRemovingTransformer), spec.Input);
        return new OutputColumn(spec.Output, TextColumns.TextVector, null, [c.Index], row =>
        {
            var read = TextColumns.ReadStrings(row, c);
            return TextColumns.TextVectorGetter(() => _words.Remove(read()));
        });
    }).ToArray();

    private sealed record Params(string[] Outputs, string[] Inputs, string[]? CustomStopWords);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(Columns.Select(c => c.Output).ToArray(), Columns.Select(c => c.Input).ToArray(), _custom));

    internal static StopWordsRemovingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("StopWordsRemoving: bad parameters.");
        return new StopWordsRemovingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), p.CustomStopWords);
    }
}
