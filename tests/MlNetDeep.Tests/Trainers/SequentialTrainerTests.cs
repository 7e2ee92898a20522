using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using ActivationKind = MlNetDeep.Torch.Nn.ActivationKind;

namespace MlNetDeep.Tests.Trainers;

/// <summary>The Keras-style Sequential trainer: iris and a Fashion-MNIST CNN above chance bounds, layer stacks, save/load, messages.</summary>
[Collection("Training")]
public class SequentialTrainerTests
{
    public sealed class Iris
    {
        [LoadColumn(0, 3), VectorType(4)] public float[] Measurements { get; set; } = [];
        [LoadColumn(4)] public string Species { get; set; } = "";
    }

    [Fact]
    public void IrisKerasStyleStackWithSoftmaxOutput()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Iris>(TestData.DataPath("iris.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.3, seed: 0);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features", "Measurements", fixZero: false)
            .Append(ml.MulticlassClassification.Trainers.Sequential(new SequentialOptions
            {
                Layers = [Layers.Dense(16, "relu"), Layers.BatchNormalization(), Layers.Dropout(0.1), Layers.Dense(3, "softmax")],
                LabelColumnName = "Species", Epochs = 150, BatchSize = 8, LearningRate = 0.01, Seed = 1, Verbosity = Verbosity.Silent,
            }));
        var model = pipeline.Fit(split.TrainSet);
        var accuracy = Accuracy(ml, model.Transform(split.TestSet), "Species");
        // Chance is 1/3; 0.9 on ≥ 35 test rows cannot be reached by guessing.
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:F4}");
        // The final softmax was folded into the loss; the network ends with the Dense layer and Score still sums to 1.
        var trainer = model.LastTransformer;
        Assert.IsNotType<MlNetDeep.Torch.Nn.Activation>(trainer!.Model.Module.Layers[^1]);
        Assert.All(TestData.Vectors(model.Transform(split.TestSet), "Score"), s => Assert.Equal(1.0, s.Sum(), 5));
    }

    /// <summary>The share of rows whose PredictedLabel, mapped back to text, equals the text label.</summary>
    internal static double Accuracy(MLContext ml, IDataView scored, string labelColumn)
    {
        var mapped = ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel").Fit(scored).Transform(scored);
        var truth = TestData.Column<ReadOnlyMemory<char>>(mapped, labelColumn).Select(t => t.ToString()).ToList();
        var predicted = TestData.Column<ReadOnlyMemory<char>>(mapped, "PredictedText").Select(t => t.ToString()).ToList();
        return truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Count;
    }

    public sealed class Image
    {
        [VectorType(784)] public float[] Features { get; set; } = [];
        public string Label { get; set; } = "";
    }

    internal static List<Image> Fashion(int count, int skip, Func<uint, bool> keep)
    {
        var ml = new MLContext(seed: 1);
        const string root = "/usr/share/datasets/fashion-mnist";
        var data = ml.Data.LoadFromIdx(Path.Combine(root, "train-images-idx3-ubyte.gz"), Path.Combine(root, "train-labels-idx1-ubyte.gz"));
        data = ml.Data.TakeRows(ml.Data.SkipRows(data, skip), 12000);
        var x = TestData.Vectors(data, "Features");
        var y = TestData.Column<uint>(data, "Label");
        return x.Select((f, i) => (f, c: y[i] - 1)).Where(p => keep(p.c)).Take(count).Select(p => new Image { Features = p.f, Label = $"class{p.c}" }).ToList();
    }

    [Fact]
    public void FashionCnnStackLearnsAndSavesItsLayers()
    {
        var ml = new MLContext(seed: 0);
        var train = ml.Data.LoadFromEnumerable(Fashion(1500, 0, _ => true));
        var test = ml.Data.LoadFromEnumerable(Fashion(500, 20000, _ => true));
        var trainer = ml.MulticlassClassification.Trainers.Sequential(new SequentialOptions
        {
            Layers = [Layers.Conv2D(8, 3, ActivationKind.Relu, padding: "same"), Layers.MaxPooling2D(2), Layers.Conv2D(16, 3, "relu"), Layers.MaxPooling2D(2),
                Layers.Flatten(), Layers.Dense(32, "relu"), Layers.Dense(10)],
            InputShape = [1, 28, 28], Epochs = 4, BatchSize = 32, LearningRate = 2e-3, Seed = 1, Verbosity = Verbosity.Silent,
        });
        var model = (DeepPredictionTransformer)EstimatorContract.Check(trainer, train, "Features");
        var accuracy = Accuracy(ml, model.Transform(test), "Label");
        // Chance is 0.1 on 500 test rows.
        Assert.True(accuracy >= 0.65, $"accuracy {accuracy:F4}");
        Assert.Contains("Conv2d", model.Model.Summary());
    }

    [Fact]
    public void RecurrentStackOnTokenIds()
    {
        // Sequences of ids in [0, 10): class "up" when the last id is larger than the first.
        var random = new Random(1);
        var rows = Enumerable.Range(0, 600).Select(_ =>
        {
            var ids = Enumerable.Range(0, 6).Select(_ => (float)random.Next(10)).ToArray();
            return new Seq { Features = ids, Label = ids[^1] > ids[0] };
        }).Where(r => r.Features[^1] != r.Features[0]).ToList();
        var ml = new MLContext(seed: 0);
        var trainer = ml.BinaryClassification.Trainers.Sequential(new SequentialOptions
        {
            Layers = [Layers.Embedding(10, 8), Layers.Bidirectional(Layers.GRU(16)), Layers.Dense(1)],
            Epochs = 30, BatchSize = 16, LearningRate = 5e-3, Seed = 2, Verbosity = Verbosity.Silent,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows.Take(400)));
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(rows.Skip(400))));
        Assert.True(metrics.Accuracy >= 0.85, $"accuracy {metrics.Accuracy:F4}");
    }

    public sealed class Seq
    {
        [VectorType(6)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    [Fact]
    public void MessagesNameTheLayerAndTheValue()
    {
        Assert.Contains("activation=rellu", Assert.Throws<ArgumentException>(() => Layers.Dense(4, "rellu")).Message);
        Assert.Contains("rate=1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Layers.Dropout(1.5)).Message);
        Assert.Equal(ActivationKind.Swish, Layers.Parse("swish"));
        Assert.Contains("strides=2", Assert.Throws<ArgumentException>(() => Layers.Conv2D(4, 3, "relu", strides: 2, padding: "same")).Message);
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(new[] { new Seq { Features = new float[6] }, new Seq { Features = new float[6], Label = true } });
        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.Sequential([Layers.Dense(4), Layers.Dense(3)]).Fit(data));
        Assert.Contains("output 1 value", e.Message);
        e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.Sequential([Layers.Conv2D(4, 3), Layers.Dense(1)]).Fit(data));
        Assert.Contains("[channels, height, width]", e.Message);
    }
}
