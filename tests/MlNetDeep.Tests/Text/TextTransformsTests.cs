using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

/// <summary>The ml.Transforms.Text estimators: values by hand, the shared contract, save/load.</summary>
public class TextTransformsTests
{
    public sealed class Doc { public string Text { get; set; } = ""; }
    public sealed class Tokens { public string[] Words { get; set; } = []; }
    public sealed class Sequence { [VectorType(4)] public long[] Ids { get; set; } = []; }

    private static IDataView Docs(MLContext ml, params string[] texts) => ml.Data.LoadFromEnumerable(texts.Select(t => new Doc { Text = t }).ToList());
    private static IDataView TokenRows(MLContext ml, params string[][] rows) => ml.Data.LoadFromEnumerable(rows.Select(r => new Tokens { Words = r }).ToList());

    private static List<string[]> TextVectors(IDataView data, string column) =>
        data.GetColumn<VBuffer<ReadOnlyMemory<char>>>(column).Select(v => v.DenseValues().Select(m => m.ToString()).ToArray()).ToList();

    private static string[] SlotNames(IDataView data, string column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        data.Schema[column].GetSlotNames(ref names);
        return names.DenseValues().Select(m => m.ToString()).ToArray();
    }

    [Fact]
    public void NormalizeTextDefaultsAndOptions()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "Crème Brûlée, 42!", "HELLO World");
        var model = EstimatorContract.Check(ml.Transforms.Text.NormalizeText("N", "Text"), data, "Text");
        Assert.Equal(["creme brulee, 42!", "hello world"], model.Transform(data).GetColumn<ReadOnlyMemory<char>>("N").Select(m => m.ToString()));
        var stripped = ml.Transforms.Text.NormalizeText("N", "Text", CaseMode.Upper, keepDiacritics: true, keepPunctuations: false, keepNumbers: false).Fit(data).Transform(data);
        Assert.Equal(["CRÈME BRÛLÉE ", "HELLO WORLD"], stripped.GetColumn<ReadOnlyMemory<char>>("N").Select(m => m.ToString()));
        var vectors = ml.Transforms.Text.NormalizeText("N", "Words").Fit(TokenRows(ml, ["Ünï", "!", "OK"])).Transform(TokenRows(ml, ["Ünï", "!", "OK"]));
        Assert.Equal(["uni", "!", "ok"], TextVectors(vectors, "N")[0]);
    }

    [Fact]
    public void TokenizeIntoWordsWithSeparators()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "a b,c  d", " x ");
        var model = EstimatorContract.Check(ml.Transforms.Text.TokenizeIntoWords("W", "Text"), data, "Text");
        Assert.Equal([["a", "b,c", "d"], ["x"]], TextVectors(model.Transform(data), "W"));
        var custom = ml.Transforms.Text.TokenizeIntoWords("W", "Text", [' ', ',']).Fit(data).Transform(data);
        Assert.Equal([["a", "b", "c", "d"], ["x"]], TextVectors(custom, "W"));
        Assert.Equal(new VectorDataViewType(TextDataViewType.Instance), custom.Schema["W"].Type);
    }

    [Fact]
    public void TokenizeIntoCharactersAsKeysWithMarkersAndKeyValues()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "ab", "", "a c");
        var model = EstimatorContract.Check(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("C", "Text"), data, "Text");
        var output = model.Transform(data);
        var keys = output.GetColumn<VBuffer<uint>>("C").Select(v => v.ToArray()).ToList();
        Assert.Equal([2u, 97u, 98u, 3u], keys[0]);
        Assert.Empty(keys[1]);
        Assert.Equal([2u, 97u, 32u, 99u, 3u], keys[2]);
        var type = (VectorDataViewType)output.Schema["C"].Type;
        Assert.Equal(65535UL, ((KeyDataViewType)type.ItemType).Count);
        VBuffer<ReadOnlyMemory<char>> values = default;
        output.Schema["C"].GetKeyValues(ref values);
        Assert.Equal("<\u2402>", values.GetItemOrDefault(2 - 1).ToString());
        Assert.Equal("a", values.GetItemOrDefault(97 - 1).ToString());
        Assert.Equal("<\u2420>", values.GetItemOrDefault(32 - 1).ToString());
        var plain = ml.Transforms.Text.TokenizeIntoCharactersAsKeys("C", "Text", useMarkerCharacters: false).Fit(data).Transform(data);
        Assert.Equal([97u, 98u], plain.GetColumn<VBuffer<uint>>("C").First().ToArray());
    }

    [Fact]
    public void StopWordRemovalDefaultAndCustom()
    {
        var ml = new MLContext(1);
        var data = TokenRows(ml, ["This", "is", "a", "Test", ""], ["foo", "Bar", "the"]);
        var model = EstimatorContract.Check(ml.Transforms.Text.RemoveDefaultStopWords("S", "Words"), data, "Words");
        Assert.Equal([["Test"], ["foo", "Bar"]], TextVectors(model.Transform(data), "S"));
        var custom = EstimatorContract.Check(ml.Transforms.Text.RemoveStopWords("S", "Words", "FOO", " test "), data, "Words");
        Assert.Equal([["This", "is", "a"], ["Bar", "the"]], TextVectors(custom.Transform(data), "S"));
        // Text that is not tokenized is rejected, naming the column.
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.Text.RemoveDefaultStopWords("S", "Text").Fit(Docs(ml, "a b")));
        Assert.Contains("'Text'", e.Message);
    }

    [Fact]
    public void StemWordsAsTheCourseTable()
    {
        var ml = new MLContext(1);
        var data = TokenRows(ml, ["information", "computers", "running"], ["caresses", "ponies"]);
        var model = EstimatorContract.Check(ml.Transforms.Text.StemWords("S", "Words"), data, "Words");
        Assert.Equal([["inform", "comput", "run"], ["caress", "poni"]], TextVectors(model.Transform(data), "S"));
    }

    [Fact]
    public void ProduceWordBagsCourseTfIdfExample()
    {
        // The course: "good boy / good girl / boy girl good", idf = ln(N/df): idf(good) = 0, idf(boy) = idf(girl) = ln(3/2).
        var ml = new MLContext(1);
        var data = Docs(ml, "good boy", "good girl", "boy girl good");
        var est = ml.Transforms.Text.ProduceWordBags("F", "Text", ngramLength: 1, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf);
        var model = (NgramExtractingTransformer)EstimatorContract.Check(est, data, "Text");
        var output = model.Transform(data);
        Assert.Equal(["good", "boy", "girl"], SlotNames(output, "F"));
        double l = Math.Log(1.5);
        Assert.Equal([0.0, l, l], model.GetIdf());
        var rows = TestData.Vectors(output, "F");
        TestData.AssertClose([0, l, 0], rows[0].Select(x => (double)x).ToArray(), what: "good boy");
        TestData.AssertClose([0, 0, l], rows[1].Select(x => (double)x).ToArray(), what: "good girl");
        TestData.AssertClose([0, l, l], rows[2].Select(x => (double)x).ToArray(), what: "boy girl good");
        // Tf counts and bigrams, in ML.NET's order of first occurrence.
        var tf = ml.Transforms.Text.ProduceWordBags("F", "Text").Fit(Docs(ml, "a b a b", "b c")).Transform(Docs(ml, "a b a b", "b c", "a z"));
        Assert.Equal(["a", "a|b", "b", "b|a", "b|c", "c"], SlotNames(tf, "F"));
        Assert.Equal([[2f, 2, 2, 1, 0, 0], [0f, 0, 1, 0, 1, 1], [1f, 0, 0, 0, 0, 0]], TestData.Vectors(tf, "F"));
        // Idf: the idf where the n-gram occurs.
        var idf = ml.Transforms.Text.ProduceWordBags("F", "Text", ngramLength: 1, weighting: NgramExtractingEstimator.WeightingCriteria.Idf).Fit(data).Transform(data);
        TestData.AssertClose([0, l, l], TestData.Vectors(idf, "F")[2].Select(x => (double)x).ToArray(), what: "idf");
    }

    [Fact]
    public void ProduceNgramsOnCharacterKeysAndOnTextTokens()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "aba", "ab");
        var pipeline = ml.Transforms.Text.TokenizeIntoCharactersAsKeys("C", "Text")
            .Append(ml.Transforms.Text.ProduceNgrams("G", "C", ngramLength: 2, useAllLengths: false));
        var model = EstimatorContract.Check(pipeline, data, "Text");
        var output = model.Transform(data);
        Assert.Equal(["<\u2402>|a", "a|b", "b|a", "a|<\u2403>", "b|<\u2403>"], SlotNames(output, "G"));
        Assert.Equal([[1f, 1, 1, 1, 0], [1f, 1, 0, 0, 1]], TestData.Vectors(output, "G"));

        // ML.NET's own recipe (words → MapValueToKey → ProduceNgrams) gives the same bag as the text tokens.
        var words = Docs(ml, "b a b", "a c");
        var viaKeys = ml.Transforms.Text.TokenizeIntoWords("W", "Text").Append(ml.Transforms.Conversion.MapValueToKey("K", "W"))
            .Append(ml.Transforms.Text.ProduceNgrams("G", "K")).Fit(words).Transform(words);
        var viaText = ml.Transforms.Text.TokenizeIntoWords("W", "Text").Append(ml.Transforms.Text.ProduceNgrams("G", "W")).Fit(words).Transform(words);
        Assert.Equal(["b", "b|a", "a", "a|b", "a|c", "c"], SlotNames(viaKeys, "G"));
        Assert.Equal(SlotNames(viaText, "G"), SlotNames(viaKeys, "G"));
        Assert.Equal(TestData.Vectors(viaText, "G"), TestData.Vectors(viaKeys, "G"));
        Assert.Equal([2f, 1, 1, 1, 0, 0], TestData.Vectors(viaKeys, "G")[0]);

        var tokens = TokenRows(ml, ["x", "y", "x"], ["y"]);
        var fromText = EstimatorContract.Check(ml.Transforms.Text.ProduceNgrams("G", "Words", ngramLength: 1), tokens, "Words");
        Assert.Equal([[2f, 1], [0f, 1]], TestData.Vectors(fromText.Transform(tokens), "G"));
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.Text.ProduceNgrams("G", "Text").Fit(data));
        Assert.Contains("'Text'", e.Message);
    }

    [Fact]
    public void FeaturizeTextDefaultsByHand()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "Ab ab", "b");
        var model = (TextFeaturizingTransformer)EstimatorContract.Check(ml.Transforms.Text.FeaturizeText("F", "Text"), data, "Text");
        var output = model.Transform(data);
        // Lower-cased words (unigrams), then character trigrams with markers and spaces.
        Assert.Equal(["Word.ab", "Word.b", "Char.<\u2402>|a|b", "Char.a|b|<\u2420>", "Char.b|<\u2420>|a", "Char.<\u2420>|a|b", "Char.a|b|<\u2403>", "Char.<\u2402>|b|<\u2403>"],
            SlotNames(output, "F"));
        var rows = TestData.Vectors(output, "F");
        var raw0 = new double[] { 2, 0, 1, 1, 1, 1, 1, 0 };
        var n0 = Math.Sqrt(raw0.Sum(x => x * x));
        TestData.AssertClose(raw0.Select(x => x / n0).ToArray(), rows[0].Select(x => (double)x).ToArray(), what: "row 0");
        TestData.AssertClose([0, 1 / Math.Sqrt(2), 0, 0, 0, 0, 0, 1 / Math.Sqrt(2)], rows[1].Select(x => (double)x).ToArray(), what: "row 1");
    }

    [Fact]
    public void FeaturizeTextOptionsStopWordsTokensAndWordsOnly()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "The cats and THE dogs", "cats");
        var options = new TextFeaturizingEstimator.Options
        {
            RemoveDefaultStopWords = true,
            CharFeatureExtractor = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2 },
            Norm = TextFeaturizingEstimator.NormFunction.None,
            OutputTokensColumnName = "Tokens",
        };
        var model = EstimatorContract.Check(ml.Transforms.Text.FeaturizeText("F", options, "Text"), data, "Text");
        var output = model.Transform(data);
        Assert.Equal(["Word.cats", "Word.cats|dogs", "Word.dogs"], SlotNames(output, "F"));
        Assert.Equal([[1f, 1, 1], [1f, 0, 0]], TestData.Vectors(output, "F"));
        Assert.Equal([["cats", "dogs"], ["cats"]], TextVectors(output, "Tokens"));
    }

    [Fact]
    public void MapTokensToSequencePadsAndTruncatesAsKeras()
    {
        var ml = new MLContext(1);
        var data = Docs(ml, "the cat sat on the mat", "the dog", "a cat");
        var model = (TokenSequenceMappingTransformer)EstimatorContract.Check(ml.Transforms.Text.MapTokensToSequence("Ids", "Text", sequenceLength: 4), data, "Text");
        // Ids: 0 padding, 1 unknown, then by frequency (ties: first occurrence): the=2, cat=3, sat=4, on=5, mat=6, dog=7, a=8.
        Assert.Equal(["", "[UNK]", "the", "cat", "sat", "on", "mat", "dog", "a"], model.Vocabulary.Tokens);
        var output = model.Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Int64, 4), output.Schema["Ids"].Type);
        Assert.Equal(9, TokenSequenceMappingEstimator.GetVocabularySize(output.Schema["Ids"]));
        var rows = output.GetColumn<VBuffer<long>>("Ids").Select(v => v.ToArray()).ToList();
        Assert.Equal([4L, 5, 2, 6], rows[0]);   // 'pre' truncation keeps the last four
        Assert.Equal([0L, 0, 2, 7], rows[1]);   // 'pre' padding
        // TextVectorization style ('post'), at most 4 ids (2 learned tokens), unknown words map to 1.
        var post = ml.Transforms.Text.MapTokensToSequence("Ids", "Text", maximumTokens: 4, sequenceLength: 4, padding: SequenceSide.Post, truncating: SequenceSide.Post)
            .Fit(data).Transform(Docs(ml, "the cat sat on the mat", "zebra the"));
        var p = post.GetColumn<VBuffer<long>>("Ids").Select(v => v.ToArray()).ToList();
        Assert.Equal([2L, 3, 1, 1], p[0]);
        Assert.Equal([1L, 2, 0, 0], p[1]);
        Assert.Equal(4, TokenSequenceMappingEstimator.GetVocabularySize(post.Schema["Ids"]));
        // One row at a time, as a served model: the same ids through a prediction engine, after a save/load.
        using var file = new TestData.TempFile(extension: ".zip");
        ml.Model.Save(model, data.Schema, file.Path);
        var engine = ml.Model.CreatePredictionEngine<Doc, Sequence>(ml.Model.Load(file.Path, out _));
        Assert.Equal([0L, 3, 7, 1], engine.Predict(new Doc { Text = "cat dog zebra" }).Ids);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.Text.MapTokensToSequence("Ids", "Text", sequenceLength: 0));
        Assert.Contains("sequenceLength=0", bad.Message);
    }
}
