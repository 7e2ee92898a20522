// Fashion-MNIST with the TensorFlow tutorial CNN (conv32-pool-conv64-pool-conv64-dense64-10), then the same network with
// batch normalization, dropout and training-only augmentation; prints test accuracy and writes the first-layer filters,
// a saliency map and an occlusion map under out/FashionMnistCnn/.
// Run from the repository root (out/ is ignored there): dotnet run -c Release --project samples/FashionMnistCnn -- [epochs=10] [fashion-mnist folder]
using System.Globalization;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Trainers;
using MlNetDeep.Training;

var epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var folder = args.Length > 1 ? args[1] : "/usr/share/datasets/fashion-mnist";
var outDir = Path.Combine("out", "FashionMnistCnn");
Directory.CreateDirectory(outDir);
string[] names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

var ml = new MLContext(seed: 1);
IDataView Load(string prefix) => ml.Data.LoadFromIdx(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"));
var train = Load("train");
var test = Load("t10k");

double Accuracy(ITransformer model)
{
    var scored = model.Transform(test);
    var label = scored.Schema["Label"];
    var predicted = scored.Schema["PredictedLabel"];
    long right = 0, all = 0;
    using var cursor = scored.GetRowCursor([label, predicted]);
    var getLabel = cursor.GetGetter<uint>(label);
    var getPredicted = cursor.GetGetter<uint>(predicted);
    uint l = 0, p = 0;
    while (cursor.MoveNext())
    {
        getLabel(ref l);
        getPredicted(ref p);
        if (l == p) right++;
        all++;
    }
    return right / (double)all;
}

Console.WriteLine($"Tutorial CNN, {epochs} epochs, Adam 1e-3, batch 64");
var tutorial = ml.MulticlassClassification.Trainers.Cnn(new CnnOptions { Epochs = epochs, BatchSize = 64, Verbosity = Verbosity.Auto });
var plain = tutorial.Fit(train);
Console.WriteLine(plain.Model.Summary());
var plainAccuracy = Accuracy(plain);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tutorial CNN test accuracy: {plainAccuracy:F4}"));

Console.WriteLine($"Tutorial CNN + batch norm + dropout 0.25 + augmentation (flip, shifts 0.1), {epochs} epochs");
var regularised = ml.Transforms.AugmentImages("Features", horizontalFlip: true, widthShiftRange: 0.1, heightShiftRange: 0.1, seed: 2)
    .Append(ml.MulticlassClassification.Trainers.Cnn(new CnnOptions
    {
        Epochs = epochs, BatchSize = 64, BatchNormalization = true, Dropout = 0.25, Verbosity = Verbosity.Auto,
    }));
var augmented = regularised.Fit(train);
var augmentedAccuracy = Accuracy(augmented);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Regularised CNN test accuracy: {augmentedAccuracy:F4}"));

// What the tutorial network looks at: its filters, and for the first test image a saliency and an occlusion map.
float[] pixels;
uint firstLabel = 0;
using (var cursor = test.GetRowCursor([test.Schema["Features"], test.Schema["Label"]]))
{
    VBuffer<float> buffer = default;
    cursor.MoveNext();
    cursor.GetGetter<VBuffer<float>>(test.Schema["Features"])(ref buffer);
    cursor.GetGetter<uint>(test.Schema["Label"])(ref firstLabel);
    pixels = buffer.DenseValues().ToArray();
}
var model = plain.Model;
model.SaveFirstLayerFilters(Path.Combine(outDir, "filters.png"));
model.SaveSaliency(pixels, Path.Combine(outDir, "saliency.png"));
model.SaveOcclusion(pixels, Path.Combine(outDir, "occlusion.png"), patch: 4, stride: 2);
using (var input = MlNetDeep.Torch.Torch.Tensor(pixels, new long[] { 28, 28 }))
    MlNetDeep.Torch.Vision.Image.SavePng(input, Path.Combine(outDir, "input.png"));
Console.WriteLine($"First test image: {names[firstLabel - 1]}; filters, saliency, occlusion and the input written to {outDir}");
