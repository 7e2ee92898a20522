using System.Globalization;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// The n-gram settings of ML.NET's <c>ml.Transforms.Text.ProduceNgrams</c> /
/// <c>ProduceWordBags</c> (<c>ngramLength</c>, <c>skipLength</c>, <c>useAllLengths</c>,
/// <c>maximumNgramsCount</c>), the enumeration of a token vector's n-grams with ML.NET's
/// semantics, and <see cref="Fit"/>, which builds the n-gram dictionary of a corpus.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>At each position p of the token vector, the n-grams starting at p are produced: the
/// unigram, then (without skips) the 2-gram, 3-gram, … up to <see cref="NgramLength"/>. With
/// <see cref="SkipLength"/> s &gt; 0 an n-gram may leave out tokens between its members, at most s
/// in total (a skip-gram): for "a b c d" with length 2 and s = 1 the 2-grams starting at "a" are
/// "a b" and "a c". These are produced depth first (a b, a b c, a b d, a c, a c d for length 3,
/// s = 1), which fixes the ML.NET slot order. Every (positions) combination is produced once, so
/// a bag counts how often each n-gram occurs.</para>
/// <para>With <see cref="UseAllLengths"/> (the default) all lengths 1…n are kept, otherwise only
/// length n. <see cref="MaximumNgramsCount"/> limits the dictionary per length: while fitting, an
/// n-gram of length k is added only while fewer than the limit for k are present, so the first
/// ones met are kept (ML.NET's rule; scikit-learn's <c>max_features</c>, which keeps the most
/// frequent, is different).</para>
/// </remarks>
public sealed class NgramExtractor
{
    /// <summary>ML.NET's limit on <c>ngramLength + skipLength</c>.</summary>
    public const int MaximumNgramAndSkipLength = 10;

    /// <summary>ML.NET's defaults for <c>ProduceNgrams</c>.</summary>
    public static class Defaults
    {
        /// <summary>Bigrams.</summary>
        public const int NgramLength = 2;
        /// <summary>No skips.</summary>
        public const int SkipLength = 0;
        /// <summary>All lengths up to <see cref="NgramLength"/>.</summary>
        public const bool UseAllLengths = true;
        /// <summary>Ten million n-grams per length.</summary>
        public const int MaximumNgramsCount = 10_000_000;
        /// <summary>Raw counts.</summary>
        public const NgramWeighting Weighting = NgramWeighting.Tf;
    }

    private readonly int[] _limits;

    /// <summary>Creates the settings with one dictionary limit for every length (ML.NET's catalog method).</summary>
    public NgramExtractor(int ngramLength = Defaults.NgramLength, int skipLength = Defaults.SkipLength,
        bool useAllLengths = Defaults.UseAllLengths, int maximumNgramsCount = Defaults.MaximumNgramsCount)
        : this(ngramLength, skipLength, useAllLengths, [maximumNgramsCount])
    {
    }

    /// <summary>
    /// Creates the settings with per-length limits, as ML.NET's <c>Options.MaximumNgramsCount</c>:
    /// entry k limits (k+1)-grams and the last entry extends to longer lengths. Without
    /// <paramref name="useAllLengths"/> exactly one limit (for length n) is expected.
    /// </summary>
    public NgramExtractor(int ngramLength, int skipLength, bool useAllLengths, IReadOnlyList<int> maximumNgramsCount)
    {
        ArgumentNullException.ThrowIfNull(maximumNgramsCount);
        if (ngramLength < 1 || ngramLength > MaximumNgramAndSkipLength)
            throw new ArgumentOutOfRangeException(nameof(ngramLength), ngramLength, $"Expected a value between 1 and {MaximumNgramAndSkipLength}. Received: ngramLength={ngramLength}");
        if (skipLength < 0 || ngramLength + skipLength > MaximumNgramAndSkipLength)
            throw new ArgumentOutOfRangeException(nameof(skipLength), skipLength, $"Expected skipLength ≥ 0 with ngramLength + skipLength ≤ {MaximumNgramAndSkipLength}. Received: ngramLength={ngramLength}, skipLength={skipLength}");
        string received = "[" + string.Join(", ", maximumNgramsCount) + "]";
        _limits = new int[ngramLength];
        if (!useAllLengths)
        {
            if (maximumNgramsCount.Count != 1 || maximumNgramsCount[0] <= 0)
                throw new ArgumentException($"Expected one positive limit when useAllLengths is false. Received: maximumNgramsCount={received}", nameof(maximumNgramsCount));
            _limits[ngramLength - 1] = maximumNgramsCount[0];
        }
        else
        {
            if (maximumNgramsCount.Count == 0 || maximumNgramsCount.Count > ngramLength
                || maximumNgramsCount.Any(v => v < 0) || maximumNgramsCount[^1] <= 0)
                throw new ArgumentException($"Expected 1 to ngramLength={ngramLength} non-negative limits, the last positive. Received: maximumNgramsCount={received}", nameof(maximumNgramsCount));
            for (int i = 0; i < ngramLength; i++)
                _limits[i] = i < maximumNgramsCount.Count ? maximumNgramsCount[i] : maximumNgramsCount[^1];
        }
        NgramLength = ngramLength;
        SkipLength = skipLength;
        UseAllLengths = useAllLengths;
    }

    /// <summary>The longest n-gram length n.</summary>
    public int NgramLength { get; }
    /// <summary>The most tokens an n-gram may skip in total.</summary>
    public int SkipLength { get; }
    /// <summary>Whether lengths 1…n are all kept (otherwise only n).</summary>
    public bool UseAllLengths { get; }
    /// <summary>The dictionary limit for each length 1…n (0 for lengths that are not kept).</summary>
    public IReadOnlyList<int> MaximumNgramsCount => _limits;

    /// <summary>
    /// The kept n-grams of one token vector, in production order (see remarks), repeats included.
    /// </summary>
    public List<string[]> Extract(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = i;
        var sink = new CollectSink { Positions = new List<int[]>(), MinLength = UseAllLengths ? 1 : NgramLength };
        Enumerate(ids, ref sink);
        return sink.Positions.Select(p => p.Select(i => tokens[i]).ToArray()).ToList();
    }

    /// <summary>
    /// Builds the n-gram dictionary of a corpus (one token vector per document): slots in
    /// <paramref name="ordering"/>, with each n-gram's document frequency for idf weighting.
    /// Empty or null tokens count as missing: no n-gram containing one is kept.
    /// </summary>
    public NgramVocabulary Fit(IEnumerable<IReadOnlyList<string>> documents, NgramOrdering ordering = NgramOrdering.ByOccurrence)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!Enum.IsDefined(ordering))
            throw new ArgumentOutOfRangeException(nameof(ordering), ordering, $"Expected ByOccurrence or ByValue. Received: ordering={ordering}");
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var sink = new FitSink
        {
            Map = new IntSequenceMap(),
            Counts = new int[NgramLength],
            Limits = _limits,
            DocumentFrequency = new List<int>(),
            LastDocument = new List<int>(),
        };
        var ids = new List<int>();
        int documentCount = 0;
        foreach (var doc in documents)
        {
            if (doc == null) throw new ArgumentException($"Expected a token vector for every document. Received: null at document {documentCount}", nameof(documents));
            ids.Clear();
            for (int i = 0; i < doc.Count; i++)
            {
                var t = doc[i];
                if (string.IsNullOrEmpty(t)) { ids.Add(-1); continue; }
                if (!tokenIds.TryGetValue(t, out int id))
                {
                    id = tokens.Count;
                    tokenIds.Add(t, id);
                    tokens.Add(t);
                }
                ids.Add(id);
            }
            sink.Document = documentCount++;
            Enumerate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids), ref sink);
        }
        return new NgramVocabulary(this, ordering, tokens.ToArray(), tokenIds, sink.Map, sink.DocumentFrequency.ToArray(), documentCount);
    }

    /// <summary>Visits every n-gram of <paramref name="ids"/> (all lengths 1…n) in ML.NET's order.</summary>
    internal void Enumerate<TSink>(ReadOnlySpan<int> ids, ref TSink sink) where TSink : struct, INgramSink
    {
        int capacity = NgramLength + SkipLength;
        Span<int> ngram = stackalloc int[NgramLength];
        for (int start = 0; start < ids.Length; start++)
        {
            var window = ids.Slice(start, Math.Min(capacity, ids.Length - start));
            ngram[0] = window[0];
            sink.Accept(ngram[..1]);
            if (window.Length == 1 || NgramLength == 1) continue;
            if (SkipLength > 0)
            {
                SkipGrams(window, ngram, 1, 0, ref sink);
                continue;
            }
            for (int i = 1; i < window.Length; i++)
            {
                ngram[i] = window[i];
                sink.Accept(ngram[..(i + 1)]);
            }
        }
    }

    // Fills member i of the n-gram having used `skips` skips so far; depth first as ML.NET.
    private void SkipGrams<TSink>(ReadOnlySpan<int> window, Span<int> ngram, int i, int skips, ref TSink sink) where TSink : struct, INgramSink
    {
        for (int k = skips; k <= SkipLength && k + i < window.Length; k++)
        {
            ngram[i] = window[k + i];
            sink.Accept(ngram[..(i + 1)]);
            if (i + 1 < NgramLength && i + k + 1 < window.Length)
                SkipGrams(window, ngram, i + 1, k, ref sink);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"NgramExtractor(ngramLength: {NgramLength}, skipLength: {SkipLength}, useAllLengths: {UseAllLengths}, maximumNgramsCount: [{string.Join(", ", _limits)}])");

    internal interface INgramSink
    {
        void Accept(ReadOnlySpan<int> ngram);
    }

    private struct CollectSink : INgramSink
    {
        public List<int[]> Positions;
        public int MinLength;

        public readonly void Accept(ReadOnlySpan<int> ngram)
        {
            if (ngram.Length >= MinLength) Positions.Add(ngram.ToArray());
        }
    }

    private struct FitSink : INgramSink
    {
        public IntSequenceMap Map;
        public int[] Counts;
        public int[] Limits;
        public List<int> DocumentFrequency;
        public List<int> LastDocument;
        public int Document;

        public readonly void Accept(ReadOnlySpan<int> ngram)
        {
            if (ngram.Contains(-1)) return;
            int slot = Map.Find(ngram);
            if (slot < 0)
            {
                int level = ngram.Length - 1;
                if (Counts[level] >= Limits[level]) return;
                Counts[level]++;
                slot = Map.Add(ngram);
                DocumentFrequency.Add(0);
                LastDocument.Add(-1);
            }
            if (LastDocument[slot] != Document)
            {
                LastDocument[slot] = Document;
                DocumentFrequency[slot]++;
            }
        }
    }
}
