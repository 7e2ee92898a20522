// Activations and vanishing gradients, made visible. The same deep network (10 linear layers)
// is trained five times on the same data, changing only the hidden activation and its
// initialization:
//   - sigmoid (Xavier init): its slope is at most 0.25, so every layer the error travels back
//     through shrinks the gradient: the first layers barely learn (vanishing gradients);
//   - ReLU, Leaky ReLU, ELU (He init): slope 1 for positive inputs, the gradient arrives intact;
//   - a deliberately bad ReLU setup (every bias starts at −0.5, the learning rate is 10× larger):
//     large updates push units to output 0 for every input — "dead" neurons, whose gradient is 0,
//     so they never recover; layer by layer the network dies during training.
// The training loop records every layer's gradient norm per epoch and the fraction of dead units
// in every ReLU layer; this sample prints and plots them.
//
//   dotnet run -c Release --project samples/ActivationsAndGradients -- [path/to/breast_cancer.csv] [--epochs N]
using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var csv = Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer.csv");
int epochs = 30;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--epochs") epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else csv = args[i];
}
var outDir = Path.GetFullPath(Path.Combine("out", "ActivationsAndGradients"));
Directory.CreateDirectory(outDir);
Console.WriteLine($"Outputs go to {outDir}");

// Data: 569 tumours, 30 measurements, malignant or benign; 80/20 split, standardized with the
// training rows' statistics.
var (features, labels) = BreastCancerCsv.Load(csv);
int rows = labels.Length, width = BreastCancerCsv.FeatureCount;
Torch.ManualSeed(0);
using var x = Torch.Tensor(features, new long[] { rows, width });
using var y = Torch.Tensor(labels, new long[] { rows, 1 });
int trainRows = (int)(rows * 0.8);
using var perm = Torch.Randperm(rows);
using var trainIdx = perm.Narrow(0, 0, trainRows);
using var valIdx = perm.Narrow(0, trainRows, rows - trainRows);
using var xTrainRaw = x.IndexSelect(0, trainIdx);
using var mean = xTrainRaw.Mean(new long[] { 0 }, keepDim: true);
using var std = xTrainRaw.Std(new long[] { 0 }, unbiased: false, keepDim: true);
using var xTrain = (xTrainRaw - mean) / std;
using var xValRaw = x.IndexSelect(0, valIdx);
using var xVal = (xValRaw - mean) / std;
using var yTrain = y.IndexSelect(0, trainIdx);
using var yVal = y.IndexSelect(0, valIdx);
Console.WriteLine($"Loaded {rows} tumours ({trainRows} training, {rows - trainRows} validation) from {csv}");

const int Depth = 10, Hidden = 32;
Console.WriteLine($"Network: {width} → {string.Join(" → ", Enumerable.Repeat(Hidden, Depth - 1))} → 1 ({Depth} linear layers), SGD, batch 32, {epochs} epochs");

var setups = new Setup[]
{
    new("sigmoid", () => new Activation(ActivationKind.Sigmoid), Initializer.XavierNormal, Bias: 0, LearningRate: 0.05),
    new("relu", () => new Activation(ActivationKind.Relu), Initializer.HeNormal, Bias: 0, LearningRate: 0.05),
    new("leaky_relu", () => Activation.LeakyRelu(0.01), Initializer.HeNormal, Bias: 0, LearningRate: 0.05),
    new("elu", () => Activation.Elu(1.0), Initializer.HeNormal, Bias: 0, LearningRate: 0.05),
    new("relu_bad", () => new Activation(ActivationKind.Relu), Initializer.HeNormal, Bias: -0.5, LearningRate: 0.5),
};

var gradientRows = new List<string> { "setup,epoch,layer,parameter,gradient_norm" };
var deadRows = new List<string> { "setup,epoch,layer,dead_fraction" };
var summary = new List<(string Name, double FirstNorm, double LastNorm, double ValAccuracy, int Warnings, string Dead)>();
var firstVsLast = new List<(string Name, IReadOnlyList<double> Values)>();
var profile = new List<(string Name, IReadOnlyList<double> Values)>();
using var lossFn = new BCEWithLogitsLoss();

foreach (var s in setups)
{
    Console.WriteLine();
    Console.WriteLine($"=== {s.Name}: {s.Initializer.Name} init, biases {s.Bias}, learning rate {s.LearningRate} ===");
    Torch.ManualSeed(42);
    var layers = new List<Module>();
    for (int i = 0; i < Depth; i++)
    {
        layers.Add(new Linear(i == 0 ? width : Hidden, i == Depth - 1 ? 1 : Hidden));
        if (i < Depth - 1) layers.Add(s.Activation());
    }
    using var net = new Sequential(layers);
    Init.Apply(net, s.Initializer); // weights from the initializer, biases zero...
    if (s.Bias != 0)                 // ...except in the bad setup, whose biases all start negative
        foreach (var (name, p) in net.NamedParameters())
            using (p) if (name.EndsWith("bias", StringComparison.Ordinal)) Init.Constant(p, s.Bias);

    var history = TrainingLoop.Fit(net, xTrain, yTrain, new TrainingOptions
    {
        Loss = lossFn,
        Optimizer = p => new SGD(p, s.LearningRate),
        Epochs = epochs,
        BatchSize = 32,
        Seed = 42,
        Verbosity = Verbosity.Silent, // the figures we care about are printed below
        TrackGradientNorms = true,    // per-layer gradient norms, averaged over each epoch's steps
        ProbeRows = 256,              // rows run through the net after each epoch to count dead ReLUs
    }, xVal, yVal);

    // Weight parameters in depth order: "0.weight" is the first layer, "18.weight" the last.
    var weightNames = history.Epochs[0].GradientNorms.Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal))
        .OrderBy(k => int.Parse(k[..k.IndexOf('.')], CultureInfo.InvariantCulture)).ToList();
    foreach (var e in history.Epochs)
    {
        for (int l = 0; l < weightNames.Count; l++)
            gradientRows.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Name},{e.Epoch + 1},{l + 1},{weightNames[l]},{e.GradientNorms[weightNames[l]]:R}"));
        foreach (var (layer, fraction) in e.DeadReluFractions.OrderBy(d => d.Key))
            deadRows.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Name},{e.Epoch + 1},{layer},{fraction:R}"));
    }

    // Gradient norms span many orders of magnitude, so the charts show log10 of them (a norm of
    // exactly 0, as in a dead network, has no logarithm and leaves a gap).
    IReadOnlyList<double> Log10Norms(string weight) => history.Epochs.Select(e => Math.Log10(e.GradientNorms[weight])).ToList();
    var perLayer = weightNames.Select((w, l) => ($"layer {l + 1}", Log10Norms(w))).ToList();
    SvgPlot.Save(SvgPlot.LineChart($"{s.Name}: gradient norm per layer", "epoch", "log10 gradient norm", perLayer),
        Path.Combine(outDir, $"gradients_{s.Name}.svg"));
    firstVsLast.Add(($"{s.Name} layer 1", Log10Norms(weightNames[0])));
    firstVsLast.Add(($"{s.Name} layer {Depth}", Log10Norms(weightNames[^1])));
    var firstEpoch = history.Epochs[0].GradientNorms;
    profile.Add((s.Name, weightNames.Select(w => Math.Log10(firstEpoch[w])).ToList()));

    Console.WriteLine("Gradient norm per layer, epoch 1 → epoch " + history.EpochCount + ":");
    for (int l = 0; l < weightNames.Count; l++)
        Console.WriteLine($"  layer {l + 1,2} ({weightNames[l],-9}) {firstEpoch[weightNames[l]],10:0.00E+00} → {history.Epochs[^1].GradientNorms[weightNames[l]],10:0.00E+00}");

    // Dead units: the fraction of each ReLU layer's units that output 0 for all 256 probe rows.
    // (Leaky ReLU and ELU never output exactly 0 for a whole layer's inputs, so they are not counted.)
    string DeadText(EpochRecord e) => string.Join(" ", e.DeadReluFractions.OrderBy(d => d.Key).Select(d => $"{d.Value,4:P0}"));
    var deadText = history.Epochs[^1].DeadReluFractions.Count == 0 ? "n/a (no plain ReLU layers)" : DeadText(history.Epochs[^1]);
    if (history.Epochs[^1].DeadReluFractions.Count > 0)
    {
        Console.WriteLine("Dead ReLU units per ReLU layer (hidden layers 1 to 9):");
        foreach (var e in history.Epochs.Where(e => e.Epoch == 0 || (e.Epoch + 1) % 5 == 0))
            Console.WriteLine($"  after epoch {e.Epoch + 1,2}: {DeadText(e)}");
        var reluLayers = history.Epochs[0].DeadReluFractions.Keys.Order().ToList();
        SvgPlot.Save(SvgPlot.LineChart($"{s.Name}: dead units per ReLU layer", "epoch", "fraction dead",
                reluLayers.Select((k, l) => ($"hidden {l + 1}", (IReadOnlyList<double>)history.Epochs.Select(e => e.DeadReluFractions[k]).ToList())).ToList()),
            Path.Combine(outDir, $"dead_relu_{s.Name}.svg"));
    }
    foreach (var warning in history.Warnings) Console.WriteLine("WARNING: " + warning);
    if (history.Warnings.Count == 0) Console.WriteLine("No vanishing-gradient warnings.");

    var last = history.Epochs[^1].Logs;
    Console.WriteLine($"Final: loss {last["loss"]:F4}, validation accuracy {last["val_accuracy"]:F4}");
    summary.Add((s.Name, firstEpoch[weightNames[0]], firstEpoch[weightNames[^1]], last["val_accuracy"], history.Warnings.Count, deadText));
}

Console.WriteLine();
Console.WriteLine("Summary (gradient norms of epoch 1):");
Console.WriteLine($"{"setup",-11} {"layer 1",10} {"layer " + Depth,10} {"ratio",10} {"val acc",8} {"warnings",8}  dead ReLU per layer (last epoch)");
foreach (var r in summary)
    Console.WriteLine($"{r.Name,-11} {r.FirstNorm,10:0.00E+00} {r.LastNorm,10:0.00E+00} {r.FirstNorm / r.LastNorm,10:0.00E+00} {r.ValAccuracy,8:F4} {r.Warnings,8}  {r.Dead}");

Console.WriteLine();
Console.WriteLine("What to look for: with sigmoid the first layer's gradient is orders of magnitude smaller than the");
Console.WriteLine("last layer's (ratio far below 1), so the early layers hardly move and accuracy stays at the majority");
Console.WriteLine("class; the ReLU family keeps the ratio near 1. In the bad ReLU setup, once a whole layer is dead no");
Console.WriteLine("gradient passes it: every norm drops to exactly 0 and the network stops learning for good.");

File.WriteAllLines(Path.Combine(outDir, "gradient_norms.csv"), gradientRows);
File.WriteAllLines(Path.Combine(outDir, "dead_relu.csv"), deadRows);
File.WriteAllLines(Path.Combine(outDir, "summary.csv"), summary.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name},{r.FirstNorm:R},{r.LastNorm:R},{r.ValAccuracy:R},{r.Warnings}"))
    .Prepend("setup,layer1_gradient_norm_epoch1,last_layer_gradient_norm_epoch1,val_accuracy,vanishing_warnings"));
SvgPlot.Save(SvgPlot.LineChart("First vs last layer gradient norm", "epoch", "log10 gradient norm", firstVsLast),
    Path.Combine(outDir, "first_vs_last_layer.svg"));
SvgPlot.Save(SvgPlot.LineChart("Gradient norm by depth (epoch 1)", "layer", "log10 gradient norm", profile),
    Path.Combine(outDir, "gradient_by_layer.svg"));
Console.WriteLine();
Console.WriteLine($"Wrote gradients_<setup>.svg, dead_relu_<setup>.svg, first_vs_last_layer.svg, gradient_by_layer.svg, gradient_norms.csv, dead_relu.csv and summary.csv to {outDir}");

/// <summary>One training configuration: the hidden activation, its weight initializer, the initial bias and the learning rate.</summary>
internal sealed record Setup(string Name, Func<Module> Activation, Initializer Initializer, double Bias, double LearningRate);
