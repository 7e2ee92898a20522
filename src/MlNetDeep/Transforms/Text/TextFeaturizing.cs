using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.FeaturizeText(output, input)</c> and <c>FeaturizeText(output, options, inputs)</c>:
/// text to one numeric feature vector with ML.NET's default recipe:
/// <code>
/// normalize (lower case, diacritics removed, punctuation and numbers kept)
///   → words split on spaces (→ stop words removed, when asked) → word n-grams   (default: unigrams, Tf)
///   → characters with markers U+0002 … U+0003 (spaces included) → char n-grams (default: trigrams only, Tf)
/// → [word slots, char slots] concatenated → divided by their L2 norm (default)
/// </code>
/// Slot names are "Word.&lt;n-gram&gt;" and "Char.&lt;n-gram&gt;" (characters as ML.NET shows
/// them: "Char.&lt;␂&gt;|h|i"); the two prefixes are MlNetDeep's, ML.NET derives them from its temporary
/// column names. Several input columns are read as one vector of texts. With stop
/// words removed, the characters are taken from the remaining words joined by U+001F, as ML.NET.
/// Differences from ML.NET: dictionaries only (no hashing), and the default English stop-word list
/// is <see cref="StopWords.English"/>. Needs training (two passes).
/// </summary>
public sealed class TextFeaturizingEstimator : IEstimator<TextFeaturizingTransformer>
{
    /// <summary>How the output vector is normalized, as ML.NET's enum.</summary>
    public enum NormFunction
    {
        /// <summary>No normalization.</summary>
        None = 0,
        /// <summary>Divide by the sum of absolute values.</summary>
        L1 = 1,
        /// <summary>Divide by the Euclidean norm (the default).</summary>
        L2 = 2,
        /// <summary>Divide by the largest absolute value.</summary>
        Infinity = 3,
    }

    /// <summary>The settings of <c>FeaturizeText</c>, with ML.NET's names and defaults.</summary>
    public sealed class Options
    {
        /// <summary>Case conversion.</summary>
        public CaseMode CaseMode { get; set; } = TextNormalizer.Defaults.CaseMode;
        /// <summary>Keep diacritical marks.</summary>
        public bool KeepDiacritics { get; set; } = TextNormalizer.Defaults.KeepDiacritics;
        /// <summary>Keep punctuation.</summary>
        public bool KeepPunctuations { get; set; } = TextNormalizer.Defaults.KeepPunctuations;
        /// <summary>Keep numbers.</summary>
        public bool KeepNumbers { get; set; } = TextNormalizer.Defaults.KeepNumbers;
        /// <summary>Remove the default English stop words from the words (ML.NET: <c>StopWordsRemoverOptions</c> with English).</summary>
        public bool RemoveDefaultStopWords { get; set; }
        /// <summary>Remove these stop words instead (ML.NET: <c>CustomStopWordsRemovingEstimator.Options</c>); null for none.</summary>
        public string[]? CustomStopWords { get; set; }
        /// <summary>Word n-grams; null turns them off.</summary>
        public WordBagEstimator.Options? WordFeatureExtractor { get; set; } = new();
        /// <summary>Character n-grams; null turns them off.</summary>
        public WordBagEstimator.Options? CharFeatureExtractor { get; set; } = new() { NgramLength = 3, UseAllLengths = false };
        /// <summary>Normalization of the output vector.</summary>
        public NormFunction Norm { get; set; } = NormFunction.L2;
        /// <summary>When set, the words (after stop-word removal) are also output in this column.</summary>
        public string? OutputTokensColumnName { get; set; }
    }

    private readonly string _output;
    private readonly string[] _inputs;
    private readonly Options _options;

    internal TextFeaturizingEstimator(string outputColumnName, string[] inputColumnNames, Options? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (inputColumnNames is not { Length: > 0 } || inputColumnNames.Any(string.IsNullOrEmpty))
            throw new ArgumentException("Expected at least one input column name. Received: none", nameof(inputColumnNames));
        options ??= new Options();
        if (options.WordFeatureExtractor is null && options.CharFeatureExtractor is null)
            throw new ArgumentException("Expected word or character n-grams. Received: WordFeatureExtractor=null, CharFeatureExtractor=null", nameof(options));
        if (!Enum.IsDefined(options.Norm)) throw new ArgumentOutOfRangeException(nameof(options), $"Expected Norm None, L1, L2 or Infinity. Received: Norm={options.Norm}");
        _ = options.WordFeatureExtractor?.ToExtractor();
        _ = options.CharFeatureExtractor?.ToExtractor();
        _output = outputColumnName; _inputs = inputColumnNames; _options = options;
    }

    /// <inheritdoc/>
    public TextFeaturizingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var t = new TextFeaturizingTransformer(_output, _inputs, new TextNormalizer(_options.CaseMode, _options.KeepDiacritics, _options.KeepPunctuations, _options.KeepNumbers),
            _options.CustomStopWords ?? (_options.RemoveDefaultStopWords ? [] : null), null, null,
            _options.WordFeatureExtractor?.Weighting ?? 0, _options.CharFeatureExtractor?.Weighting ?? 0, _options.Norm, _options.OutputTokensColumnName);
        var cols = _inputs.Select(n => input.Schema[n]).ToArray();
        var word = _options.WordFeatureExtractor?.ToExtractor().Fit(t.Documents(input, cols, chars: false));
        var chars = _options.CharFeatureExtractor?.ToExtractor().Fit(t.Documents(input, cols, chars: true));
        return t.WithVocabularies(word, chars);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var n in _inputs) TextColumns.RequireText(inputSchema, nameof(TextFeaturizingEstimator), n);
        var added = new List<SchemaShape.Column>();
        if (_options.OutputTokensColumnName is { Length: > 0 } tokens)
            added.Add(new SchemaShape.Column(tokens, SchemaShape.VectorKind.VariableVector, TextDataViewType.Instance, false, []));
        added.Add(new SchemaShape.Column(_output, SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, [AnnotationUtils.Kinds.SlotNames]));
        return ShapeChecks.With(inputSchema, [.. added]);
    }
}

/// <summary>The fitted text featurizer: normalizer, optional stop words, word and character dictionaries (see <see cref="TextFeaturizingEstimator"/>).</summary>
public sealed class TextFeaturizingTransformer : RowToRowTransformerBase
{
    private static readonly WordTokenizer Words = new();
    private static readonly CharacterTokenizer Characters = new();
    private static readonly Lazy<string[]> CharNames = new(() =>
    {
        var names = new string[CharacterTokenizer.KeyCount + 1];
        names[0] = "";
        for (int k = 1; k < names.Length; k++) names[k] = CharacterTokenizer.GetKeyValue((ushort)k);
        return names;
    });

    private readonly string _output;
    private readonly string[] _inputs;
    private readonly TextNormalizer _normalizer;
    private readonly string[]? _stopWordList;
    private readonly StopWords? _stopWords;
    private readonly NgramVocabulary? _word, _char;
    private readonly TermWeighter? _wordWeighter, _charWeighter;
    private readonly NgramExtractingEstimator.WeightingCriteria _wordWeighting, _charWeighting;
    private readonly TextFeaturizingEstimator.NormFunction _norm;
    private readonly string? _tokensColumn;

    internal TextFeaturizingTransformer(string output, string[] inputs, TextNormalizer normalizer, string[]? stopWords, NgramVocabulary? word, NgramVocabulary? chars,
        NgramExtractingEstimator.WeightingCriteria wordWeighting, NgramExtractingEstimator.WeightingCriteria charWeighting,
        TextFeaturizingEstimator.NormFunction norm, string? tokensColumn)
    {
        _output = output; _inputs = inputs; _normalizer = normalizer; _stopWordList = stopWords;
        _stopWords = stopWords is null ? null : stopWords.Length == 0 ? StopWords.English : new StopWords(stopWords);
        _word = word; _char = chars; _wordWeighting = wordWeighting; _charWeighting = charWeighting; _norm = norm; _tokensColumn = tokensColumn;
        _wordWeighter = word is null || wordWeighting == 0 ? null : TermWeighter.MlNet(word, (NgramWeighting)wordWeighting);
        _charWeighter = chars is null || charWeighting == 0 ? null : TermWeighter.MlNet(chars, (NgramWeighting)charWeighting);
    }

    internal TextFeaturizingTransformer WithVocabularies(NgramVocabulary? word, NgramVocabulary? chars) =>
        new(_output, _inputs, _normalizer, _stopWordList, word, chars, _wordWeighting, _charWeighting, _norm, _tokensColumn);

    /// <summary>The word n-gram dictionary (null when word features are off).</summary>
    public NgramVocabulary? WordVocabulary => _word;

    /// <summary>The character n-gram dictionary (null when character features are off); its tokens are ML.NET's character names.</summary>
    public NgramVocabulary? CharVocabulary => _char;

    private int WordSlots => _word is null ? 0 : _word.Count;
    private int Size => Math.Max(1, WordSlots + (_char?.Count ?? 0));

    /// <summary>The normalized texts of a row, one per input text.</summary>
    private Func<string[]> Texts(DataViewRow row, DataViewSchema.Column[] cols)
    {
        var readers = cols.Select(c => TextColumns.ReadStrings(row, c)).ToArray();
        return () =>
        {
            var all = readers.Length == 1 ? readers[0]() : readers.SelectMany(r => r()).ToArray();
            for (int i = 0; i < all.Length; i++) all[i] = _normalizer.Normalize(all[i]);
            return all;
        };
    }

    private string[] WordTokens(string[] texts)
    {
        var words = Words.Tokenize(texts);
        return _stopWords is null ? words : _stopWords.Remove(words);
    }

    private string[] CharTokens(string[] texts)
    {
        var keys = _stopWords is null ? (texts.Length == 1 ? Characters.Tokenize(texts[0]) : Characters.Tokenize(texts)) : Characters.Tokenize(WordTokens(texts));
        var names = CharNames.Value;
        var r = new string[keys.Length];
        for (int i = 0; i < r.Length; i++) r[i] = names[keys[i]];
        return r;
    }

    internal IEnumerable<IReadOnlyList<string>> Documents(IDataView data, DataViewSchema.Column[] cols, bool chars)
    {
        using var cursor = data.GetRowCursor(cols);
        var texts = Texts(cursor, cols);
        while (cursor.MoveNext()) yield return chars ? CharTokens(texts()) : WordTokens(texts());
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var cols = _inputs.Select(n => TextColumns.RequireText(inputSchema, nameof(TextFeaturizingTransformer), n)).ToArray();
        var indices = cols.Select(c => c.Index).ToArray();
        var outputs = new List<OutputColumn>();
        if (_tokensColumn is { Length: > 0 })
            outputs.Add(new OutputColumn(_tokensColumn, TextColumns.TextVector, null, indices, row =>
            {
                var texts = Texts(row, cols);
                return TextColumns.TextVectorGetter(() => WordTokens(texts()));
            }));
        var names = (_word?.SlotNames.Select(n => "Word." + n) ?? []).Concat(_char?.SlotNames.Select(n => "Char." + n) ?? []).ToArray();
        if (names.Length == 0) names = [""];
        int size = Size;
        outputs.Add(new OutputColumn(_output, new VectorDataViewType(NumberDataViewType.Single, size), AnnotationUtils.SlotNames(names), indices, row =>
        {
            var texts = Texts(row, cols);
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
            {
                var t = texts();
                var arr = dst.Buffer(size);
                Array.Clear(arr, 0, size);
                if (_word is not null) Add(arr, 0, _word, _wordWeighter, WordTokens(t));
                if (_char is not null) Add(arr, WordSlots, _char, _charWeighter, CharTokens(t));
                Normalize(arr.AsSpan(0, size), _norm);
                dst = new VBuffer<float>(size, arr);
            });
        }));
        return outputs;
    }

    private static void Add(float[] dst, int offset, NgramVocabulary vocab, TermWeighter? weighter, string[] tokens)
    {
        var bag = vocab.CountNgrams(tokens);
        if (weighter is not null) bag = weighter.Apply(bag);
        var idx = bag.Indices;
        var val = bag.Values;
        for (int i = 0; i < idx.Length; i++) dst[offset + idx[i]] = (float)val[i];
    }

    private static void Normalize(Span<float> v, TextFeaturizingEstimator.NormFunction norm)
    {
        if (norm == TextFeaturizingEstimator.NormFunction.None) return;
        double n = 0;
        foreach (var x in v)
            n = norm switch
            {
                TextFeaturizingEstimator.NormFunction.L1 => n + Math.Abs(x),
                TextFeaturizingEstimator.NormFunction.L2 => n + (double)x * x,
                _ => Math.Max(n, Math.Abs(x)),
            };
        if (norm == TextFeaturizingEstimator.NormFunction.L2) n = Math.Sqrt(n);
        if (n > 0) for (int i = 0; i < v.Length; i++) v[i] = (float)(v[i] / n);
    }

    private sealed record Params(string Output, string[] Inputs, CaseMode CaseMode, bool KeepDiacritics, bool KeepPunctuations, bool KeepNumbers, string[]? StopWords,
        NgramExtractingTransformer.ExtractorParams? WordExtractor, NgramExtractingTransformer.VocabularyParams? Word, int WordWeighting,
        NgramExtractingTransformer.ExtractorParams? CharExtractor, NgramExtractingTransformer.VocabularyParams? Char, int CharWeighting,
        int Norm, string? TokensColumn);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_output, _inputs,
        _normalizer.CaseMode, _normalizer.KeepDiacritics, _normalizer.KeepPunctuations, _normalizer.KeepNumbers, _stopWordList,
        _word is null ? null : NgramExtractingTransformer.SaveExtractor(_word.Extractor), _word is null ? null : NgramExtractingTransformer.SaveVocabulary(_word), (int)_wordWeighting,
        _char is null ? null : NgramExtractingTransformer.SaveExtractor(_char.Extractor), _char is null ? null : NgramExtractingTransformer.SaveVocabulary(_char), (int)_charWeighting,
        (int)_norm, _tokensColumn));

    internal static TextFeaturizingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Inputs is not { Length: > 0 } || (p.Word is null && p.Char is null) || !Enum.IsDefined((TextFeaturizingEstimator.NormFunction)p.Norm))
            throw ctx.Error("TextFeaturizing: bad parameters.");
        NgramVocabulary? Vocab(NgramExtractingTransformer.ExtractorParams? e, NgramExtractingTransformer.VocabularyParams? v) =>
            e is null || v is null ? null : NgramExtractingTransformer.LoadVocabulary(ctx, NgramExtractingTransformer.LoadExtractor(e), NgramOrdering.ByOccurrence, v);
        return new TextFeaturizingTransformer(p.Output, p.Inputs, new TextNormalizer(p.CaseMode, p.KeepDiacritics, p.KeepPunctuations, p.KeepNumbers), p.StopWords,
            Vocab(p.WordExtractor, p.Word), Vocab(p.CharExtractor, p.Char),
            (NgramExtractingEstimator.WeightingCriteria)p.WordWeighting, (NgramExtractingEstimator.WeightingCriteria)p.CharWeighting,
            (TextFeaturizingEstimator.NormFunction)p.Norm, p.TokensColumn);
    }
}
