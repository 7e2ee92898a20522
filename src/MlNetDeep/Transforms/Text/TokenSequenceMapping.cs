using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.MapTokensToSequence(output, input, maximumTokens, sequenceLength, padding, truncating)</c>
/// (MlNetDeep's addition; Keras <c>TextVectorization(output_mode='int', output_sequence_length)</c> or
/// <c>Tokenizer</c> + <c>pad_sequences</c>): learns a <see cref="SequenceVocabulary"/> from the
/// training rows (id 0 padding, 1 out-of-vocabulary, then tokens by decreasing frequency, at most
/// <c>maximumTokens</c> ids in all) and maps each row's tokens to a fixed-length Int64 id vector,
/// truncated and padded as <c>pad_sequences</c> (default 'pre' and 'pre'; TextVectorization is
/// 'post' and 'post'). What an Embedding/LSTM layer takes as input. The output column carries the
/// vocabulary size (the Embedding's input dimension) in the <see cref="VocabularySizeAnnotationKind"/>
/// annotation (Int32), read with <see cref="GetVocabularySize"/>.
/// Input: a vector of text tokens, or text (split on spaces). Needs training (one pass).
/// </summary>
public sealed class TokenSequenceMappingEstimator : IEstimator<TokenSequenceMappingTransformer>
{
    /// <summary>The annotation holding the vocabulary size, padding and out-of-vocabulary ids included.</summary>
    public const string VocabularySizeAnnotationKind = "VocabularySize";

    /// <summary>Defaults.</summary>
    public static class Defaults
    {
        /// <summary>Ids per row.</summary>
        public const int SequenceLength = 100;
        /// <summary>Pad at the start (Keras pad_sequences).</summary>
        public const SequenceSide Padding = SequenceSide.Pre;
        /// <summary>Drop the first tokens of long rows (Keras pad_sequences).</summary>
        public const SequenceSide Truncating = SequenceSide.Pre;
    }

    private readonly string _output, _input;
    private readonly int? _maximumTokens;
    private readonly int _length;
    private readonly SequenceSide _padding, _truncating;

    internal TokenSequenceMappingEstimator(string output, string input, int? maximumTokens, int sequenceLength, SequenceSide padding, SequenceSide truncating)
    {
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (maximumTokens is < 2) throw new ArgumentOutOfRangeException(nameof(maximumTokens), $"Expected maximumTokens >= 2 (padding and out-of-vocabulary included) or null. Received: maximumTokens={maximumTokens}");
        if (sequenceLength < 1) throw new ArgumentOutOfRangeException(nameof(sequenceLength), $"Expected sequenceLength >= 1. Received: sequenceLength={sequenceLength}");
        if (!Enum.IsDefined(padding)) throw new ArgumentOutOfRangeException(nameof(padding), $"Expected Pre or Post. Received: padding={padding}");
        if (!Enum.IsDefined(truncating)) throw new ArgumentOutOfRangeException(nameof(truncating), $"Expected Pre or Post. Received: truncating={truncating}");
        _output = output; _input = input; _maximumTokens = maximumTokens; _length = sequenceLength; _padding = padding; _truncating = truncating;
    }

    /// <summary>The vocabulary size recorded on a column produced by this transform.</summary>
    public static int GetVocabularySize(DataViewSchema.Column column) =>
        column.Annotations.GetRawOrNull(VocabularySizeAnnotationKind) is int n ? n
        : throw new ArgumentException($"Column '{column.Name}' has no {VocabularySizeAnnotationKind} annotation (it was not made by MapTokensToSequence).", nameof(column));

    /// <inheritdoc/>
    public TokenSequenceMappingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var col = input.Schema[_input];
        var vocab = SequenceVocabulary.Fit(TokenSequenceMappingTransformer.Documents(input, col), _maximumTokens);
        return new TokenSequenceMappingTransformer(_output, _input, vocab, _length, _padding, _truncating);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TextColumns.RequireText(inputSchema, nameof(TokenSequenceMappingEstimator), _input);
        return ShapeChecks.With(inputSchema, new SchemaShape.Column(_output, SchemaShape.VectorKind.Vector, NumberDataViewType.Int64, false, [VocabularySizeAnnotationKind]));
    }
}

/// <summary>The fitted token → id sequence mapping (see <see cref="TokenSequenceMappingEstimator"/>).</summary>
public sealed class TokenSequenceMappingTransformer : RowToRowTransformerBase
{
    private static readonly WordTokenizer Words = new();
    private readonly string _output, _input;
    private readonly int _length;
    private readonly SequenceSide _padding, _truncating;

    internal TokenSequenceMappingTransformer(string output, string input, SequenceVocabulary vocabulary, int length, SequenceSide padding, SequenceSide truncating)
    {
        _output = output; _input = input; Vocabulary = vocabulary; _length = length; _padding = padding; _truncating = truncating;
    }

    /// <summary>The learned vocabulary (id → token; <see cref="SequenceVocabulary.Count"/> is the Embedding's input dimension).</summary>
    public SequenceVocabulary Vocabulary { get; }

    /// <summary>The number of ids in each output row.</summary>
    public int SequenceLength => _length;

    private static Func<string[]> Reader(DataViewRow row, DataViewSchema.Column c)
    {
        var read = TextColumns.ReadStrings(row, c);
        return c.Type is VectorDataViewType ? read : () => Words.Tokenize(read()[0]);
    }

    internal static IEnumerable<IReadOnlyList<string>> Documents(IDataView data, DataViewSchema.Column c)
    {
        using var cursor = data.GetRowCursor([c]);
        var read = Reader(cursor, c);
        while (cursor.MoveNext()) yield return read();
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var c = TextColumns.RequireText(inputSchema, nameof(TokenSequenceMappingTransformer), _input);
        var ann = new DataViewSchema.Annotations.Builder().Add(TokenSequenceMappingEstimator.VocabularySizeAnnotationKind, NumberDataViewType.Int32, Vocabulary.Count).ToAnnotations();
        return [new OutputColumn(_output, new VectorDataViewType(NumberDataViewType.Int64, _length), ann, [c.Index], row =>
        {
            var read = Reader(row, c);
            var ids = new int[_length];
            return (ValueGetter<VBuffer<long>>)((ref VBuffer<long> dst) =>
            {
                Vocabulary.Transform(read(), ids, _padding, _truncating);
                var arr = dst.Buffer(_length);
                for (int i = 0; i < _length; i++) arr[i] = ids[i];
                dst = new VBuffer<long>(_length, arr);
            });
        })];
    }

    private sealed record Params(string Output, string Input, string[] Tokens, int SequenceLength, SequenceSide Padding, SequenceSide Truncating);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(_output, _input, Vocabulary.Tokens.Skip(2).ToArray(), _length, _padding, _truncating));

    internal static TokenSequenceMappingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.SequenceLength < 1 || !Enum.IsDefined(p.Padding) || !Enum.IsDefined(p.Truncating)) throw ctx.Error("TokenSequenceMapping: bad parameters.");
        return new TokenSequenceMappingTransformer(p.Output, p.Input, SequenceVocabulary.FromTokens(p.Tokens), p.SequenceLength, p.Padding, p.Truncating);
    }
}
