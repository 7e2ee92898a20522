// The course's autoencoder lessons on Fashion-MNIST through ml.Transforms.Autoencoder:
// 1. photo-gallery organisation: encode images to 32-d codes, k-means (k = 10) on the codes versus on the raw pixels (NMI against
//    the true classes), and a PNG grid of each cluster's first images;
// 2. denoising: a denoising autoencoder's output versus the noisy input, both against the clean images (MSE, and a PNG of
//    clean / noisy / denoised rows);
// 3. anomaly scores: an autoencoder trained without bags scores held-out bags and random-noise images by reconstruction error.
// Usage: dotnet run -c Release --project samples/Autoencoders [output folder, default out/Autoencoders] [Fashion-MNIST folder]
using System.Diagnostics;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Transforms;
using TorchApi = MlNetDeep.Torch.Torch;
using VisionImage = MlNetDeep.Torch.Vision.Image;

var output = args.Length > 0 ? args[0] : Path.Combine("out", "Autoencoders");
var fashion = args.Length > 1 ? args[1] : "/usr/share/datasets/fashion-mnist"; // where Debian's dataset-fashion-mnist installs it
Directory.CreateDirectory(output);
string[] names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
var clock = Stopwatch.StartNew();
var ml = new MLContext(seed: 1);

List<Row> Load(string images, string labels, int count)
{
    var data = ml.Data.TakeRows(ml.Data.LoadFromIdx(Path.Combine(fashion, images), Path.Combine(fashion, labels)), count);
    var x = ml.Data.CreateEnumerable<IdxRow>(data, reuseRowObject: false).ToList();
    return x.Select(r => new Row { Features = r.Features, Label = r.Label - 1 }).ToList();
}

var train = Load("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 10000);
var test = Load("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 2000);
Console.WriteLine($"Fashion-MNIST: {train.Count} training images, {test.Count} test images");

// ---- 1. photo-gallery organisation ----
var trainView = ml.Data.LoadFromEnumerable(train);
var testView = ml.Data.LoadFromEnumerable(test);
var autoencoder = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 32, HiddenLayers = [256], Epochs = 20, Seed = 1, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(trainView);
Console.WriteLine(autoencoder.Summary());
Console.WriteLine($"Final training reconstruction MSE {autoencoder.History.Epochs[^1].Logs["loss"]:F5}");
var encoded = autoencoder.Transform(testView);
var rawClusters = ml.Clustering.Trainers.KMeans("Features", 10).Fit(testView);
var codeClusters = ml.Clustering.Trainers.KMeans("EncodedFeatures", 10).Fit(encoded);
var rawNmi = ml.Clustering.Evaluate(rawClusters.Transform(testView), labelColumnName: "Label").NormalizedMutualInformation;
var scoredCodes = codeClusters.Transform(encoded);
var codeNmi = ml.Clustering.Evaluate(scoredCodes, labelColumnName: "Label").NormalizedMutualInformation;
Console.WriteLine($"k-means (k = 10) on {test.Count} test images, NMI against the classes: raw 784 pixels {rawNmi:F4}, 32-d codes {codeNmi:F4}");

var clusterOf = ml.Data.CreateEnumerable<Clustered>(scoredCodes, reuseRowObject: false).Select(c => (int)c.PredictedLabel - 1).ToArray();
const int perRow = 12;
var gallery = new List<float[]>();
for (int k = 0; k < 10; k++)
{
    var members = Enumerable.Range(0, test.Count).Where(i => clusterOf[i] == k).ToList();
    var top = members.GroupBy(i => test[i].Label).OrderByDescending(g => g.Count()).First();
    Console.WriteLine($"  cluster {k}: {members.Count,4} images, mostly {names[(int)top.Key]} ({top.Count() * 100 / Math.Max(1, members.Count)}%)");
    gallery.Add(Strip(members.Take(perRow).Select(i => test[i].Features).ToList(), perRow));
}
SaveGrid(gallery, perRow, Path.Combine(output, "clusters.png"));

// ---- 2. denoising ----
var denoiser = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 64, HiddenLayers = [256], NoiseFactor = 0.5, Epochs = 20, Seed = 2, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(trainView);
var random = new Random(3);
var noisy = test.Select(r => new Row { Label = r.Label, Features = r.Features.Select(v => Math.Clamp(v + 0.5f * Gaussian(random), 0f, 1f)).ToArray() }).ToList();
var denoised = ml.Data.CreateEnumerable<Reconstructed>(denoiser.Transform(ml.Data.LoadFromEnumerable(noisy)), reuseRowObject: false).Select(r => r.Reconstruction).ToList();
double noisyMse = 0, denoisedMse = 0;
for (int i = 0; i < test.Count; i++)
{
    noisyMse += Mse(noisy[i].Features, test[i].Features) / test.Count;
    denoisedMse += Mse(denoised[i], test[i].Features) / test.Count;
}
Console.WriteLine($"Denoising (noise factor 0.5): MSE to the clean images, noisy input {noisyMse:F5}, denoised {denoisedMse:F5} ({denoisedMse / noisyMse:P1} of the noisy error)");
SaveGrid([Strip(test.Take(perRow).Select(r => r.Features).ToList(), perRow), Strip(noisy.Take(perRow).Select(r => r.Features).ToList(), perRow), Strip(denoised.Take(perRow).ToList(), perRow)],
    perRow, Path.Combine(output, "denoising.png"));

// ---- 3. anomaly scores ----
var normalTrain = ml.Data.LoadFromEnumerable(train.Where(r => r.Label != 8));
var detector = ml.Transforms.Autoencoder(new AutoencoderOptions { CodeSize = 16, HiddenLayers = [128], Epochs = 20, Seed = 4, Verbosity = MlNetDeep.Training.Verbosity.Silent }).Fit(normalTrain);
var noiseImages = Enumerable.Range(0, 100).Select(_ => new Row { Label = -1, Features = Enumerable.Range(0, 784).Select(_ => (float)random.NextDouble()).ToArray() }).ToList();
var scored = ml.Data.CreateEnumerable<Scored>(detector.Transform(ml.Data.LoadFromEnumerable(test.Concat(noiseImages))), reuseRowObject: false).ToList();
var normalErrors = scored.Where(s => s.Label is >= 0 and not 8).Select(s => s.ReconstructionError).ToArray();
var bagErrors = scored.Where(s => s.Label == 8).Select(s => s.ReconstructionError).ToArray();
var noiseErrors = scored.Where(s => s.Label == -1).Select(s => s.ReconstructionError).ToArray();
var threshold = normalErrors.OrderBy(e => e).ElementAt((int)(0.95 * normalErrors.Length));
Console.WriteLine($"Anomaly scores (mean reconstruction MSE): normal classes {normalErrors.Average():F5}, bags (unseen) {bagErrors.Average():F5}, random noise {noiseErrors.Average():F5}");
Console.WriteLine($"  threshold at the normal rows' 95th percentile ({threshold:F5}) flags {bagErrors.Count(e => e > threshold) * 100.0 / bagErrors.Length:F1}% of bags, {noiseErrors.Count(e => e > threshold) * 100.0 / noiseErrors.Length:F1}% of noise images");
Console.WriteLine($"  ROC AUC bags vs normal: {Auc(bagErrors, normalErrors):F4}");
Console.WriteLine($"Wrote {Path.Combine(output, "clusters.png")} and {Path.Combine(output, "denoising.png")} in {clock.Elapsed.TotalSeconds:F0} s");

static float Gaussian(Random r) => (float)(Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble()));

static double Mse(float[] a, float[] b)
{
    double s = 0;
    for (int i = 0; i < a.Length; i++) s += (a[i] - (double)b[i]) * (a[i] - (double)b[i]);
    return s / a.Length;
}

static double Auc(float[] positives, float[] negatives) =>
    positives.Sum(p => negatives.Count(n => n < p) + 0.5 * negatives.Count(n => n == p)) / ((double)positives.Length * negatives.Length);

// One row of up to n 28×28 images with 2-pixel gaps, as a 30 × (30·n) block.
static float[] Strip(List<float[]> images, int n)
{
    var strip = new float[30 * 30 * n];
    for (int k = 0; k < images.Count; k++)
        for (int y = 0; y < 28; y++)
            for (int x = 0; x < 28; x++)
                strip[(y + 1) * 30 * n + k * 30 + x + 1] = images[k][y * 28 + x];
    return strip;
}

static void SaveGrid(List<float[]> strips, int n, string path)
{
    var pixels = strips.SelectMany(s => s).ToArray();
    using var image = TorchApi.Tensor(pixels, new long[] { 30L * strips.Count, 30L * n });
    VisionImage.SavePng(image, path);
}

sealed class IdxRow
{
    [VectorType(784)] public float[] Features { get; set; } = [];
    public uint Label { get; set; }
}

sealed class Row
{
    [VectorType(784)] public float[] Features { get; set; } = [];
    public float Label { get; set; }
}

sealed class Clustered
{
    public uint PredictedLabel { get; set; }
}

sealed class Reconstructed
{
    [VectorType(784)] public float[] Reconstruction { get; set; } = [];
}

sealed class Scored
{
    public float Label { get; set; }
    public float ReconstructionError { get; set; }
}
