using System.Text.Json;
using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

/// <summary>
/// CountVectorizer / TfidfVectorizer on 40 SMS messages (fixture from Debian's python3-sklearn),
/// with a preprocessor equal to TextNormalizer(keepPunctuations: false) and a token pattern equal
/// to WordTokenizer's default (runs of non-space characters).
/// </summary>
public class ScikitLearnGoldenTests
{
    private static readonly JsonElement Fixture = TextFixture.Load("text_sklearn.json");

    private static string[][] Tokens()
    {
        var normalizer = new TextNormalizer(keepPunctuations: false);
        var tokenizer = new WordTokenizer();
        return Fixture.GetProperty("documents").Strings().Select(d => tokenizer.Tokenize(normalizer.Normalize(d))).ToArray();
    }

    [Fact]
    public void NormalizerMatchesThePythonPreprocessor()
    {
        var normalizer = new TextNormalizer(keepPunctuations: false);
        var docs = Fixture.GetProperty("documents").Strings();
        Assert.Equal(40, docs.Length);
        Assert.Equal(Fixture.GetProperty("normalized").Strings(), docs.Select(normalizer.Normalize));
    }

    [Fact]
    public void CountVectorizerUnigramsAndBigrams()
    {
        var c = Fixture.GetProperty("count_1_2");
        var v = new NgramExtractor(2).Fit(Tokens(), NgramOrdering.ByValue);
        AssertVocabulary(c, v);
        AssertMatrix(c, Tokens().Select(v.CountNgrams).ToArray(), 0);
    }

    [Fact]
    public void OccurrenceOrderHoldsTheSameCounts()
    {
        var c = Fixture.GetProperty("count_1_2");
        var sklearnVocab = c.GetProperty("vocabulary").Strings();
        var expected = c.GetProperty("matrix").DenseRows();
        var v = new NgramExtractor(2).Fit(Tokens());
        Assert.Equal(sklearnVocab.Length, v.Count);
        var tokens = Tokens();
        for (int d = 0; d < tokens.Length; d++)
        {
            var bag = v.CountNgrams(tokens[d]);
            for (int j = 0; j < sklearnVocab.Length; j++)
                Assert.Equal(expected[d][j], bag[v.IndexOf(sklearnVocab[j].Split(' '))]);
        }
        // ML.NET order starts with the first message's first words.
        Assert.Equal(["go", "go|until", "until", "until|jurong"], v.SlotNames.Take(4));
    }

    [Fact]
    public void TfidfVectorizerDefaults()
    {
        var c = Fixture.GetProperty("tfidf_default");
        var v = new NgramExtractor(1).Fit(Tokens(), NgramOrdering.ByValue);
        AssertVocabulary(c, v);
        var w = TermWeighter.ScikitLearn(v);
        TextFixture.AssertClose(c.GetProperty("idf").Doubles(), w.Idf.ToArray(), 1e-12, "idf");
        AssertMatrix(c, Tokens().Select(w.Transform).ToArray(), 1e-6);
    }

    [Fact]
    public void TfidfVectorizerUnsmoothedUnnormalizedBigrams()
    {
        var c = Fixture.GetProperty("tfidf_unsmoothed_1_2");
        var v = new NgramExtractor(2).Fit(Tokens(), NgramOrdering.ByValue);
        AssertVocabulary(c, v);
        var w = TermWeighter.ScikitLearn(v, smoothIdf: false, norm: VectorNorm.None);
        TextFixture.AssertClose(c.GetProperty("idf").Doubles(), w.Idf.ToArray(), 1e-12, "idf");
        AssertMatrix(c, Tokens().Select(w.Transform).ToArray(), 1e-6);
        // scikit-learn's unsmoothed idf is ML.NET's plus one.
        for (int i = 0; i < v.Count; i++) Assert.Equal(w.Idf[i] - 1, v.GetInverseDocumentFrequency(i), 12);
    }

    [Fact]
    public void TfidfVectorizerSublinearL1()
    {
        var c = Fixture.GetProperty("tfidf_sublinear_l1");
        var v = new NgramExtractor(1).Fit(Tokens(), NgramOrdering.ByValue);
        var w = TermWeighter.ScikitLearn(v, sublinearTf: true, norm: VectorNorm.L1);
        AssertMatrix(c, Tokens().Select(w.Transform).ToArray(), 1e-6);
    }

    private static void AssertVocabulary(JsonElement c, NgramVocabulary v)
    {
        var expected = c.GetProperty("vocabulary").Strings();
        Assert.Equal(expected, Enumerable.Range(0, v.Count).Select(i => string.Join(" ", v.GetNgram(i))));
    }

    private static void AssertMatrix(JsonElement c, SparseVector[] rows, double tolerance)
    {
        var expected = c.GetProperty("matrix").DenseRows();
        Assert.Equal(expected.Length, rows.Length);
        for (int d = 0; d < rows.Length; d++)
            TextFixture.AssertClose(expected[d], rows[d].ToDense(), tolerance, $"row {d}");
    }
}
