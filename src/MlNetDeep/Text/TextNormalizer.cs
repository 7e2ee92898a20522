using System.Globalization;
using System.Text;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Normalizes text the way ML.NET's <c>ml.Transforms.Text.NormalizeText</c> does: changes case,
/// removes diacritical marks, punctuation and/or numbers. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Per character, in ML.NET's order: a punctuation character (<see cref="char.IsPunctuation(char)"/>)
/// is dropped when <see cref="KeepPunctuations"/> is false and a number character
/// (<see cref="char.IsNumber(char)"/>, so also '²' or '½') when <see cref="KeepNumbers"/> is false;
/// then, unless <see cref="KeepDiacritics"/>, a combining diacritic is dropped and a precomposed
/// letter is replaced by its base letter; finally the case is changed.</para>
/// <para>Diacritics are found by Unicode canonical decomposition (NFD): a character whose
/// decomposition is one base character followed only by combining diacritics (U+0300–U+036F,
/// U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F, and the Hebrew and Arabic marks
/// ML.NET also strips) becomes that base character: "Crème Brûlée" → "creme brulee",
/// "ǖ" → "u". Letters without a decomposition ('ø', 'ß', 'æ') are kept, as in ML.NET.</para>
/// <para>Every rule maps one UTF-16 unit to at most one, so the output is never longer than the
/// input. Text that is already normal is returned as the same string instance.</para>
/// </remarks>
public sealed class TextNormalizer
{
    /// <summary>ML.NET's defaults for <c>NormalizeText</c>.</summary>
    public static class Defaults
    {
        /// <summary>Lower case.</summary>
        public const CaseMode CaseMode = Text.CaseMode.Lower;
        /// <summary>Diacritics are removed.</summary>
        public const bool KeepDiacritics = false;
        /// <summary>Punctuation is kept.</summary>
        public const bool KeepPunctuations = true;
        /// <summary>Numbers are kept.</summary>
        public const bool KeepNumbers = true;
    }

    // Lazily filled map char → base char for diacritic removal; 0 means "not computed yet"
    // (U+0000 itself never reaches the table because of the ASCII fast path).
    private static readonly char[] BaseCharCache = new char[char.MaxValue + 1];

    /// <summary>Creates a normalizer; the defaults are ML.NET's.</summary>
    /// <param name="caseMode">Case to convert to (invariant culture).</param>
    /// <param name="keepDiacritics">Whether to keep diacritical marks.</param>
    /// <param name="keepPunctuations">Whether to keep punctuation characters.</param>
    /// <param name="keepNumbers">Whether to keep number characters.</param>
    public TextNormalizer(CaseMode caseMode = Defaults.CaseMode, bool keepDiacritics = Defaults.KeepDiacritics,
        bool keepPunctuations = Defaults.KeepPunctuations, bool keepNumbers = Defaults.KeepNumbers)
    {
        if (!Enum.IsDefined(caseMode))
            throw new ArgumentOutOfRangeException(nameof(caseMode), caseMode, $"Expected Lower, Upper or None. Received: caseMode={caseMode}");
        CaseMode = caseMode;
        KeepDiacritics = keepDiacritics;
        KeepPunctuations = keepPunctuations;
        KeepNumbers = keepNumbers;
    }

    /// <summary>The case conversion applied.</summary>
    public CaseMode CaseMode { get; }
    /// <summary>Whether diacritical marks are kept.</summary>
    public bool KeepDiacritics { get; }
    /// <summary>Whether punctuation characters are kept.</summary>
    public bool KeepPunctuations { get; }
    /// <summary>Whether number characters are kept.</summary>
    public bool KeepNumbers { get; }

    /// <summary>Normalizes one text; returns <paramref name="text"/> itself when nothing changes.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return text;
        char[]? rented = null;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            int n = Normalize(text, buffer, out bool changed);
            return changed ? new string(buffer[..n]) : text;
        }
        finally
        {
            if (rented != null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Normalizes <paramref name="source"/> into <paramref name="destination"/> (which must be at
    /// least as long as the source) and returns the number of characters written.
    /// </summary>
    public int Normalize(ReadOnlySpan<char> source, Span<char> destination) => Normalize(source, destination, out _);

    /// <summary>
    /// Normalizes every token of a token vector and drops tokens that become empty, as ML.NET does
    /// for a vector-of-text column.
    /// </summary>
    public string[] Normalize(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = Normalize(tokens[i] ?? string.Empty);
            if (t.Length > 0) result.Add(t);
        }
        return result.ToArray();
    }

    private int Normalize(ReadOnlySpan<char> source, Span<char> destination, out bool changed)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"Expected a destination of at least {source.Length} characters. Received: destination.Length={destination.Length}", nameof(destination));
        int n = 0;
        changed = false;
        foreach (char c0 in source)
        {
            char c = c0;
            if ((!KeepPunctuations && char.IsPunctuation(c)) || (!KeepNumbers && char.IsNumber(c)))
            {
                changed = true;
                continue;
            }
            if (!KeepDiacritics && c >= '\u00C0')
            {
                if (IsCombiningDiacritic(c))
                {
                    changed = true;
                    continue;
                }
                c = BaseChar(c);
            }
            c = CaseMode switch
            {
                CaseMode.Lower => char.ToLowerInvariant(c),
                CaseMode.Upper => char.ToUpperInvariant(c),
                _ => c,
            };
            if (c != c0) changed = true;
            destination[n++] = c;
        }
        return n;
    }

    /// <summary>Whether <paramref name="c"/> is a combining diacritic that diacritic removal drops.</summary>
    internal static bool IsCombiningDiacritic(char c) =>
        (c >= '\u0300' && c <= '\u036F')
        // Hebrew and Arabic points, as ML.NET.
        || (c >= '\u0591' && c <= '\u05BD') || c == '\u05C1' || c == '\u05C2' || c == '\u05C4' || c == '\u05C5' || c == '\u05C7'
        || (c >= '\u0610' && c <= '\u0615') || (c >= '\u064C' && c <= '\u065E') || c == '\u0670'
        // Combining diacritical marks extended / supplement / for symbols, combining half marks.
        || (c >= '\u1AB0' && c <= '\u1AFF') || (c >= '\u1DC0' && c <= '\u1DFF')
        || (c >= '\u20D0' && c <= '\u20FF') || (c >= '\uFE20' && c <= '\uFE2F');

    private static char BaseChar(char c)
    {
        char cached = BaseCharCache[c];
        if (cached != '\0') return cached;
        char result = c;
        if (!char.IsSurrogate(c))
        {
            string d = c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length > 1 && !IsCombiningDiacritic(d[0]) && !char.IsSurrogate(d[0]))
            {
                bool onlyMarks = true;
                for (int i = 1; i < d.Length; i++) onlyMarks &= IsCombiningDiacritic(d[i]);
                if (onlyMarks) result = d[0];
            }
        }
        // A benign race: every thread computes the same value.
        BaseCharCache[c] = result;
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"TextNormalizer(caseMode: {CaseMode}, keepDiacritics: {KeepDiacritics}, keepPunctuations: {KeepPunctuations}, keepNumbers: {KeepNumbers})");
}
