using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

/// <summary>
/// Text pipelines end to end: the scikit-learn goldens (text_sklearn.json) reproduced through
/// NormalizeText → TokenizeIntoWords → ProduceNgrams, and the SMS spam collection through FeaturizeText.
/// </summary>
public class TextPipelineTests
{
    private static readonly System.Text.Json.JsonElement Fixture = TextFixture.Load("text_sklearn.json");

    public sealed class Doc { public string Text { get; set; } = ""; }

    private static IDataView Documents(MLContext ml) =>
        ml.Data.LoadFromEnumerable(Fixture.GetProperty("documents").Strings().Select(t => new Doc { Text = t }).ToList());

    private static EstimatorChain<NgramExtractingTransformer> Pipeline(MLContext ml, int ngramLength, ScikitLearnTfidfOptions? scikit) =>
        ml.Transforms.Text.NormalizeText("Normalized", "Text", keepPunctuations: false)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "Normalized"))
            .Append(ml.Transforms.Text.ProduceNgrams("Features", "Words", ngramLength: ngramLength, scikitLearnTfidf: scikit));

    private static string[] SlotNames(IDataView data, string column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        data.Schema[column].GetSlotNames(ref names);
        return names.DenseValues().Select(m => m.ToString()).ToArray();
    }

    [Fact]
    public void TfidfVectorizerDefaultsThroughThePipeline()
    {
        var ml = new MLContext(1);
        var data = Documents(ml);
        var c = Fixture.GetProperty("tfidf_default");
        var model = EstimatorContract.Check(Pipeline(ml, 1, new ScikitLearnTfidfOptions()), data, "Text");
        var output = model.Transform(data);
        Assert.Equal(c.GetProperty("vocabulary").Strings(), SlotNames(output, "Features"));
        var expected = c.GetProperty("matrix").DenseRows();
        var actual = TestData.Vectors(output, "Features");
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
            TestData.AssertClose(expected[i], actual[i].Select(x => (double)x).ToArray(), rtol: 1e-6, atol: 1e-7, what: $"document {i}");
    }

    [Fact]
    public void TfidfVectorizerUnsmoothedBigramsThroughThePipeline()
    {
        var ml = new MLContext(1);
        var data = Documents(ml);
        var c = Fixture.GetProperty("tfidf_unsmoothed_1_2");
        var output = Pipeline(ml, 2, new ScikitLearnTfidfOptions { SmoothIdf = false, Norm = VectorNorm.None }).Fit(data).Transform(data);
        Assert.Equal(c.GetProperty("vocabulary").Strings().Select(v => v.Replace(' ', '|')), SlotNames(output, "Features"));
        var expected = c.GetProperty("matrix").DenseRows();
        var actual = TestData.Vectors(output, "Features");
        for (int i = 0; i < expected.Length; i++)
            TestData.AssertClose(expected[i], actual[i].Select(x => (double)x).ToArray(), rtol: 1e-6, atol: 1e-6, what: $"document {i}");
    }

    [Fact]
    public void CountVectorizerCountsInMlNetOrder()
    {
        // ML.NET's Tf with its occurrence order holds scikit-learn's CountVectorizer counts, slot by slot.
        var ml = new MLContext(1);
        var data = Documents(ml);
        var c = Fixture.GetProperty("count_1_2");
        var output = Pipeline(ml, 2, null).Fit(data).Transform(data);
        var names = SlotNames(output, "Features");
        var vocab = c.GetProperty("vocabulary").Strings();
        Assert.Equal(vocab.Length, names.Length);
        Assert.Equal(["go", "go|until", "until", "until|jurong"], names.Take(4));
        var slot = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        var expected = c.GetProperty("matrix").DenseRows();
        var actual = TestData.Vectors(output, "Features");
        for (int d = 0; d < expected.Length; d++)
            for (int j = 0; j < vocab.Length; j++)
                Assert.Equal(expected[d][j], actual[d][slot[vocab[j].Replace(' ', '|')]]);
    }

    [Fact]
    public void SmsSpamFeaturizeTextShapes()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(RepoData.Path("SMSSpamCollection.tsv"),
            [new TextLoader.Column("Label", DataKind.String, 0), new TextLoader.Column("SMS", DataKind.String, 1)], '\t', hasHeader: true);
        var model = (TextFeaturizingTransformer)ml.Transforms.Text.FeaturizeText("Features", "SMS").Fit(data);
        var output = model.Transform(data);
        var type = (VectorDataViewType)output.Schema["Features"].Type;
        int words = model.WordVocabulary!.Count, chars = model.CharVocabulary!.Count;
        Assert.Equal(words + chars, type.Size);
        Assert.True(words > 5000 && chars > 5000, $"words {words}, chars {chars}");
        var names = SlotNames(output, "Features");
        Assert.Equal(type.Size, names.Length);
        Assert.Equal("Word.go", names[0]);   // the first message starts "Go until jurong point"
        Assert.Equal("Char.<\u2402>|g|o", names[words]);
        Assert.All(names.Take(words), n => Assert.StartsWith("Word.", n));
        Assert.All(names.Skip(words), n => Assert.StartsWith("Char.", n));

        var rows = TestData.Vectors(output, "Features");
        Assert.Equal(5574, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal(type.Size, r.Length);
            var norm = Math.Sqrt(r.Sum(x => (double)x * x));
            Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
        }
        // First message: "go" and "jurong" each once among its 20 words, so equal weights.
        int go = Array.IndexOf(names, "Word.go"), jurong = Array.IndexOf(names, "Word.jurong");
        Assert.True(rows[0][go] > 0);
        Assert.Equal(rows[0][go], rows[0][jurong]);
        Assert.Equal(0f, rows[1][jurong]);
        var labels = output.GetColumn<ReadOnlyMemory<char>>("Label").Select(m => m.ToString()).ToList();
        Assert.Equal(747, labels.Count(l => l == "spam"));
    }
}
