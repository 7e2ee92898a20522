// Optimizers compared: one network, one dataset, one set of starting weights — eight ways of
// turning gradients into weight updates. The course's lesson in numbers: full-batch gradient
// descent takes few, expensive steps; stochastic gradient descent (one row per step) many cheap,
// noisy ones; mini-batches sit between; momentum and the adaptive methods (Adagrad, RMSprop,
// Adadelta, Adam) reach a low loss in fewer epochs.
//
// Data: the Wisconsin breast-cancer table (569 tumours, 30 numeric measurements, malignant or
// benign), 80/20 split, standardized with the training rows' statistics.
//
//   dotnet run -c Release --project samples/OptimizersCompared -- [path/to/breast_cancer.csv] [--epochs N]
using System.Diagnostics;
using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var csv = Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer.csv");
int epochs = 40;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--epochs") epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else csv = args[i];
}
var outDir = Path.GetFullPath(Path.Combine("out", "OptimizersCompared"));
Directory.CreateDirectory(outDir);
Console.WriteLine($"Outputs go to {outDir}");

var (features, labels) = BreastCancerCsv.Load(csv);
int rows = labels.Length, width = BreastCancerCsv.FeatureCount;
Console.WriteLine($"Loaded {rows} tumours with {width} features from {csv}");

// 80/20 split from a seeded shuffle; the scaler sees the training rows only.
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
Console.WriteLine($"{trainRows} training rows, {rows - trainRows} validation rows");

// Every contender: a name, rows per step, epochs, and how to build its optimizer. Learning rates
// are each method's usual starting point (PyTorch/Keras defaults where they have one).
// SGD takes one step per row (455 per epoch, against 15 for batch 32): it gets an eighth of the
// epochs, which is still about four times the steps the mini-batch runs take.
int sgdEpochs = Math.Max(1, epochs / 8);
var contenders = new (string Name, int Batch, int Epochs, Func<IEnumerable<Tensor>, Optimizer> Make)[]
{
    ("GD (full batch)", trainRows, epochs, p => new SGD(p, lr: 0.1)),
    ("SGD (batch 1)", 1, sgdEpochs, p => new SGD(p, lr: 0.01)),
    ("Mini-batch SGD (32)", 32, epochs, p => new SGD(p, lr: 0.01)),
    ("Momentum 0.9 (32)", 32, epochs, p => new SGD(p, lr: 0.01, momentum: 0.9)),
    ("Adagrad (32)", 32, epochs, p => new Adagrad(p, lr: 0.01)),
    ("RMSprop (32)", 32, epochs, p => new RMSprop(p, lr: 0.001)),
    ("Adadelta (32)", 32, epochs, p => new Adadelta(p, lr: 1.0)),
    ("Adam (32)", 32, epochs, p => new Adam(p, lr: 0.001)),
};

var table = new List<(string Name, int Batch, int Epochs, long Steps, double TrainLoss, double ValLoss, double ValAccuracy, double Seconds)>();
var curves = new List<(string Name, IReadOnlyList<double> Values)>();
using var lossFn = new BCEWithLogitsLoss();
foreach (var c in contenders)
{
    // The same seed before building the network gives every optimizer the same initial weights;
    // the same Seed in the options gives the same shuffling of the rows.
    Torch.ManualSeed(42);
    using var net = new Sequential(
        new Linear(width, 16), new Activation(ActivationKind.Relu),
        new Linear(16, 8), new Activation(ActivationKind.Relu),
        new Linear(8, 1)); // a logit: BCEWithLogitsLoss applies the sigmoid

    var clock = Stopwatch.StartNew();
    var history = TrainingLoop.Fit(net, xTrain, yTrain, new TrainingOptions
    {
        Loss = lossFn,
        Optimizer = c.Make,
        Epochs = c.Epochs,
        BatchSize = c.Batch,
        Seed = 42,
        Verbosity = Verbosity.Silent,
        TrackGradientNorms = false, // only the loss matters here; tracking would add to the timings
        ProbeRows = 0,
    }, xVal, yVal);
    clock.Stop();

    // The final training loss over all training rows with the final weights (the logged "loss" is
    // an average over the epoch's steps, taken while the weights were still moving).
    var train = TrainingLoop.Evaluate(net, xTrain, yTrain, lossFn);
    var val = history.Epochs[^1].Logs;
    table.Add((c.Name, c.Batch, c.Epochs, history.StepCount, train["loss"], val["val_loss"], val["val_accuracy"], clock.Elapsed.TotalSeconds));
    curves.Add((c.Name, history["loss"]));
    Console.WriteLine($"  {c.Name,-20} done: {history.StepCount,5} steps in {clock.Elapsed.TotalSeconds:F2} s, final train loss {train["loss"]:F4}");
}

Console.WriteLine();
Console.WriteLine($"{"optimizer",-20} {"batch",5} {"epochs",6} {"steps",6} {"train loss",10} {"val loss",9} {"val acc",8} {"time (s)",9}");
foreach (var r in table)
    Console.WriteLine($"{r.Name,-20} {r.Batch,5} {r.Epochs,6} {r.Steps,6} {r.TrainLoss,10:F4} {r.ValLoss,9:F4} {r.ValAccuracy,8:F4} {r.Seconds,9:F2}");

var csvOut = Path.Combine(outDir, "optimizers.csv");
File.WriteAllLines(csvOut, table.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"\"{r.Name}\",{r.Batch},{r.Epochs},{r.Steps},{r.TrainLoss:R},{r.ValLoss:R},{r.ValAccuracy:R},{r.Seconds:F3}"))
    .Prepend("optimizer,batch_size,epochs,steps,final_train_loss,final_val_loss,val_accuracy,seconds"));

// Per-epoch training loss of every optimizer, one column each (SGD's column ends early).
var curvesCsv = Path.Combine(outDir, "loss_curves.csv");
File.WriteAllLines(curvesCsv, Enumerable.Range(0, epochs)
    .Select(e => (e + 1).ToString(CultureInfo.InvariantCulture) + "," + string.Join(",", curves.Select(s =>
        e < s.Values.Count ? s.Values[e].ToString("R", CultureInfo.InvariantCulture) : "")))
    .Prepend("epoch," + string.Join(",", curves.Select(s => $"\"{s.Name}\""))));

var svg = Path.Combine(outDir, "loss_curves.svg");
SvgPlot.Save(SvgPlot.LineChart("Training loss per epoch, same network and start", "epoch", "binary cross-entropy", curves), svg);
Console.WriteLine();
Console.WriteLine($"Wrote {Path.GetFileName(csvOut)}, {Path.GetFileName(curvesCsv)} and {Path.GetFileName(svg)} to {outDir}");
