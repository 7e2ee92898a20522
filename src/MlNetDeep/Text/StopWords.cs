using System.Collections.Frozen;
using System.Globalization;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// A stop-word list and its removal from token vectors, as ML.NET's
/// <c>ml.Transforms.Text.RemoveDefaultStopWords</c> (English) and <c>RemoveStopWords</c> (a user
/// list). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Matching is case-insensitive the way ML.NET does it: the stop words and each token are
/// lower-cased with the invariant culture before comparing; user stop words are trimmed of spaces
/// and empty ones ignored. Removal keeps the original token (not its lower-cased form) and, like
/// ML.NET, also drops empty tokens.</para>
/// <para><see cref="English"/> is scikit-learn's <c>ENGLISH_STOP_WORDS</c> (318 words, from the
/// Glasgow Information Retrieval Group's list). ML.NET's own English resource file was not
/// available to us, so this list, not ML.NET's, is the default; results of
/// <c>RemoveDefaultStopWords</c> can therefore differ from ML.NET's for words on only one list.</para>
/// </remarks>
public sealed class StopWords
{
    private readonly FrozenSet<string> _words;
    private readonly string[] _sorted;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a custom list (ML.NET <c>RemoveStopWords(..., stopwords)</c>).</summary>
    /// <param name="stopWords">The words; trimmed of spaces, lower-cased, empty ones ignored.</param>
    public StopWords(IEnumerable<string> stopWords)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in stopWords)
        {
            var t = (w ?? string.Empty).Trim(' ');
            if (t.Length > 0) set.Add(t.ToLowerInvariant());
        }
        if (set.Count == 0)
            throw new ArgumentException("Expected at least one non-empty stop word. Received: an empty list", nameof(stopWords));
        _words = set.ToFrozenSet(StringComparer.Ordinal);
        _sorted = set.Order(StringComparer.Ordinal).ToArray();
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The default English list (scikit-learn's <c>ENGLISH_STOP_WORDS</c>; see remarks).</summary>
    public static StopWords English { get; } = new(EnglishList.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The stop words, lower-cased, in ordinal order.</summary>
    public IReadOnlyList<string> Words => _sorted;

    /// <summary>The number of stop words.</summary>
    public int Count => _words.Count;

    /// <summary>Whether <paramref name="token"/> is a stop word (case-insensitive).</summary>
    public bool Contains(ReadOnlySpan<char> token)
    {
        if (token.Length == 0) return false;
        Span<char> lower = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        token.ToLowerInvariant(lower);
        return _lookup.Contains(lower);
    }

    /// <summary>Whether <paramref name="token"/> is a stop word (case-insensitive).</summary>
    public bool Contains(string token) => Contains(token.AsSpan());

    /// <summary>The tokens that are neither stop words nor empty, in their original order and form.</summary>
    public string[] Remove(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var kept = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!string.IsNullOrEmpty(t) && !Contains(t.AsSpan())) kept.Add(t);
        }
        return kept.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"StopWords({Count} words)");

    // scikit-learn 1.2 feature_extraction.text.ENGLISH_STOP_WORDS, sorted.
    private const string EnglishList =
        "a about above across after afterwards again against all almost alone along already also " +
        "although always am among amongst amoungst amount an and another any anyhow anyone anything " +
        "anyway anywhere are around as at back be became because become becomes becoming been before " +
        "beforehand behind being below beside besides between beyond bill both bottom but by call can " +
        "cannot cant co con could couldnt cry de describe detail do done down due during each eg " +
        "eight either eleven else elsewhere empty enough etc even ever every everyone everything " +
        "everywhere except few fifteen fifty fill find fire first five for former formerly forty " +
        "found four from front full further get give go had has hasnt have he hence her here " +
        "hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in " +
        "inc indeed interest into is it its itself keep last latter latterly least less ltd made many " +
        "may me meanwhile might mill mine more moreover most mostly move much must my myself name " +
        "namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere " +
        "of off often on once one only onto or other others otherwise our ours ourselves out over own " +
        "part per perhaps please put rather re same see seem seemed seeming seems serious several she " +
        "should show side since sincere six sixty so some somehow someone something sometime " +
        "sometimes somewhere still such system take ten than that the their them themselves then " +
        "thence there thereafter thereby therefore therein thereupon these they thick thin third this " +
        "those though three through throughout thru thus to together too top toward towards twelve " +
        "twenty two un under until up upon us very via was we well were what whatever when whence " +
        "whenever where whereafter whereas whereby wherein whereupon wherever whether which while " +
        "whither who whoever whole whom whose why will with within without would yet you your yours " +
        "yourself yourselves " +
        "";
}
