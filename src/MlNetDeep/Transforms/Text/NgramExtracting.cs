using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.ProduceNgrams(output, input, ngramLength, skipLength, useAllLengths, maximumNgramsCount, weighting)</c>:
/// a bag of n-grams with a dictionary learned from the training rows (<see cref="NgramExtractor"/>,
/// <see cref="NgramVocabulary"/>): one slot per n-gram in order of first occurrence (ML.NET's order),
/// slot names "w1|w2", weights <c>Tf</c> (count), <c>Idf</c> (idf where present) or <c>TfIdf</c>
/// (count × idf) with ML.NET's unsmoothed idf = ln(N / df). With
/// <see cref="ScikitLearnTfidfOptions"/> the weights and slot order are scikit-learn's
/// <c>TfidfVectorizer</c>'s instead.
/// Input: as ML.NET, a vector of keys (e.g. from <c>TokenizeIntoCharactersAsKeys</c> or
/// <c>MapValueToKey</c>; a key is read as its key value, key 0 as missing); MlNetDeep also accepts
/// a vector of text tokens directly (what <c>TokenizeIntoWords</c> gives), saving ML.NET's
/// intermediate <c>MapValueToKey</c>. Output: a float vector of the dictionary size (1 when the
/// dictionary is empty, as ML.NET) with slot names. Needs training (one pass per column).
/// </summary>
public sealed class NgramExtractingEstimator : IEstimator<NgramExtractingTransformer>
{
    /// <summary>The weighting of the counts, as ML.NET's enum of this name (values match <see cref="NgramWeighting"/>).</summary>
    public enum WeightingCriteria
    {
        /// <summary>Term frequency: the count of the n-gram in the row.</summary>
        Tf = 0,
        /// <summary>ln(N / df) where the n-gram occurs, 0 elsewhere.</summary>
        Idf = 1,
        /// <summary>count × ln(N / df).</summary>
        TfIdf = 2,
    }

    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>Longest n-gram.</summary>
        public const int NgramLength = NgramExtractor.Defaults.NgramLength;
        /// <summary>Tokens an n-gram may skip.</summary>
        public const int SkipLength = NgramExtractor.Defaults.SkipLength;
        /// <summary>Keep all lengths 1…n.</summary>
        public const bool UseAllLengths = NgramExtractor.Defaults.UseAllLengths;
        /// <summary>Dictionary limit per length.</summary>
        public const int MaximumNgramsCount = NgramExtractor.Defaults.MaximumNgramsCount;
        /// <summary>Weighting.</summary>
        public const WeightingCriteria Weighting = WeightingCriteria.Tf;
    }

    private readonly (string Output, string Input)[] _columns;
    private readonly NgramExtractor _extractor;
    private readonly WeightingCriteria _weighting;
    private readonly ScikitLearnTfidfOptions? _scikit;
    private readonly char[]? _separators;

    internal NgramExtractingEstimator((string Output, string Input)[] columns, NgramExtractor extractor, WeightingCriteria weighting,
        ScikitLearnTfidfOptions? scikitLearnTfidf, char[]? separators)
    {
        if (!Enum.IsDefined(weighting)) throw new ArgumentOutOfRangeException(nameof(weighting), $"Expected Tf, Idf or TfIdf. Received: weighting={weighting}");
        if (scikitLearnTfidf is not null && !Enum.IsDefined(scikitLearnTfidf.Norm))
            throw new ArgumentOutOfRangeException(nameof(scikitLearnTfidf), $"Expected Norm None, L1 or L2. Received: Norm={scikitLearnTfidf.Norm}");
        _columns = columns; _extractor = extractor; _weighting = weighting; _scikit = scikitLearnTfidf; _separators = separators;
    }

    private string Component => _separators is null ? nameof(NgramExtractingEstimator) : nameof(WordBagEstimator);

    /// <inheritdoc/>
    public NgramExtractingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var ordering = _scikit is null ? NgramOrdering.ByOccurrence : NgramOrdering.ByValue;
        var vocabularies = _columns.Select(spec =>
        {
            var col = input.Schema[spec.Input];
            return _extractor.Fit(NgramExtractingTransformer.Documents(input, col, _separators), ordering);
        }).ToArray();
        return new NgramExtractingTransformer(_columns, vocabularies, _weighting, _scikit, _separators);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, Component, c.Input);
        NgramExtractingTransformer.CheckInput(Component, c.Input, i.IsKey, i.ItemType is TextDataViewType, i.IsVector, _separators is not null, i);
        return new SchemaShape.Column(c.Output, SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, [AnnotationUtils.Kinds.SlotNames]);
    }).ToArray());
}

/// <summary>The fitted n-gram bag: a dictionary per column and the weighting (see <see cref="NgramExtractingEstimator"/>).</summary>
public sealed class NgramExtractingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;
    private readonly NgramVocabulary[] _vocabularies;
    private readonly NgramExtractingEstimator.WeightingCriteria _weighting;
    private readonly ScikitLearnTfidfOptions? _scikit;
    private readonly char[]? _separators;
    private readonly WordTokenizer? _tokenizer;
    private readonly TermWeighter?[] _weighters;

    internal NgramExtractingTransformer((string Output, string Input)[] columns, NgramVocabulary[] vocabularies,
        NgramExtractingEstimator.WeightingCriteria weighting, ScikitLearnTfidfOptions? scikit, char[]? separators)
    {
        _columns = columns; _vocabularies = vocabularies; _weighting = weighting; _scikit = scikit; _separators = separators;
        _tokenizer = separators is null ? null : new WordTokenizer(separators);
        _weighters = vocabularies.Select(v => scikit is not null
            ? TermWeighter.ScikitLearn(v, scikit.UseIdf, scikit.SmoothIdf, scikit.SublinearTf, scikit.Norm, scikit.Binary)
            : weighting == NgramExtractingEstimator.WeightingCriteria.Tf ? null : TermWeighter.MlNet(v, (NgramWeighting)weighting)).ToArray();
    }

    /// <summary>The learned dictionary of column <paramref name="columnIndex"/> (slots, document frequencies, idf).</summary>
    public NgramVocabulary GetVocabulary(int columnIndex = 0) => _vocabularies[columnIndex];

    /// <summary>The weight of each slot's count (idf, or 1 for Tf) of column <paramref name="columnIndex"/>.</summary>
    public IReadOnlyList<double> GetIdf(int columnIndex = 0) =>
        _weighters[columnIndex]?.Idf ?? Enumerable.Repeat(1.0, _vocabularies[columnIndex].Count).ToArray();

    internal static void CheckInput(string component, string name, bool isKey, bool isText, bool isVector, bool tokenize, object type)
    {
        if (tokenize ? !(isText && !isKey) : !(isVector && (isKey || isText)))
            throw ShapeChecks.WrongType(component, name, type, tokenize ? "text or a vector of text" : "a vector of keys or a vector of text tokens");
    }

    /// <summary>Reads the tokens of a column row by row (key values for keys; words when <paramref name="separators"/> is set).</summary>
    internal static Func<string[]> Reader(DataViewRow row, DataViewSchema.Column c, WordTokenizer? tokenizer)
    {
        var read = c.Type.GetItemType() is KeyDataViewType ? TextColumns.ReadKeysAsStrings(row, c) : TextColumns.ReadStrings(row, c);
        return tokenizer is null ? read : () => tokenizer.Tokenize(read());
    }

    internal static IEnumerable<IReadOnlyList<string>> Documents(IDataView data, DataViewSchema.Column c, char[]? separators)
    {
        var tokenizer = separators is null ? null : new WordTokenizer(separators);
        using var cursor = data.GetRowCursor([c]);
        var read = Reader(cursor, c, tokenizer);
        while (cursor.MoveNext()) yield return read();
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select((spec, j) =>
    {
        string component = _separators is null ? nameof(NgramExtractingTransformer) : "WordBagTransformer";
        var c = ShapeChecks.Find(inputSchema, component, spec.Input);
        var item = c.Type.GetItemType();
        CheckInput(component, spec.Input, item is KeyDataViewType, item is TextDataViewType, c.Type is VectorDataViewType, _separators is not null, c.Type);
        var vocab = _vocabularies[j];
        var weighter = _weighters[j];
        int size = Math.Max(vocab.Count, 1);
        var names = vocab.Count == 0 ? [""] : vocab.SlotNames;
        return new OutputColumn(spec.Output, new VectorDataViewType(NumberDataViewType.Single, size), AnnotationUtils.SlotNames(names), [c.Index], row =>
        {
            var read = Reader(row, c, _tokenizer);
            return TextColumns.FloatVectorGetter(size, () =>
            {
                var counts = vocab.CountNgrams(read());
                return weighter is null ? counts : weighter.Apply(counts);
            });
        });
    }).ToArray();

    internal sealed record VocabularyParams(string[][] Slots, int[] DocumentFrequency, int DocumentCount);

    internal static VocabularyParams SaveVocabulary(NgramVocabulary v) =>
        new(Enumerable.Range(0, v.Count).Select(v.GetNgram).ToArray(), Enumerable.Range(0, v.Count).Select(v.GetDocumentFrequency).ToArray(), v.DocumentCount);

    internal static NgramVocabulary LoadVocabulary(ModelLoadContext ctx, NgramExtractor extractor, NgramOrdering ordering, VocabularyParams p)
    {
        if (p.Slots.Length != p.DocumentFrequency.Length || p.DocumentCount < 0) throw ctx.Error("n-gram dictionary: bad parameters.");
        var tokens = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var map = new IntSequenceMap();
        foreach (var slot in p.Slots)
        {
            if (slot.Length == 0 || slot.Length > extractor.NgramLength || slot.Any(string.IsNullOrEmpty)) throw ctx.Error("n-gram dictionary: bad n-gram.");
            var seq = slot.Select(t =>
            {
                if (!ids.TryGetValue(t, out int id)) { id = tokens.Count; ids.Add(t, id); tokens.Add(t); }
                return id;
            }).ToArray();
            if (map.Find(seq) >= 0) throw ctx.Error("n-gram dictionary: repeated n-gram.");
            map.Add(seq);
        }
        return new NgramVocabulary(extractor, ordering, tokens.ToArray(), ids, map, p.DocumentFrequency, p.DocumentCount);
    }

    internal sealed record ExtractorParams(int NgramLength, int SkipLength, bool UseAllLengths, int[] Limits);

    internal static ExtractorParams SaveExtractor(NgramExtractor e) => new(e.NgramLength, e.SkipLength, e.UseAllLengths, e.MaximumNgramsCount.ToArray());

    internal static NgramExtractor LoadExtractor(ExtractorParams p) =>
        p.UseAllLengths ? new NgramExtractor(p.NgramLength, p.SkipLength, true, p.Limits) : new NgramExtractor(p.NgramLength, p.SkipLength, false, [p.Limits[^1]]);

    private sealed record Params(string[] Outputs, string[] Inputs, ExtractorParams Extractor, VocabularyParams[] Vocabularies, int Weighting,
        ScikitLearnTfidfOptions? ScikitLearn, string? Separators);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(),
        SaveExtractor(_vocabularies[0].Extractor), _vocabularies.Select(SaveVocabulary).ToArray(), (int)_weighting, _scikit,
        _separators is null ? null : new string(_separators)));

    internal static NgramExtractingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length || p.Vocabularies.Length != p.Outputs.Length || !Enum.IsDefined((NgramExtractingEstimator.WeightingCriteria)p.Weighting))
            throw ctx.Error("NgramExtracting: bad parameters.");
        var extractor = LoadExtractor(p.Extractor);
        var ordering = p.ScikitLearn is null ? NgramOrdering.ByOccurrence : NgramOrdering.ByValue;
        return new NgramExtractingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), p.Vocabularies.Select(v => LoadVocabulary(ctx, extractor, ordering, v)).ToArray(),
            (NgramExtractingEstimator.WeightingCriteria)p.Weighting, p.ScikitLearn, p.Separators?.ToCharArray());
    }
}
