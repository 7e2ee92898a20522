namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Splits text into words on separator characters, as ML.NET's
/// <c>ml.Transforms.Text.TokenizeIntoWords</c>: the default separator is the space character,
/// spaces around each piece are trimmed, and empty pieces are dropped. Immutable and thread-safe.
/// </summary>
public sealed class WordTokenizer
{
    private static readonly char[] DefaultSeparators = [' '];
    private readonly char[] _separators;

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="separators">Separator characters; null means ML.NET's default, a single space.</param>
    public WordTokenizer(char[]? separators = null)
    {
        if (separators != null && separators.Length == 0)
            throw new ArgumentException("Expected at least one separator character. Received: separators=[]", nameof(separators));
        _separators = separators == null ? DefaultSeparators : (char[])separators.Clone();
    }

    /// <summary>The separator characters.</summary>
    public IReadOnlyList<char> Separators => _separators;

    /// <summary>Splits one text into words.</summary>
    public string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        AddWords(text, words);
        return words.ToArray();
    }

    /// <summary>
    /// Splits every text of a vector and concatenates the words, as ML.NET does for a
    /// vector-of-text column.
    /// </summary>
    public string[] Tokenize(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = new List<string>();
        for (int i = 0; i < texts.Count; i++) AddWords(texts[i] ?? string.Empty, words);
        return words.ToArray();
    }

    /// <summary>
    /// Finds the words of <paramref name="text"/> without allocating strings: appends each word's
    /// range within the text to <paramref name="ranges"/> and returns how many were added.
    /// </summary>
    public int Tokenize(ReadOnlySpan<char> text, List<Range> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        int added = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int rel = _separators.Length == 1 ? text[start..].IndexOf(_separators[0]) : text[start..].IndexOfAny(_separators);
            int end = rel < 0 ? text.Length : start + rel;
            int a = start, b = end;
            // ML.NET trims spaces (only U+0020) around each piece.
            while (a < b && text[a] == ' ') a++;
            while (b > a && text[b - 1] == ' ') b--;
            if (b > a)
            {
                ranges.Add(new Range(a, b));
                added++;
            }
            if (rel < 0) break;
            start = end + 1;
        }
        return added;
    }

    private void AddWords(string text, List<string> words)
    {
        var ranges = new List<Range>();
        Tokenize(text.AsSpan(), ranges);
        foreach (var r in ranges)
        {
            var (off, len) = r.GetOffsetAndLength(text.Length);
            words.Add(len == text.Length ? text : text.Substring(off, len));
        }
    }
}
