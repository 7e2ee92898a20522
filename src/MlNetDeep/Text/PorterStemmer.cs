namespace MlNetDeep.Transforms.Text;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer, as published ("An algorithm for suffix
/// stripping", Program 14(3)): <c>information → inform</c>, <c>computers → comput</c>,
/// <c>caresses → caress</c>, <c>ponies → poni</c>, <c>relational → relat</c>,
/// <c>generalization → gener</c>. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>It reproduces NLTK's <c>PorterStemmer(mode=ORIGINAL_ALGORITHM)</c> exactly (the test
/// fixture compares thousands of words): the word is lower-cased (invariant culture) first; words of
/// one or two letters are stemmed too, because the paper does not exempt them (so "is" → "i",
/// "as" → "a"); and none of the later departures (Martin's "bli → ble", "logi → log", NLTK's
/// "ies → ie" for four-letter words) are applied.</para>
/// <para>Within each step the first rule whose suffix matches decides: if its condition fails, the
/// step leaves the word unchanged (the paper's longest-match rule).</para>
/// </remarks>
public static class PorterStemmer
{
    // (suffix, replacement) pairs; the condition is the step's measure test.
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
        "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ];

    /// <summary>Stems one word (lower-cased first).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) return word;
        var w = new Word(word.ToLowerInvariant());
        Step1a(w);
        Step1b(w);
        Step1c(w);
        ApplyFirst(w, Step2Rules, minMeasure: 1);
        ApplyFirst(w, Step3Rules, minMeasure: 1);
        Step4(w);
        Step5a(w);
        Step5b(w);
        return w.ToString();
    }

    /// <summary>Stems every token of a vector.</summary>
    public static string[] Stem(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new string[tokens.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Stem(tokens[i]);
        return result;
    }

    private static void Step1a(Word w)
    {
        if (w.EndsWith("sses")) w.Replace(4, "ss");
        else if (w.EndsWith("ies")) w.Replace(3, "i");
        else if (w.EndsWith("ss")) { }
        else if (w.EndsWith("s")) w.Replace(1, "");
    }

    private static void Step1b(Word w)
    {
        if (w.EndsWith("eed"))
        {
            if (w.Measure(w.Length - 3) > 0) w.Replace(3, "ee");
            return;
        }
        int cut;
        if (w.EndsWith("ed") && w.ContainsVowel(w.Length - 2)) cut = 2;
        else if (w.EndsWith("ing") && w.ContainsVowel(w.Length - 3)) cut = 3;
        else return;
        w.Replace(cut, "");
        if (w.EndsWith("at")) w.Replace(2, "ate");
        else if (w.EndsWith("bl")) w.Replace(2, "ble");
        else if (w.EndsWith("iz")) w.Replace(2, "ize");
        else if (w.EndsWithDoubleConsonant())
        {
            char last = w[w.Length - 1];
            if (last != 'l' && last != 's' && last != 'z') w.Replace(1, "");
        }
        else if (w.Measure(w.Length) == 1 && w.EndsCvc(w.Length)) w.Replace(0, "e");
    }

    private static void Step1c(Word w)
    {
        if (w.EndsWith("y") && w.ContainsVowel(w.Length - 1)) w.Replace(1, "i");
    }

    private static void ApplyFirst(Word w, (string Suffix, string Replacement)[] rules, int minMeasure)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (!w.EndsWith(suffix)) continue;
            if (w.Measure(w.Length - suffix.Length) >= minMeasure) w.Replace(suffix.Length, replacement);
            return;
        }
    }

    private static void Step4(Word w)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!w.EndsWith(suffix)) continue;
            int stem = w.Length - suffix.Length;
            bool ok = w.Measure(stem) > 1;
            if (ok && suffix == "ion") ok = stem > 0 && (w[stem - 1] == 's' || w[stem - 1] == 't');
            if (ok) w.Replace(suffix.Length, "");
            return;
        }
    }

    private static void Step5a(Word w)
    {
        if (!w.EndsWith("e")) return;
        int stem = w.Length - 1;
        int m = w.Measure(stem);
        if (m > 1 || (m == 1 && !w.EndsCvc(stem))) w.Replace(1, "");
    }

    private static void Step5b(Word w)
    {
        if (w.EndsWith("ll") && w.Measure(w.Length - 1) > 1) w.Replace(1, "");
    }

    /// <summary>A word being stemmed: a char buffer with the paper's predicates over its prefixes.</summary>
    private sealed class Word(string text)
    {
        private char[] _b = text.ToCharArray();

        public int Length { get; private set; } = text.Length;

        public char this[int i] => _b[i];

        public bool EndsWith(string suffix) =>
            suffix.Length <= Length && _b.AsSpan(Length - suffix.Length, suffix.Length).SequenceEqual(suffix);

        /// <summary>Drops <paramref name="cut"/> trailing characters and appends <paramref name="replacement"/>.</summary>
        public void Replace(int cut, string replacement)
        {
            int n = Length - cut + replacement.Length;
            if (n > _b.Length) Array.Resize(ref _b, n);
            replacement.CopyTo(_b.AsSpan(Length - cut));
            Length = n;
        }

        /// <summary>A consonant is a letter other than a, e, i, o, u, and other than y preceded by a consonant.</summary>
        public bool IsConsonant(int i)
        {
            switch (_b[i])
            {
                case 'a': case 'e': case 'i': case 'o': case 'u': return false;
                case 'y': return i == 0 || !IsConsonant(i - 1);
                default: return true;
            }
        }

        /// <summary>m in [C](VC)^m[V] for the first <paramref name="end"/> characters: the number of vowel→consonant transitions.</summary>
        public int Measure(int end)
        {
            int m = 0;
            bool prevVowel = false;
            for (int i = 0; i < end; i++)
            {
                bool cons = IsConsonant(i);
                if (cons && prevVowel) m++;
                prevVowel = !cons;
            }
            return m;
        }

        public bool ContainsVowel(int end)
        {
            for (int i = 0; i < end; i++) if (!IsConsonant(i)) return true;
            return false;
        }

        public bool EndsWithDoubleConsonant() =>
            Length >= 2 && _b[Length - 1] == _b[Length - 2] && IsConsonant(Length - 1);

        /// <summary>*o: the first <paramref name="end"/> characters end consonant-vowel-consonant, the last not w, x or y.</summary>
        public bool EndsCvc(int end) =>
            end >= 3 && IsConsonant(end - 3) && !IsConsonant(end - 2) && IsConsonant(end - 1)
            && _b[end - 1] != 'w' && _b[end - 1] != 'x' && _b[end - 1] != 'y';

        public override string ToString() => new(_b, 0, Length);
    }
}
