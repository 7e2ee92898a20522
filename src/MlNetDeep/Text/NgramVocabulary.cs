using System.Globalization;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// A fitted n-gram dictionary (from <see cref="NgramExtractor.Fit"/>): n-gram → slot index, each
/// slot's document frequency, and the counting/weighting of new token vectors into bags of
/// <see cref="Count"/> slots. This is the state of ML.NET's fitted <c>ProduceNgrams</c>
/// transformer. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Tokens never seen while fitting, and empty tokens, match no slot: n-grams containing them are
/// ignored (ML.NET maps them to the missing key). ML.NET gives a column of size 1 when the
/// dictionary is empty; <see cref="Count"/> is 0 then and the wrapper decides.
/// </remarks>
public sealed class NgramVocabulary
{
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _tokenIds;
    private readonly IntSequenceMap _map;
    private readonly int[] _documentFrequency;
    private readonly bool[] _levelUsed;
    private readonly TermWeighter?[] _mlNetWeighters = new TermWeighter?[3];
    private string[]? _slotNames;

    internal NgramVocabulary(NgramExtractor extractor, NgramOrdering ordering, string[] tokens, Dictionary<string, int> tokenIds,
        IntSequenceMap map, int[] documentFrequency, int documentCount)
    {
        Extractor = extractor;
        Ordering = ordering;
        DocumentCount = documentCount;
        _tokens = tokens;
        _tokenIds = tokenIds;
        if (ordering == NgramOrdering.ByValue)
        {
            var keys = new string[map.Count];
            for (int s = 0; s < keys.Length; s++) keys[s] = Join(map[s], " ");
            var order = Enumerable.Range(0, keys.Length).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]));
            var sorted = new IntSequenceMap();
            var df = new int[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                sorted.Add(map[order[i]]);
                df[i] = documentFrequency[order[i]];
            }
            map = sorted;
            documentFrequency = df;
        }
        _map = map;
        _documentFrequency = documentFrequency;
        _levelUsed = new bool[extractor.NgramLength];
        for (int s = 0; s < map.Count; s++) _levelUsed[map[s].Length - 1] = true;
    }

    /// <summary>The settings the dictionary was built with.</summary>
    public NgramExtractor Extractor { get; }

    /// <summary>The slot order.</summary>
    public NgramOrdering Ordering { get; }

    /// <summary>The number of slots (distinct n-grams kept).</summary>
    public int Count => _map.Count;

    /// <summary>The number of training documents (N in idf).</summary>
    public int DocumentCount { get; }

    /// <summary>The tokens of the n-gram in slot <paramref name="index"/>.</summary>
    public string[] GetNgram(int index)
    {
        CheckIndex(index);
        var ids = _map[index];
        var result = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++) result[i] = _tokens[ids[i]];
        return result;
    }

    /// <summary>ML.NET's slot name: the n-gram's tokens joined with '|' ("good|boy").</summary>
    public string GetSlotName(int index)
    {
        CheckIndex(index);
        return Join(_map[index], "|");
    }

    /// <summary>All slot names, in slot order.</summary>
    public IReadOnlyList<string> SlotNames
    {
        get
        {
            if (_slotNames == null)
            {
                var names = new string[Count];
                for (int s = 0; s < names.Length; s++) names[s] = Join(_map[s], "|");
                _slotNames = names;
            }
            return _slotNames;
        }
    }

    /// <summary>The slot of an n-gram given as its tokens, or -1.</summary>
    public int IndexOf(params string[] ngram)
    {
        ArgumentNullException.ThrowIfNull(ngram);
        if (ngram.Length == 0 || ngram.Length > Extractor.NgramLength) return -1;
        Span<int> ids = stackalloc int[ngram.Length];
        for (int i = 0; i < ngram.Length; i++)
            if (ngram[i] == null || !_tokenIds.TryGetValue(ngram[i], out ids[i])) return -1;
        return _map.Find(ids);
    }

    /// <summary>In how many training documents the n-gram of slot <paramref name="index"/> occurs.</summary>
    public int GetDocumentFrequency(int index)
    {
        CheckIndex(index);
        return _documentFrequency[index];
    }

    /// <summary>ML.NET's unsmoothed idf of slot <paramref name="index"/>: ln(N / df).</summary>
    public double GetInverseDocumentFrequency(int index) => Math.Log((double)DocumentCount / GetDocumentFrequency(index));

    /// <summary>The bag of raw n-gram counts of one token vector (ML.NET's Tf weighting).</summary>
    public SparseVector CountNgrams(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = tokens.Count <= 256 ? stackalloc int[tokens.Count] : new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            var t = tokens[i];
            ids[i] = !string.IsNullOrEmpty(t) && _tokenIds.TryGetValue(t, out int id) ? id : -1;
        }
        var sink = new LookupSink { Map = _map, LevelUsed = _levelUsed, Slots = new List<int>() };
        Extractor.Enumerate(ids, ref sink);
        var slots = sink.Slots;
        slots.Sort();
        var indices = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < slots.Count;)
        {
            int j = i;
            while (j < slots.Count && slots[j] == slots[i]) j++;
            indices.Add(slots[i]);
            values.Add(j - i);
            i = j;
        }
        return new SparseVector(Count, indices.ToArray(), values.ToArray(), owned: true);
    }

    /// <summary>The weighted bag of one token vector, as ML.NET's <c>ProduceNgrams(weighting)</c>.</summary>
    public SparseVector Transform(IReadOnlyList<string> tokens, NgramWeighting weighting = NgramExtractor.Defaults.Weighting)
    {
        if (!Enum.IsDefined(weighting))
            throw new ArgumentOutOfRangeException(nameof(weighting), weighting, $"Expected Tf, Idf or TfIdf. Received: weighting={weighting}");
        if (weighting == NgramWeighting.Tf) return CountNgrams(tokens);
        var w = _mlNetWeighters[(int)weighting] ??= TermWeighter.MlNet(this, weighting);
        return w.Apply(CountNgrams(tokens));
    }

    private string Join(ReadOnlySpan<int> ids, string separator)
    {
        if (ids.Length == 1) return _tokens[ids[0]];
        var parts = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++) parts[i] = _tokens[ids[i]];
        return string.Join(separator, parts);
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Expected a slot index in [0, {Count}). Received: index={index}");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"NgramVocabulary({Count} n-grams from {DocumentCount} documents, {Ordering})");

    private struct LookupSink : NgramExtractor.INgramSink
    {
        public IntSequenceMap Map;
        public bool[] LevelUsed;
        public List<int> Slots;

        public readonly void Accept(ReadOnlySpan<int> ngram)
        {
            if (!LevelUsed[ngram.Length - 1] || ngram.Contains(-1)) return;
            int slot = Map.Find(ngram);
            if (slot >= 0) Slots.Add(slot);
        }
    }
}
