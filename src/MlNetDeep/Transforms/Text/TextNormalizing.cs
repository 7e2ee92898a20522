using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.NormalizeText(output, input, caseMode, keepDiacritics, keepPunctuations, keepNumbers)</c>:
/// changes case and removes diacritics, punctuation and/or numbers with <see cref="TextNormalizer"/>
/// (ML.NET's rules and defaults: lower case, diacritics removed, punctuation and numbers kept).
/// Input: text or a vector of text; output: the same shape (a vector drops the elements that
/// become empty, so its length varies). Needs no training.
/// </summary>
public sealed class TextNormalizingEstimator : IEstimator<TextNormalizingTransformer>
{
    private readonly TextNormalizingTransformer _transformer;

    internal TextNormalizingEstimator((string Output, string Input)[] columns, TextNormalizer normalizer) =>
        _transformer = new TextNormalizingTransformer(columns, normalizer);

    /// <inheritdoc/>
    public TextNormalizingTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _transformer.Columns.Select(c =>
    {
        var i = TextColumns.RequireText(inputSchema, nameof(TextNormalizingEstimator), c.Input);
        return new SchemaShape.Column(c.Output, i.IsVector ? SchemaShape.VectorKind.VariableVector : SchemaShape.VectorKind.Scalar, TextDataViewType.Instance, false, []);
    }).ToArray());
}

/// <summary>The text normalizer (see <see cref="TextNormalizingEstimator"/>).</summary>
public sealed class TextNormalizingTransformer : RowToRowTransformerBase
{
    private readonly TextNormalizer _normalizer;

    internal TextNormalizingTransformer((string Output, string Input)[] columns, TextNormalizer normalizer)
    {
        Columns = columns; _normalizer = normalizer;
    }

    internal (string Output, string Input)[] Columns { get; }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => Columns.Select(spec =>
    {
        var c = TextColumns.RequireText(inputSchema, nameof(TextNormalizingTransformer), spec.Input);
        if (c.Type is VectorDataViewType)
            return new OutputColumn(spec.Output, TextColumns.TextVector, null, [c.Index], row =>
            {
                var read = TextColumns.ReadStrings(row, c);
                return TextColumns.TextVectorGetter(() => _normalizer.Normalize(read()));
            });
        return new OutputColumn(spec.Output, TextDataViewType.Instance, null, [c.Index], row =>
        {
            var g = row.GetGetter<ReadOnlyMemory<char>>(c);
            ReadOnlyMemory<char> src = default;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> dst) =>
            {
                g(ref src);
                var buffer = new char[src.Length];
                int n = _normalizer.Normalize(src.Span, buffer);
                dst = buffer.AsMemory(0, n);
            });
        });
    }).ToArray();

    private sealed record Params(string[] Outputs, string[] Inputs, CaseMode CaseMode, bool KeepDiacritics, bool KeepPunctuations, bool KeepNumbers);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(Columns.Select(c => c.Output).ToArray(), Columns.Select(c => c.Input).ToArray(),
        _normalizer.CaseMode, _normalizer.KeepDiacritics, _normalizer.KeepPunctuations, _normalizer.KeepNumbers));

    internal static TextNormalizingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("TextNormalizing: bad parameters.");
        return new TextNormalizingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), new TextNormalizer(p.CaseMode, p.KeepDiacritics, p.KeepPunctuations, p.KeepNumbers));
    }
}
