using System.Globalization;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// A token → id vocabulary for padded id sequences, what an Embedding/LSTM layer consumes
/// (Keras <c>TextVectorization(output_mode='int')</c>, or <c>Tokenizer</c> + <c>pad_sequences</c>).
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Reserved ids, as TextVectorization: 0 is padding (token ""), 1 is out-of-vocabulary
/// (token "[UNK]"). Learned tokens get ids 2, 3, … by decreasing corpus frequency; ties keep the
/// order of first occurrence (Keras' <c>Tokenizer</c> rule; a stable sort). <c>maxTokens</c>
/// counts the reserved ids, as TextVectorization's <c>max_tokens</c>: at most maxTokens − 2
/// learned tokens. Tokens are compared ordinally (normalize case upstream); empty tokens and the
/// literal "[UNK]" are never learned.</para>
/// <para>Fixed-length output follows <see cref="SequencePadding"/>. The default is Keras'
/// <c>pad_sequences</c> (padding and truncating 'pre', which suits recurrent layers);
/// TextVectorization's <c>output_sequence_length</c> behaves as <see cref="SequenceSide.Post"/> for
/// both.</para>
/// </remarks>
public sealed class SequenceVocabulary
{
    /// <summary>The padding id.</summary>
    public const int PaddingId = 0;
    /// <summary>The out-of-vocabulary id.</summary>
    public const int OutOfVocabularyId = 1;
    /// <summary>The token shown for the padding id.</summary>
    public const string PaddingToken = "";
    /// <summary>The token shown for the out-of-vocabulary id.</summary>
    public const string OutOfVocabularyToken = "[UNK]";

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    private SequenceVocabulary(string[] tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 2; i < tokens.Length; i++) _ids.Add(tokens[i], i);
    }

    /// <summary>Learns the vocabulary of a corpus (one token vector per document).</summary>
    /// <param name="documents">The token vectors.</param>
    /// <param name="maxTokens">Vocabulary size including the two reserved ids; null for no limit.</param>
    public static SequenceVocabulary Fit(IEnumerable<IReadOnlyList<string>> documents, int? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (maxTokens is < 2)
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens, $"Expected maxTokens ≥ 2 (padding and out-of-vocabulary are included) or null. Received: maxTokens={maxTokens}");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var doc in documents)
        {
            if (doc == null) throw new ArgumentException("Expected a token vector for every document. Received: null", nameof(documents));
            for (int i = 0; i < doc.Count; i++)
            {
                var t = doc[i];
                if (string.IsNullOrEmpty(t) || t == OutOfVocabularyToken) continue;
                if (counts.TryGetValue(t, out int c)) counts[t] = c + 1;
                else
                {
                    counts.Add(t, 1);
                    order.Add(t);
                }
            }
        }
        // OrderByDescending is a stable sort: equal counts keep first-occurrence order.
        var learned = order.OrderByDescending(t => counts[t]);
        int keep = maxTokens.HasValue ? Math.Min(order.Count, maxTokens.Value - 2) : order.Count;
        var tokens = new[] { PaddingToken, OutOfVocabularyToken }.Concat(learned.Take(keep)).ToArray();
        return new SequenceVocabulary(tokens);
    }

    /// <summary>Creates a vocabulary from learned tokens in id order (ids 2, 3, …), e.g. one loaded from a model file.</summary>
    public static SequenceVocabulary FromTokens(IEnumerable<string> learnedTokens)
    {
        ArgumentNullException.ThrowIfNull(learnedTokens);
        var list = new List<string> { PaddingToken, OutOfVocabularyToken };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in learnedTokens)
        {
            if (string.IsNullOrEmpty(t) || t == OutOfVocabularyToken || !seen.Add(t))
                throw new ArgumentException($"Expected distinct, non-empty tokens other than \"{OutOfVocabularyToken}\". Received: \"{t}\" at position {list.Count - 2}", nameof(learnedTokens));
            list.Add(t);
        }
        return new SequenceVocabulary(list.ToArray());
    }

    /// <summary>The vocabulary size, reserved ids included (the Embedding layer's input dimension).</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokens by id: "", "[UNK]", then learned tokens.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The id of a token; <see cref="OutOfVocabularyId"/> when unknown.</summary>
    public int GetId(string token) => token != null && _ids.TryGetValue(token, out int id) ? id : OutOfVocabularyId;

    /// <summary>The token of an id.</summary>
    public string GetToken(int id)
    {
        if ((uint)id >= (uint)_tokens.Length)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Expected an id in [0, {_tokens.Length}). Received: id={id}");
        return _tokens[id];
    }

    /// <summary>The ids of a token vector, without padding or truncation.</summary>
    public int[] Transform(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = GetId(tokens[i]);
        return ids;
    }

    /// <summary>The ids of a token vector brought to <paramref name="sequenceLength"/> (see <see cref="SequencePadding"/>).</summary>
    public int[] Transform(IReadOnlyList<string> tokens, int sequenceLength, SequenceSide padding = SequenceSide.Pre, SequenceSide truncating = SequenceSide.Pre)
    {
        if (sequenceLength < 0)
            throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, $"Expected a length ≥ 0. Received: sequenceLength={sequenceLength}");
        var result = new int[sequenceLength];
        Transform(tokens, result, padding, truncating);
        return result;
    }

    /// <summary>Writes the padded/truncated ids of a token vector into all of <paramref name="destination"/> (e.g. a row of a batch).</summary>
    public void Transform(IReadOnlyList<string> tokens, Span<int> destination, SequenceSide padding = SequenceSide.Pre, SequenceSide truncating = SequenceSide.Pre)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // Only the tokens that survive truncation are looked up.
        int n = tokens.Count, length = destination.Length;
        int from = n > length && truncating == SequenceSide.Pre ? n - length : 0;
        int count = Math.Min(n, length);
        Span<int> ids = count <= 512 ? stackalloc int[count] : new int[count];
        for (int i = 0; i < count; i++) ids[i] = GetId(tokens[from + i]);
        SequencePadding.Pad(ids, destination, padding, truncating, PaddingId);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SequenceVocabulary({Count} ids)");
}
