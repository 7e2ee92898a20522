using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;
using MlNetDeep.Training;

namespace MlNetDeep.Tests.Trainers;

/// <summary>The Rnn and TextCnn trainers on the SMS spam collection and the sunspot series, and the deep-trainer contract.</summary>
[Collection("Training")]
public class RnnTrainerTests
{
    public sealed class Message
    {
        public bool Label { get; set; }
        public string Kind { get; set; } = "";
        public string Text { get; set; } = "";
    }

    public sealed class Reading { public float Activity { get; set; } }

    /// <summary>The collection in file order: spam is true; Kind keeps the text label.</summary>
    private static List<Message> Messages() => File.ReadLines(RepoData.Path("SMSSpamCollection.tsv")).Skip(1)
        .Select(l => l.Split('\t', 2))
        .Select(p => new Message { Label = p[0] == "spam", Kind = p[0], Text = p[1] }).ToList();

    /// <summary>Token ids of 50 tokens from a 5,000-token vocabulary fitted on <paramref name="train"/>.</summary>
    private static (IDataView Train, IDataView Test) Tokenized(MLContext ml, IEnumerable<Message> train, IEnumerable<Message> test)
    {
        var pipeline = ml.Transforms.Text.NormalizeText("Normalized", "Text")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Normalized"))
            .Append(ml.Transforms.Text.MapTokensToSequence("Features", "Tokens", maximumTokens: 5000, sequenceLength: 50));
        var trainData = ml.Data.LoadFromEnumerable(train);
        var text = pipeline.Fit(trainData);
        return (text.Transform(trainData), text.Transform(ml.Data.LoadFromEnumerable(test)));
    }

    private static double Accuracy(ITransformer model, IDataView test)
    {
        var scored = model.Transform(test);
        var predicted = TestData.Column<bool>(scored, "PredictedLabel");
        var truth = TestData.Column<bool>(scored, "Label");
        return predicted.Zip(truth).Count(p => p.First == p.Second) / (double)truth.Count;
    }

    /// <summary>The sunspot series scaled to about [0, 1] (divided by 200), as 12-value windows split 80/20 in time order.</summary>
    private static (IDataView Train, IDataView Test) SunspotWindows(MLContext ml)
    {
        var series = File.ReadLines(RepoData.Path("sunspots.csv")).Skip(1)
            .Select(l => new Reading { Activity = float.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) / 200f });
        var windows = ml.Data.CreateWindows(ml.Data.LoadFromEnumerable(series), "Activity", windowSize: 12);
        var split = ml.Data.TrainTestSplitByOrder(windows, testFraction: 0.2);
        return (split.TrainSet, split.TestSet);
    }

    private static double Rmse(IReadOnlyList<float> predicted, IReadOnlyList<float> truth) =>
        Math.Sqrt(predicted.Zip(truth).Average(p => (double)(p.First - p.Second) * (p.First - p.Second)));

    private static RnnOptions SmsRnn(RecurrentCell cell) => new()
    {
        Cell = cell, EmbeddingDimension = 32, HiddenSize = 32, Epochs = 3, BatchSize = 32, LearningRate = 0.005, Seed = 1, Verbosity = Verbosity.Silent,
    };

    [Fact]
    public void SmsSpamLstmBeatsTheAllHamBaseline()
    {
        var ml = new MLContext(seed: 1);
        var all = Messages();
        var (train, test) = Tokenized(ml, all.Take(3000), all.Skip(3000).Take(1000));
        var model = ml.BinaryClassification.Trainers.Rnn(SmsRnn(RecurrentCell.Lstm)).Fit(train);
        var hamRate = all.Skip(3000).Take(1000).Count(m => !m.Label) / 1000.0;
        var accuracy = Accuracy(model, test);
        Assert.True(hamRate < 0.9, $"all-ham baseline {hamRate}");
        Assert.True(accuracy >= 0.95, $"LSTM accuracy {accuracy:F4} (all-ham {hamRate:F4})");
        // The summary runs token ids through the layers: Embedding (1, 50, 32) → LSTM → last step (1, 32) → Linear (1, 1).
        var summary = model.Model.SummaryTable();
        Assert.Equal(5000 * 32 + 4 * 32 * (32 + 32 + 2) + 33, summary.TotalParameters);
        Assert.Equal([null, 50, 32], summary.Rows[0].OutputShape);
        Assert.Equal([null, 32], summary.Rows[2].OutputShape);
        Assert.Equal([null, 1], summary.Rows[^1].OutputShape);
    }

    [Fact]
    public void SmsSpamTextCnnBeatsTheAllHamBaseline()
    {
        var ml = new MLContext(seed: 1);
        var all = Messages();
        var (train, test) = Tokenized(ml, all.Take(3000), all.Skip(3000).Take(1000));
        var model = ml.BinaryClassification.Trainers.TextCnn(new TextCnnOptions
        {
            EmbeddingDimension = 32, Filters = 32, KernelSize = 3, Epochs = 3, BatchSize = 32, LearningRate = 0.005, Seed = 1, Verbosity = Verbosity.Silent,
        }).Fit(train);
        var accuracy = Accuracy(model, test);
        Assert.True(accuracy >= 0.95, $"TextCnn accuracy {accuracy:F4}");
        // Embedding → Conv2d(1, 32, (3, 32)) → ReLU → global max → dropout → Linear(32, 1).
        Assert.Equal(5000 * 32 + 32 * 3 * 32 + 32 + 32 + 1, model.Model.Module.ParameterCount());
    }

    [Fact]
    public void SunspotsLstmBeatsTheNaiveForecast()
    {
        var ml = new MLContext(seed: 1);
        var (train, test) = SunspotWindows(ml);
        var model = ml.Regression.Trainers.Rnn(new RnnOptions
        {
            HiddenSize = 50, Epochs = 60, BatchSize = 16, LearningRate = 0.005, Seed = 1, Verbosity = Verbosity.Silent,
        }).Fit(train);
        var scored = model.Transform(test);
        var truth = TestData.Column<float>(scored, "Label");
        var lstm = Rmse(TestData.Column<float>(scored, "Score"), truth);
        var naive = Rmse(TestData.Vectors(test, "Features").Select(w => w[^1]).ToList(), truth);
        Assert.True(lstm <= RatioBound * naive, $"LSTM RMSE {lstm:F4}, naive {naive:F4}, ratio {lstm / naive:F3}");
        // 12 steps of one value: LSTM(1 → 50) then Linear(50, 1).
        Assert.Equal(4 * 50 * (1 + 50 + 2) + 51, model.Model.Module.ParameterCount());
        Assert.Equal([12L, 1L], model.Model.InputShape);
    }

    // The target; this seed measured 0.51.
    private const double RatioBound = 0.7;

    [Fact]
    public void SameSeedSameForecastOtherSeedOther()
    {
        var ml = new MLContext(seed: 1);
        var (train, test) = SunspotWindows(ml);
        float[] Scores(int seed) => TestData.Column<float>(ml.Regression.Trainers.Rnn(new RnnOptions
        {
            Cell = RecurrentCell.Gru, HiddenSize = 8, Layers = 2, Dropout = 0.1, Epochs = 2, Seed = seed, Verbosity = Verbosity.Silent,
        }).Fit(train).Transform(test), "Score").ToArray();
        var a = Scores(3);
        Assert.Equal(a, Scores(3));
        Assert.NotEqual(a, Scores(4));
    }

    [Theory]
    [InlineData("binary-lstm")]
    [InlineData("multiclass-bigru")]
    [InlineData("binary-textcnn")]
    [InlineData("regression-window")]
    public void PassesTheEstimatorContract(string which)
    {
        var ml = new MLContext(seed: 1);
        var (tokens, _) = Tokenized(ml, Messages().Take(150), []);
        var (windows, _) = SunspotWindows(ml);
        var small = new RnnOptions { EmbeddingDimension = 8, HiddenSize = 8, Epochs = 1, Verbosity = Verbosity.Silent };
        var (trainer, data) = which switch
        {
            "binary-lstm" => ((IEstimator<DeepPredictionTransformer>)ml.BinaryClassification.Trainers.Rnn(small), tokens),
            "multiclass-bigru" => (ml.MulticlassClassification.Trainers.Rnn(new RnnOptions
            {
                LabelColumnName = "Kind", Cell = RecurrentCell.Gru, Bidirectional = true, EmbeddingDimension = 8, HiddenSize = 8, Epochs = 1, Verbosity = Verbosity.Silent,
            }), tokens),
            "binary-textcnn" => (ml.BinaryClassification.Trainers.TextCnn(filters: 4, kernelSize: 2, embeddingDimension: 8, epochs: 1), tokens),
            _ => (ml.Regression.Trainers.Rnn(new RnnOptions { Cell = RecurrentCell.Rnn, HiddenSize = 4, Epochs = 1, Verbosity = Verbosity.Silent }), windows),
        };
        var model = (DeepPredictionTransformer)EstimatorContract.Check(trainer, data, "Features");
        Assert.Equal(which switch { "binary-lstm" or "binary-textcnn" => ["Score", "Probability", "PredictedLabel"], "multiclass-bigru" => ["Score", "PredictedLabel"], _ => new[] { "Score" } },
            model.Transform(data).Schema.Skip(data.Schema.Count).Select(c => c.Name));
        if (which == "multiclass-bigru")
            Assert.All(TestData.Column<uint>(model.Transform(data), "PredictedLabel"), k => Assert.InRange(k, 1u, 2u));
    }

    [Fact]
    public void OptionsAreCheckedWithTheirNameAndValue()
    {
        var ml = new MLContext(seed: 1);
        void Fails(Action make, string name, string value)
        {
            var e = Assert.ThrowsAny<ArgumentException>(make);
            Assert.Contains($"{name}={value}", e.Message);
            Assert.Equal(name, e.ParamName);
        }
        Fails(() => ml.Regression.Trainers.Rnn(new RnnOptions { HiddenSize = 0 }), "HiddenSize", "0");
        Fails(() => ml.Regression.Trainers.Rnn(new RnnOptions { Layers = 0 }), "Layers", "0");
        Fails(() => ml.Regression.Trainers.Rnn(new RnnOptions { Cell = (RecurrentCell)9 }), "Cell", "9");
        Fails(() => ml.BinaryClassification.Trainers.Rnn(new RnnOptions { VocabularySize = 1 }), "VocabularySize", "1");
        Fails(() => ml.BinaryClassification.Trainers.Rnn(new RnnOptions { DenseLayers = [4, -1] }), "DenseLayers[1]", "-1");
        Fails(() => ml.BinaryClassification.Trainers.TextCnn(kernelSize: 0), "KernelSize", "0");
        Fails(() => ml.BinaryClassification.Trainers.TextCnn(filters: -2), "Filters", "-2");
        Fails(() => ml.BinaryClassification.Trainers.TextCnn(dropout: 1), "Dropout", "1");

        // TextCnn needs token ids; a kernel longer than the sequence is refused; ids without the annotation need VocabularySize.
        var (windows, _) = SunspotWindows(ml);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.TextCnn(epochs: 1).Fit(windows));
        Assert.Contains("'Features'", e.Message);
        var (tokens, _) = Tokenized(ml, Messages().Take(50), []);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.TextCnn(kernelSize: 51, epochs: 1).Fit(tokens));
        Assert.Contains("KernelSize=51", e.Message);
        var bare = ml.Data.LoadFromEnumerable(TokenIds(tokens).Take(20).Select((v, i) => new Ids { Features = v, Label = i % 2 == 0 }));
        var missing = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Trainers.Rnn(epochs: 1).Fit(bare));
        Assert.Contains("VocabularySize", missing.Message);
        var fitted = ml.BinaryClassification.Trainers.Rnn(new RnnOptions { VocabularySize = 5000, Epochs = 1, Verbosity = Verbosity.Silent }).Fit(bare);
        Assert.Equal(5000, fitted.Model.Layers[0].Vocabulary);
    }

    private static List<long[]> TokenIds(IDataView data)
    {
        var col = data.Schema["Features"];
        var list = new List<long[]>();
        using var c = data.GetRowCursor([col]);
        var g = c.GetGetter<VBuffer<long>>(col);
        VBuffer<long> v = default;
        while (c.MoveNext()) { g(ref v); list.Add(v.ToArray()); }
        return list;
    }

    public sealed class Ids
    {
        [VectorType(50)] public long[] Features { get; set; } = [];
        public bool Label { get; set; }
    }
}
