// Transfer learning on Fashion-MNIST with the Keras-style Sequential trainer: a CNN trained on classes 0-4 is saved, loaded,
// its convolutions frozen and its head replaced for classes 5-9, then fine-tuned on few images; the same CNN trained from
// scratch on the same images is the baseline. Runs the comparison at 1,000 images (the setting) and at 20 images.
// Usage: dotnet run -c Release --project samples/TransferLearning [output folder, default out/TransferLearning] [Fashion-MNIST folder]
using System.Diagnostics;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Trainers;
using MlNetDeep.Training;

var output = args.Length > 0 ? args[0] : Path.Combine("out", "TransferLearning");
var fashion = args.Length > 1 ? args[1] : "/usr/share/datasets/fashion-mnist"; // where Debian's dataset-fashion-mnist installs it
Directory.CreateDirectory(output);
var clock = Stopwatch.StartNew();
var ml = new MLContext(seed: 1);

List<Row> Load(string images, string labels)
{
    var data = ml.Data.LoadFromIdx(Path.Combine(fashion, images), Path.Combine(fashion, labels));
    return ml.Data.CreateEnumerable<IdxRow>(data, reuseRowObject: false).Select(r => new Row { Features = r.Features, Label = $"class{r.Label - 1}", Class = (int)r.Label - 1 }).ToList();
}

var train = Load("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
var test = Load("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
var baseRows = train.Where(r => r.Class < 5).Take(10000).ToList();
var newTest = ml.Data.LoadFromEnumerable(test.Where(r => r.Class >= 5).ToList());

LayerDef[] Cnn(int classes) =>
[
    Layers.Conv2D(16, 3, "relu", padding: "same"), Layers.MaxPooling2D(2),
    Layers.Conv2D(32, 3, "relu", padding: "same"), Layers.MaxPooling2D(2),
    Layers.Flatten(), Layers.Dense(64, "relu"), Layers.Dense(classes),
];

var pretrained = ml.MulticlassClassification.Trainers.Sequential(new SequentialOptions
{
    Layers = Cnn(5), InputShape = [1, 28, 28], Epochs = 3, Seed = 1, Verbosity = Verbosity.Line,
}).Fit(ml.Data.LoadFromEnumerable(baseRows));
Console.WriteLine(pretrained.Model.Summary());
var baseTest = ml.Data.LoadFromEnumerable(test.Where(r => r.Class < 5).ToList());
Console.WriteLine($"Base CNN on classes 0-4 ({baseRows.Count} images): test accuracy {Accuracy(pretrained.Transform(baseTest)):F4}");
var path = Path.Combine(output, "base-classes-0-4.zip");
ml.Model.Save(pretrained, ml.Data.LoadFromEnumerable(baseRows.Take(1)).Schema, path);
var loaded = (DeepPredictionTransformer)ml.Model.Load(path, out _);

foreach (var (perClass, epochs, draws) in new[] { (200, 10, 1), (4, 40, 4) })
{
    for (int draw = 0; draw < draws; draw++)
    {
        var few = ml.Data.LoadFromEnumerable(train.Skip(30000 + draw * 1000).Where(r => r.Class >= 5).GroupBy(r => r.Class).SelectMany(g => g.Take(perClass)).ToList());
        var fineTuned = ml.MulticlassClassification.Trainers.Sequential(new SequentialOptions
        {
            Layers = Cnn(5), InitialModel = loaded, FreezeLayers = [0, 3], Epochs = epochs, BatchSize = 10, LearningRate = 3e-3, Seed = 2 + draw, Verbosity = Verbosity.Silent,
        }).Fit(few);
        var scratch = ml.MulticlassClassification.Trainers.Sequential(new SequentialOptions
        {
            Layers = Cnn(5), InputShape = [1, 28, 28], Epochs = epochs, BatchSize = 10, LearningRate = 3e-3, Seed = 2 + draw, Verbosity = Verbosity.Silent,
        }).Fit(few);
        if (draw == 0 && perClass == 200) Console.WriteLine(fineTuned.Model.Summary());
        Console.WriteLine($"Classes 5-9, {perClass * 5} training images (draw {draw}): fine-tuned (frozen convolutions, new head) {Accuracy(fineTuned.Transform(newTest)):F4}, from scratch {Accuracy(scratch.Transform(newTest)):F4} on {test.Count(r => r.Class >= 5)} test images");
    }
}
Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F0} s");

double Accuracy(IDataView scored)
{
    var mapped = ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel").Fit(scored).Transform(scored);
    var rows = ml.Data.CreateEnumerable<Predicted>(mapped, reuseRowObject: false).ToList();
    return rows.Count(r => r.Label == r.PredictedText) / (double)rows.Count;
}

sealed class IdxRow
{
    [VectorType(784)] public float[] Features { get; set; } = [];
    public uint Label { get; set; }
}

sealed class Row
{
    [VectorType(784)] public float[] Features { get; set; } = [];
    public string Label { get; set; } = "";
    public int Class { get; set; }
}

sealed class Predicted
{
    public string Label { get; set; } = "";
    public string PredictedText { get; set; } = "";
}
