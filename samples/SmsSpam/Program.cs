// SMS spam detection five ways on the same 80/20 split: TF-IDF words + ANN, and on padded token ids (50 tokens, 5,000-word
// vocabulary) LSTM, GRU, bidirectional LSTM and a text CNN. Prints each model's held-out accuracy next to the all-ham baseline.
using System.Globalization;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using MlNetDeep.Transforms.Text;

var ml = new MLContext(seed: 1);
var messages = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "SMSSpamCollection.tsv")).Skip(1)
    .Select(l => l.Split('\t', 2)).Select(p => new Message { Label = p[0] == "spam", Text = p[1] }).ToList();
var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(messages), testFraction: 0.2, seed: 1);
var testLabels = ReadBools(split.TestSet, "Label");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{messages.Count} messages; test rows {testLabels.Count}; all-ham baseline accuracy {testLabels.Count(l => !l) / (double)testLabels.Count:F4}"));

var tfidf = ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
{
    CharFeatureExtractor = null,
    WordFeatureExtractor = new WordBagEstimator.Options { Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
}, "Text");
Report("TF-IDF + ANN", tfidf.Append(ml.BinaryClassification.Trainers.Ann(new AnnOptions
{
    HiddenLayers = [64], Dropout = 0.3, Epochs = 5, BatchSize = 32, LearningRate = 0.001, Seed = 1, Verbosity = Verbosity.Silent,
})));

var tokens = ml.Transforms.Text.NormalizeText("Normalized", "Text")
    .Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Normalized"))
    .Append(ml.Transforms.Text.MapTokensToSequence("Features", "Tokens", maximumTokens: 5000, sequenceLength: 50));
RnnOptions Recurrent(RecurrentCell cell, bool bidirectional) => new()
{
    Cell = cell, Bidirectional = bidirectional, EmbeddingDimension = 64, HiddenSize = 64, Dropout = 0.2,
    Epochs = 6, BatchSize = 32, LearningRate = 0.003, Seed = 1, Verbosity = Verbosity.Silent,
};
Report("LSTM", tokens.Append(ml.BinaryClassification.Trainers.Rnn(Recurrent(RecurrentCell.Lstm, false))));
Report("GRU", tokens.Append(ml.BinaryClassification.Trainers.Rnn(Recurrent(RecurrentCell.Gru, false))));
Report("Bidirectional LSTM", tokens.Append(ml.BinaryClassification.Trainers.Rnn(Recurrent(RecurrentCell.Lstm, true))));
Report("TextCnn", tokens.Append(ml.BinaryClassification.Trainers.TextCnn(new TextCnnOptions
{
    EmbeddingDimension = 64, Filters = 100, KernelSize = 3, Dropout = 0.5, Epochs = 6, BatchSize = 32, LearningRate = 0.003, Seed = 1,
    Verbosity = Verbosity.Silent,
})));

void Report<T>(string name, IEstimator<T> pipeline) where T : class, ITransformer
{
    var model = pipeline.Fit(split.TrainSet);
    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} accuracy {metrics.Accuracy:F4}  F1 {metrics.F1Score:F4}  AUC {metrics.AreaUnderRocCurve:F4}"));
}

static List<bool> ReadBools(IDataView data, string column)
{
    var col = data.Schema[column];
    var list = new List<bool>();
    using var cursor = data.GetRowCursor([col]);
    var get = cursor.GetGetter<bool>(col);
    bool v = false;
    while (cursor.MoveNext()) { get(ref v); list.Add(v); }
    return list;
}

/// <summary>A message of SMSSpamCollection.tsv: spam is true.</summary>
internal sealed class Message
{
    public bool Label { get; set; }
    public string Text { get; set; } = "";
}
