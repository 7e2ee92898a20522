using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using ActivationKind = MlNetDeep.Torch.Nn.ActivationKind;

namespace MlNetDeep.Tests.Trainers;

/// <summary>The CNN trainers on a Fashion-MNIST subset, their contract, options and visualisations.</summary>
[Collection("Training")]
public class CnnTrainerTests : IClassFixture<CnnTrainerTests.Trained>
{
    // Where Debian's dataset-fashion-mnist package installs its files (scripts/setup.sh installs it).
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    internal static IDataView Load(MLContext ml, bool train, int rows)
    {
        var prefix = train ? "train" : "t10k";
        var all = ml.Data.LoadFromIdx(Path.Combine(FashionMnist, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(FashionMnist, $"{prefix}-labels-idx1-ubyte.gz"));
        return ml.Data.TakeRows(all, rows);
    }

    /// <summary>A small CNN (conv8-pool-conv16-pool-dense32) on 3,000 training images, 10 epochs, scored on 1,000 test images; shared by the tests.</summary>
    public sealed class Trained
    {
        public Trained()
        {
            Ml = new MLContext(seed: 1);
            Train = Load(Ml, true, 3000);
            Test = Load(Ml, false, 1000);
            Model = Ml.MulticlassClassification.Trainers.Cnn(Small(10)).Fit(Train);
            Scored = Model.Transform(Test);
        }

        public MLContext Ml { get; }
        public IDataView Train { get; }
        public IDataView Test { get; }
        public DeepPredictionTransformer Model { get; }
        public IDataView Scored { get; }
    }

    private readonly Trained _trained;

    public CnnTrainerTests(Trained trained) => _trained = trained;

    internal static CnnOptions Small(int epochs = 3) => new()
    {
        ConvBlocks = [new(8, 3, 2), new(16, 3, 2)], DenseLayers = [32], Epochs = epochs, BatchSize = 32, LearningRate = 3e-3,
        Seed = 3, Verbosity = Verbosity.Silent,
    };

    private static float[] Image(IDataView data, int row) => TestData.Vectors(data, "Features")[row];

    [Fact]
    public void FashionMnistSubsetIsLearnedFarAboveChance()
    {
        var labels = TestData.Column<uint>(_trained.Scored, "Label");
        var predicted = TestData.Column<uint>(_trained.Scored, "PredictedLabel");
        Assert.Equal(1000, labels.Count);
        var accuracy = labels.Zip(predicted).Count(p => p.First == p.Second) / (double)labels.Count;
        // Chance is 0.1 (ten balanced classes); measured 0.815 with this seed (10 epochs).
        Assert.True(accuracy >= 0.78, $"test accuracy {accuracy:F4}");
        var scores = TestData.Vectors(_trained.Scored, "Score");
        for (int i = 0; i < scores.Count; i += 50)
        {
            Assert.Equal(10, scores[i].Length);
            Assert.Equal(1.0, scores[i].Sum(), 5);
            Assert.Equal(Array.IndexOf(scores[i], scores[i].Max()) + 1, (int)predicted[i]);
        }
        // The tutorial architecture's spec: conv, pool, conv, pool, flatten, dense, output.
        Assert.Equal(["Conv2d", "MaxPool2d", "Conv2d", "MaxPool2d", "Flatten", "Dense", "Dense"], _trained.Model.Model.Layers.Select(l => l.Kind));
        Assert.Equal([1L, 28, 28], _trained.Model.Model.InputShape);
    }

    [Fact]
    public void DefaultArchitectureIsTheTensorFlowTutorialCnn()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.MulticlassClassification.Trainers.Cnn(epochs: 1).Fit(Load(ml, false, 64));
        var summary = model.Model.SummaryTable();
        // conv32 3×3 (320) → pool → conv64 3×3 (18,496) → pool → conv64 3×3 (36,928) → flatten (576) → dense64 (36,928) → 10 (650): Keras' 93,322.
        Assert.Equal(93322, model.Model.Module.Parameters().Sum(p => { using (p) return p.Shape.Aggregate(1L, (a, b) => a * b); }));
        Assert.Contains("576", model.Model.Summary());
        Assert.NotNull(summary);
    }

    [Fact]
    public void SameSeedSamePredictionsOtherSeedOthers()
    {
        var ml = new MLContext(seed: 1);
        var data = Load(ml, true, 256);
        float[] Scores(int seed, double dropout)
        {
            var o = Small(1);
            o.Seed = seed;
            o.Dropout = dropout;
            o.BatchNormalization = true;
            return TestData.Vectors(ml.MulticlassClassification.Trainers.Cnn(o).Fit(data).Transform(data), "Score").SelectMany(v => v).ToArray();
        }
        var a = Scores(11, 0.2);
        Assert.Equal(a, Scores(11, 0.2));
        Assert.NotEqual(a, Scores(12, 0.2));
    }

    [Fact]
    public void AugmentationChangesTrainingOnlyAndIsReproducible()
    {
        var ml = new MLContext(seed: 1);
        var data = Load(ml, true, 256);
        var augmented = ml.Transforms.AugmentImages("Features", horizontalFlip: true, widthShiftRange: 0.1, seed: 4).Fit(data).Transform(data);
        float[] Scores(IDataView train, bool use)
        {
            var o = Small(1);
            o.UseAugmentation = use;
            return TestData.Vectors(ml.MulticlassClassification.Trainers.Cnn(o).Fit(train).Transform(data), "Score").SelectMany(v => v).ToArray();
        }
        var plain = Scores(data, true);
        var withAugmentation = Scores(augmented, true);
        // The augmented column trains a different network, reproducibly; turning the option off gives the plain network back.
        Assert.NotEqual(plain, withAugmentation);
        Assert.Equal(withAugmentation, Scores(augmented, true));
        Assert.Equal(plain, Scores(augmented, false));
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    [InlineData("regression")]
    public void PassesTheEstimatorContract(string task)
    {
        var ml = new MLContext(seed: 1);
        var images = Load(ml, false, 96);
        var labels = TestData.Column<uint>(images, "Label");
        var pixels = TestData.Vectors(images, "Features");
        // Binary: is it footwear (sandal 5, sneaker 7, ankle boot 9)? Regression: the key as a number.
        var data = ml.Data.LoadFromEnumerable(pixels.Select((p, i) => new Picture { Features = p, Label = labels[i], Footwear = labels[i] is 6 or 8 or 10, Target = labels[i] }).ToList());
        data = ml.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(data).Transform(data);
        var o = Small(1);
        o.LabelColumnName = task switch { "binary" => "Footwear", "multiclass" => "Key", _ => "Target" };
        IEstimator<DeepPredictionTransformer> trainer = task switch
        {
            "binary" => ml.BinaryClassification.Trainers.Cnn(o),
            "multiclass" => ml.MulticlassClassification.Trainers.Cnn(o),
            _ => ml.Regression.Trainers.Cnn(o),
        };
        var model = (DeepPredictionTransformer)EstimatorContract.Check(trainer, data, "Features");
        Assert.Equal(task switch { "binary" => ["Score", "Probability", "PredictedLabel"], "multiclass" => ["Score", "PredictedLabel"], _ => new[] { "Score" } },
            model.Transform(data).Schema.Skip(data.Schema.Count).Select(c => c.Name));
    }

    public sealed class Picture
    {
        [VectorType(1, 28, 28)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
        public bool Footwear { get; set; }
        public float Target { get; set; }
    }

    [Fact]
    public void SavedModelReproducesPredictionsExactly()
    {
        var ml = _trained.Ml;
        var path = Path.Combine(Path.GetTempPath(), $"cnn-{Guid.NewGuid():N}.mlnd");
        try
        {
            ml.Model.Save(_trained.Model, _trained.Test.Schema, path);
            var loaded = ml.Model.Load(path, out _);
            var test = ml.Data.TakeRows(_trained.Test, 200);
            Assert.Equal(TestData.Vectors(_trained.Model.Transform(test), "Score").SelectMany(v => v), TestData.Vectors(loaded.Transform(test), "Score").SelectMany(v => v));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void FlatFeatureVectorIsRejectedWithTheColumnName()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 8).Select(i => new Flat { Features = new float[784], Label = i % 2 == 0 }).ToList());
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Trainers.Cnn(Small(1)).Fit(data));
        Assert.Contains("'Features'", e.Message);
        Assert.Contains("[784]", e.Message);
    }

    public sealed class Flat
    {
        [VectorType(784)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    [Fact]
    public void OptionsAreCheckedWithTheirNameAndValue()
    {
        var ml = new MLContext(seed: 1);
        void Bad(Action<CnnOptions> change, string expected)
        {
            var o = Small();
            change(o);
            var e = Assert.ThrowsAny<ArgumentException>(() => ml.MulticlassClassification.Trainers.Cnn(o));
            Assert.Contains(expected, e.Message);
        }
        Bad(o => o.ConvBlocks = [new(8), new(0)], "ConvBlocks[1].Filters=0");
        Bad(o => o.ConvBlocks = [new(8, kernelSize: 0)], "ConvBlocks[0].KernelSize=0");
        Bad(o => o.ConvBlocks = [new(8) { Stride = 0 }], "ConvBlocks[0].Stride=0");
        Bad(o => o.ConvBlocks = [new(8) { Padding = -1, Stride = 2 }], "ConvBlocks[0].Stride=2");
        Bad(o => o.ConvBlocks = [new(8, poolSize: -2)], "ConvBlocks[0].PoolSize=-2");
        Bad(o => o.ConvBlocks = [new(8) { Activation = ActivationKind.Softmax }], "ConvBlocks[0].Activation=Softmax");
        Bad(o => o.DenseLayers = [0], "DenseLayers[0]=0");
        Bad(o => o.Epochs = 0, "Epochs=0");
        Bad(o => o.Dropout = 1, "Dropout=1");
        // A kernel larger than what is left of the image is reported at fit with the shape.
        var tooDeep = Small(1);
        tooDeep.ConvBlocks = [new(4, 5, 2), new(4, 5, 2), new(4, 5, 2)];
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.MulticlassClassification.Trainers.Cnn(tooDeep).Fit(Load(ml, false, 16)));
        Assert.Contains("KernelSize=5", e.Message);
    }

    [Fact]
    public void SaliencyHasTheInputShapeAndMatchesAFiniteDifference()
    {
        var model = _trained.Model.Model;
        var image = Image(_trained.Test, 0);
        using var saliency = model.Saliency(image, target: 9);
        Assert.Equal([1L, 28, 28], saliency.Shape);
        var s = saliency.ToArray<float>();
        Assert.All(s, v => Assert.True(v >= 0));
        Assert.Contains(s, v => v > 0);
        // The largest entry is |∂logit₉/∂x| at that pixel: a central difference of the logit agrees (ReLU network, small step).
        var at = Array.IndexOf(s, s.Max());
        float Logit(float delta)
        {
            var x = (float[])image.Clone();
            x[at] += delta;
            using var noGrad = MlNetDeep.Torch.Torch.NoGrad();
            using var input = MlNetDeep.Torch.Torch.Tensor(x, new long[] { 1, 1, 28, 28 });
            using var output = model.Module.Forward(input);
            return output.ToArray<float>()[9];
        }
        const float h = 1e-3f;
        var numeric = Math.Abs((Logit(h) - Logit(-h)) / (2 * h));
        Assert.Equal(s[at], numeric, 0.05 * s[at] + 1e-4);
    }

    [Fact]
    public void OcclusionOfABlankAreaLeavesTheScoreAndOfTheGarmentLowersIt()
    {
        var model = _trained.Model.Model;
        var image = Image(_trained.Test, 0);
        // The top-left 4×4 corner of this ankle boot is background (all zeros): covering it with zeros changes nothing.
        Assert.All(Enumerable.Range(0, 16).Select(i => image[i / 4 * 28 + i % 4]), v => Assert.Equal(0f, v));
        using var map = model.Occlusion(image, patch: 4);
        Assert.Equal([7L, 7], map.Shape);
        var m = map.ToArray<float>();
        Assert.Equal(0f, m[0], 1e-6f);
        // Somewhere over the garment the predicted class's probability drops.
        Assert.Contains(m, v => v > 1e-3f);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Occlusion(image, patch: 29));
    }

    [Fact]
    public void FiltersAndMapsAreWrittenAsPng()
    {
        var model = _trained.Model.Model;
        using var filters = model.FirstLayerFilters();
        Assert.Equal([8L, 1, 3, 3], filters.Shape);
        var dir = Path.Combine(Path.GetTempPath(), $"cnn-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            model.SaveFirstLayerFilters(Path.Combine(dir, "filters.png"), scale: 4);
            model.SaveSaliency(Image(_trained.Test, 0), Path.Combine(dir, "saliency.png"), scale: 2);
            model.SaveOcclusion(Image(_trained.Test, 0), Path.Combine(dir, "occlusion.png"), patch: 4, scale: 2);
            // 8 filters → a 3×3 grid of 12-pixel tiles with 1-pixel gaps: 40×40; maps 56×56.
            using var f = MlNetDeep.Torch.Vision.Image.Load(Path.Combine(dir, "filters.png"));
            Assert.Equal([40L, 40, 1], f.Shape);
            using var sal = MlNetDeep.Torch.Vision.Image.Load(Path.Combine(dir, "saliency.png"));
            Assert.Equal([56L, 56, 1], sal.Shape);
            using var occ = MlNetDeep.Torch.Vision.Image.Load(Path.Combine(dir, "occlusion.png"));
            Assert.Equal([56L, 56, 1], occ.Shape);
            Assert.Equal(255, sal.ToArray<byte>().Max());
        }
        finally { Directory.Delete(dir, true); }
    }
}
