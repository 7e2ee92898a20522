using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.TokenizeIntoCharactersAsKeys(output, input, useMarkerCharacters)</c>:
/// splits text into characters with <see cref="CharacterTokenizer"/>. Each character becomes a key
/// equal to its UTF-16 code (key type with 65535 values, as ML.NET); with markers (the default) a
/// non-empty text is wrapped in U+0002 … U+0003. The key values annotation holds ML.NET's display
/// names ("&lt;␂&gt;", "a", "&lt;␠&gt;"), so <c>ProduceNgrams</c> names its slots by characters.
/// Input: text or a vector of text (one stream); output: a variable-length key vector. Needs no training.
/// </summary>
public sealed class TokenizingByCharactersEstimator : IEstimator<TokenizingByCharactersTransformer>
{
    private readonly TokenizingByCharactersTransformer _transformer;

    internal TokenizingByCharactersEstimator((string Output, string Input)[] columns, bool useMarkerCharacters) =>
        _transformer = new TokenizingByCharactersTransformer(columns, useMarkerCharacters);

    /// <inheritdoc/>
    public TokenizingByCharactersTransformer Fit(IDataView input)
    {
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _transformer.Columns.Select(c =>
    {
        TextColumns.RequireText(inputSchema, nameof(TokenizingByCharactersEstimator), c.Input);
        return new SchemaShape.Column(c.Output, SchemaShape.VectorKind.VariableVector, NumberDataViewType.UInt32, true, [AnnotationUtils.Kinds.KeyValues], TextDataViewType.Instance);
    }).ToArray());
}

/// <summary>The character tokenizer (see <see cref="TokenizingByCharactersEstimator"/>).</summary>
public sealed class TokenizingByCharactersTransformer : RowToRowTransformerBase
{
    private static readonly Lazy<DataViewSchema.Annotations> KeyValues = new(() =>
    {
        var names = new ReadOnlyMemory<char>[CharacterTokenizer.KeyCount];
        for (int k = 1; k <= names.Length; k++) names[k - 1] = CharacterTokenizer.GetKeyValue((ushort)k).AsMemory();
        return new DataViewSchema.Annotations.Builder()
            .Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, names.Length), new VBuffer<ReadOnlyMemory<char>>(names.Length, names))
            .ToAnnotations();
    });

    private static readonly VectorDataViewType KeyVector = new(new KeyDataViewType(typeof(uint), CharacterTokenizer.KeyCount));

    private readonly CharacterTokenizer _tokenizer;

    internal TokenizingByCharactersTransformer((string Output, string Input)[] columns, bool useMarkerCharacters)
    {
        Columns = columns; _tokenizer = new CharacterTokenizer(useMarkerCharacters);
    }

    internal (string Output, string Input)[] Columns { get; }

    /// <summary>Whether start and end markers are written.</summary>
    public bool UseMarkerCharacters => _tokenizer.UseMarkerCharacters;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => Columns.Select(spec =>
    {
        var c = TextColumns.RequireText(inputSchema, nameof(TokenizingByCharactersTransformer), spec.Input);
        bool vector = c.Type is VectorDataViewType;
        return new OutputColumn(spec.Output, KeyVector, KeyValues.Value, [c.Index], row =>
        {
            var read = TextColumns.ReadStrings(row, c);
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> dst) =>
            {
                var texts = read();
                var keys = vector ? _tokenizer.Tokenize(texts) : _tokenizer.Tokenize(texts[0]);
                var arr = dst.Buffer(keys.Length);
                for (int i = 0; i < keys.Length; i++) arr[i] = keys[i];
                dst = new VBuffer<uint>(keys.Length, arr);
            });
        });
    }).ToArray();

    private sealed record Params(string[] Outputs, string[] Inputs, bool UseMarkerCharacters);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(Columns.Select(c => c.Output).ToArray(), Columns.Select(c => c.Input).ToArray(), UseMarkerCharacters));

    internal static TokenizingByCharactersTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("TokenizingByCharacters: bad parameters.");
        return new TokenizingByCharactersTransformer(p.Outputs.Zip(p.Inputs).ToArray(), p.UseMarkerCharacters);
    }
}
