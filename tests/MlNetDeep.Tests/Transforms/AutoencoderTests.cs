using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;

namespace MlNetDeep.Tests.Transforms;

/// <summary>
/// ml.Transforms.Autoencoder on a Fashion-MNIST subset (Debian's dataset-fashion-mnist): codes that cluster better than raw pixels,
/// denoising, reconstruction error as an anomaly score, determinism, save/load, the estimator contract, option messages.
/// </summary>
public sealed class AutoencoderTests
{
    // Where Debian's dataset-fashion-mnist package installs its files (scripts/setup.sh installs it).
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    public sealed class Image
    {
        [VectorType(784)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    private static List<Image> Fashion(int count, int skip = 0)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.TakeRows(ml.Data.SkipRows(ml.Data.LoadFromIdx(Path.Combine(FashionMnist, "t10k-images-idx3-ubyte.gz"),
            Path.Combine(FashionMnist, "t10k-labels-idx1-ubyte.gz")), skip), count);
        var x = TestData.Vectors(data, "Features");
        var y = TestData.Column<uint>(data, "Label");
        return x.Select((f, i) => new Image { Features = f, Label = y[i] - 1 }).ToList();
    }

    private static double Mse(float[] a, float[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - (double)b[i]) * (a[i] - (double)b[i]);
        return s / a.Length;
    }

    [Fact]
    public void CodesClusterTheClassesAtLeastAsWellAsRawPixels()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Fashion(2000));
        var encoder = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 32, HiddenLayers = [256], Epochs = 15, Seed = 1, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(data);
        var encoded = encoder.Transform(data);

        var rawModel = ml.Clustering.Trainers.KMeans("Features", 10).Fit(data);
        var raw = ml.Clustering.Evaluate(rawModel.Transform(data), labelColumnName: "Label");
        var codeModel = ml.Clustering.Trainers.KMeans("EncodedFeatures", 10).Fit(encoded);
        var codes = ml.Clustering.Evaluate(codeModel.Transform(encoded), labelColumnName: "Label");
        // Measured on these 2,000 rows: codes 0.5379, raw pixels 0.4764.
        Assert.True(codes.NormalizedMutualInformation >= raw.NormalizedMutualInformation,
            $"NMI on 32-d codes {codes.NormalizedMutualInformation:F4} < on 784 raw pixels {raw.NormalizedMutualInformation:F4}");
        // Far above chance (NMI of a random partition of 2,000 rows into 10 clusters is about 0.01).
        Assert.True(codes.NormalizedMutualInformation > 0.45, $"NMI {codes.NormalizedMutualInformation:F4}");
        Assert.Equal(32, TestData.Vectors(encoded, "EncodedFeatures")[0].Length);
    }

    [Fact]
    public void DenoisingHalvesTheErrorToTheCleanImages()
    {
        var ml = new MLContext(seed: 1);
        var train = Fashion(2000);
        var test = Fashion(300, skip: 5000);
        var model = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 64, HiddenLayers = [256], NoiseFactor = 0.5, Epochs = 15, Seed = 2, Verbosity = MlNetDeep.Training.Verbosity.Silent })
            .Fit(ml.Data.LoadFromEnumerable(train));
        // Noisy test images, as the training inputs were made: x + 0.5·N(0, 1) clipped to [0, 1].
        var random = new Random(3);
        var noisy = test.Select(r => new Image
        {
            Label = r.Label,
            Features = r.Features.Select(v => Math.Clamp(v + 0.5f * (float)Gaussian(random), 0f, 1f)).ToArray(),
        }).ToList();
        var reconstructed = TestData.Vectors(model.Transform(ml.Data.LoadFromEnumerable(noisy)), "Reconstruction");
        double noisyError = 0, denoisedError = 0;
        for (int i = 0; i < test.Count; i++)
        {
            noisyError += Mse(noisy[i].Features, test[i].Features) / test.Count;
            denoisedError += Mse(reconstructed[i], test[i].Features) / test.Count;
        }
        // Measured: denoised 0.0283, noisy input 0.1174 (24% of it).
        Assert.True(denoisedError <= 0.5 * noisyError, $"MSE to clean: denoised {denoisedError:F5}, noisy input {noisyError:F5}");
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Fact]
    public void ReconstructionErrorFlagsAnomalies()
    {
        var ml = new MLContext(seed: 1);
        var all = Fashion(3000);
        // Normal: every class but bags (8); anomalies: bags and uniform noise images.
        var train = all.Take(2000).Where(r => r.Label != 8).ToList();
        var heldOut = all.Skip(2000).ToList();
        var model = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 16, HiddenLayers = [128], Epochs = 15, Seed = 4, Verbosity = MlNetDeep.Training.Verbosity.Silent })
            .Fit(ml.Data.LoadFromEnumerable(train));
        var random = new Random(5);
        var noise = Enumerable.Range(0, 50).Select(_ => new Image { Label = -1, Features = Enumerable.Range(0, 784).Select(_ => (float)random.NextDouble()).ToArray() }).ToList();
        var scored = model.Transform(ml.Data.LoadFromEnumerable(heldOut.Concat(noise)));
        var error = TestData.Column<float>(scored, "ReconstructionError");
        var labels = heldOut.Select(r => r.Label).Concat(noise.Select(r => r.Label)).ToArray();
        var normal = error.Where((e, i) => labels[i] is >= 0 and not 8).OrderBy(e => e).ToArray();
        var bags = error.Where((e, i) => labels[i] == 8).ToArray();
        var noiseErrors = error.Where((e, i) => labels[i] == -1).ToArray();
        // Every noise image scores above every held-out normal image (measured: noise minimum 0.131, normal maximum 0.100;
        // mean error of bags 0.060 vs normal 0.022).
        Assert.True(noiseErrors.Min() > normal.Max(), $"noise min {noiseErrors.Min():F4}, normal max {normal.Max():F4}");
        Assert.True(bags.Average() > 1.5 * normal.Average(), $"bags mean {bags.Average():F4}, normal mean {normal.Average():F4}");
        // The column is the row's mean squared difference between reconstruction and input.
        var recon = TestData.Vectors(scored, "Reconstruction");
        Assert.Equal(Mse(recon[0], heldOut[0].Features), error[0], 5);
    }

    [Fact]
    public void SameSeedSameCodesAndSaveLoadReproducesThem()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Fashion(300));
        AutoencoderTransformer Fit() => ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 8, HiddenLayers = [32], Epochs = 2, NoiseFactor = 0.3, Dropout = 0.1, Seed = 7, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(data);
        var a = TestData.Vectors(Fit().Transform(data), "EncodedFeatures");
        var b = TestData.Vectors(Fit().Transform(data), "EncodedFeatures");
        Assert.Equal(a.SelectMany(v => v), b.SelectMany(v => v));
        var c = TestData.Vectors(ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 8, HiddenLayers = [32], Epochs = 2, NoiseFactor = 0.3, Dropout = 0.1, Seed = 8, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(data).Transform(data), "EncodedFeatures");
        Assert.NotEqual(a.SelectMany(v => v), c.SelectMany(v => v));
    }

    [Theory]
    [InlineData(AutoencoderKind.Dense)]
    [InlineData(AutoencoderKind.Convolutional)]
    public void PassesTheEstimatorContract(AutoencoderKind kind)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Fashion(200));
        var estimator = ml.Transforms.Autoencoder(new AutoencoderOptions
        {
            Kind = kind, CodeSize = 8, HiddenLayers = [32], ConvolutionFilters = [4, 8], Epochs = 3, Seed = 3, Verbosity = MlNetDeep.Training.Verbosity.Silent,
        });
        var model = (AutoencoderTransformer)EstimatorContract.Check(estimator, data, "Features");
        var output = model.Transform(data);
        Assert.Equal(["EncodedFeatures", "Reconstruction", "ReconstructionError"], output.Schema.Skip(data.Schema.Count).Select(c => c.Name));
        Assert.Equal(8, ((VectorDataViewType)output.Schema["EncodedFeatures"].Type).Size);
        Assert.Equal(784, ((VectorDataViewType)output.Schema["Reconstruction"].Type).Size);
        // Training lowered the reconstruction loss.
        Assert.True(model.History.Epochs[^1].Logs["loss"] < model.History.Epochs[0].Logs["loss"]);
        if (kind == AutoencoderKind.Convolutional) Assert.Equal([1L, 28, 28], model.InputShape);
    }

    [Fact]
    public void OptionsAreValidatedNamingTheOption()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<ArgumentException>(() => ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 0 }));
        Assert.Contains("CodeSize=0", e.Message);
        e = Assert.Throws<ArgumentException>(() => ml.Transforms.Autoencoder(new AutoencoderOptions { NoiseFactor = -1 }));
        Assert.Contains("NoiseFactor=-1", e.Message);
        var data = ml.Data.LoadFromEnumerable(new[] { new Odd() });
        e = Assert.Throws<ArgumentException>(() => ml.Transforms.Autoencoder(new AutoencoderOptions { Kind = AutoencoderKind.Convolutional }).Fit(data));
        Assert.Contains("ImageShape", e.Message);
    }

    public sealed class Odd
    {
        [VectorType(10)] public float[] Features { get; set; } = new float[10];
    }
}
