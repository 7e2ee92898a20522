using System.Text;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Splits text into characters, as ML.NET's <c>ml.Transforms.Text.TokenizeIntoCharactersAsKeys</c>.
/// Each character becomes a key equal to its UTF-16 code (so key 0, U+0000, is ML.NET's missing
/// key). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>With <see cref="UseMarkerCharacters"/> (the default, as in ML.NET) a non-empty text is
/// wrapped in the start-of-text marker U+0002 and the end-of-text marker U+0003; an empty text
/// gives no keys at all.</para>
/// <para>A vector of texts is one stream (ML.NET model version 0x00010002): a single start marker,
/// the characters of each non-empty text with the unit separator U+001F written before every text
/// at a position other than 0, and a single end marker. Like ML.NET, the markers are written even
/// when every text is empty, and the separator test looks at the position, not at whether an earlier
/// text was empty.</para>
/// <para><see cref="GetKeyValue"/> gives the display names ML.NET uses as key values: control
/// characters and space as control pictures ("&lt;␂&gt;", "&lt;␃&gt;", "&lt;␠&gt;").</para>
/// </remarks>
public sealed class CharacterTokenizer
{
    /// <summary>The start-of-text marker key (U+0002).</summary>
    public const ushort StartMarker = 0x02;
    /// <summary>The end-of-text marker key (U+0003).</summary>
    public const ushort EndMarker = 0x03;
    /// <summary>The key written between the texts of a vector (U+001F, unit separator).</summary>
    public const ushort UnitSeparator = 0x1F;
    /// <summary>The number of distinct keys (ML.NET's key count: every UTF-16 unit except U+0000).</summary>
    public const int KeyCount = ushort.MaxValue;

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="useMarkerCharacters">Whether to wrap the output in U+0002 … U+0003 (ML.NET's default: true).</param>
    public CharacterTokenizer(bool useMarkerCharacters = true) => UseMarkerCharacters = useMarkerCharacters;

    /// <summary>Whether start and end markers are written.</summary>
    public bool UseMarkerCharacters { get; }

    /// <summary>The character keys of one text.</summary>
    public ushort[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        int extra = UseMarkerCharacters ? 2 : 0;
        var keys = new ushort[text.Length + extra];
        int k = 0;
        if (UseMarkerCharacters) keys[k++] = StartMarker;
        foreach (char c in text) keys[k++] = c;
        if (UseMarkerCharacters) keys[k] = EndMarker;
        return keys;
    }

    /// <summary>The character keys of a vector of texts, treated as one stream (see remarks).</summary>
    public ushort[] Tokenize(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var keys = new List<ushort>();
        if (UseMarkerCharacters) keys.Add(StartMarker);
        for (int i = 0; i < texts.Count; i++)
        {
            var t = texts[i];
            if (string.IsNullOrEmpty(t)) continue;
            if (i > 0) keys.Add(UnitSeparator);
            foreach (char c in t) keys.Add(c);
        }
        if (UseMarkerCharacters) keys.Add(EndMarker);
        return keys.ToArray();
    }

    /// <summary>
    /// The readable name ML.NET gives a character key: the character itself, or a control picture
    /// in angle brackets for U+0001–U+0020 ("&lt;␂&gt;"), "&lt;␡&gt;" for DEL, the C1 control
    /// abbreviations ("&lt;NEL&gt;"), "&lt;LSEP&gt;"/"&lt;PSEP&gt;", and "\uXXXX" for surrogates
    /// (ML.NET's format string for surrogates does not print the code; we write it in hex).
    /// </summary>
    public static string GetKeyValue(ushort key)
    {
        if (key == 0) throw new ArgumentOutOfRangeException(nameof(key), key, "Expected a key between 1 and 65535 (0 is the missing key). Received: key=0");
        char c = (char)key;
        if (c <= ' ') return $"<{(char)(c + '\u2400')}>";
        if (char.IsSurrogate(c)) return $"\\u{(int)c:X4}";
        if (c == '\u007F') return "<\u2421>";
        if (c >= '\u0080' && c <= '\u009F') return $"<{C1Names[c - 0x80]}>";
        if (c == '\u2028') return "<LSEP>";
        if (c == '\u2029') return "<PSEP>";
        return c.ToString();
    }

    private static readonly string[] C1Names =
    [
        "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
        "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
    ];

    /// <summary>Turns keys back into text (markers and separators included as their characters).</summary>
    public static string ToText(ReadOnlySpan<ushort> keys)
    {
        var sb = new StringBuilder(keys.Length);
        foreach (var k in keys) sb.Append((char)k);
        return sb.ToString();
    }
}
