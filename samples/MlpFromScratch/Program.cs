// The bank-churn ANN written directly against MlNetDeep's libtorch binding: tensors, layers,
// a loss and an optimizer, with the training loop in plain sight. (The ML.NET-style pipeline
// and trainers wrap exactly these pieces.)
//
//   dotnet run -c Release --project samples/MlpFromScratch -- [path/to/Churn_Modelling.csv] [--epochs N]
using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

var csv = Path.Combine(AppContext.BaseDirectory, "data", "Churn_Modelling.csv");
int epochs = 30;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--epochs") epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else csv = args[i];
}
var outDir = Path.GetFullPath(Path.Combine("out", "MlpFromScratch"));
Directory.CreateDirectory(outDir);

// 1. Features as the course prepares them: drop RowNumber/CustomerId/Surname, one-hot
//    Geography and Gender dropping the first category (France, Female), 11 numeric features.
var (features, labels) = ChurnCsv.Load(csv);
int rows = labels.Length, width = ChurnCsv.FeatureNames.Length;
Console.WriteLine($"Loaded {rows} customers with {width} features from {csv}");

Torch.ManualSeed(1);
using var x = Torch.Tensor(features, new long[] { rows, width });
using var y = Torch.Tensor(labels, new long[] { rows, 1 });

// 2. 80/20 split (seeded shuffle), then standardize with the training rows' mean and
//    population standard deviation only: the test rows must not leak into the scaler.
int trainRows = (int)(rows * 0.8);
using var perm = Torch.Randperm(rows);
using var trainIdx = perm.Narrow(0, 0, trainRows);
using var testIdx = perm.Narrow(0, trainRows, rows - trainRows);
using var xTrainRaw = x.IndexSelect(0, trainIdx);
using var mean = xTrainRaw.Mean(new long[] { 0 }, keepDim: true);
using var std = xTrainRaw.Std(new long[] { 0 }, unbiased: false, keepDim: true);
using var xTrain = (xTrainRaw - mean) / std;
using var xTestRaw = x.IndexSelect(0, testIdx);
using var xTest = (xTestRaw - mean) / std;
using var yTrain = y.IndexSelect(0, trainIdx);
using var yTest = y.IndexSelect(0, testIdx);

// 3. The course's network: 11 → 7 → 6 → 1, ReLU, sigmoid output, binary cross-entropy, Adam 0.01, batch 10.
using var net = new Sequential(
    new Linear(width, 7), new Activation(ActivationKind.Relu),
    new Linear(7, 6), new Activation(ActivationKind.Relu),
    new Linear(6, 1), new Activation(ActivationKind.Sigmoid));
using var lossFn = new BCELoss();
using var optimizer = new Adam(net.Parameters(), lr: 0.01);
Console.WriteLine($"Network: {string.Join(" → ", net.Layers.Select(l => l.Name))}, {net.ParameterCount()} parameters");

const int batch = 10;
var clock = System.Diagnostics.Stopwatch.StartNew();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    net.Train();
    using var epochScope = Torch.NewDisposeScope();
    var order = Torch.Randperm(trainRows);
    var xs = xTrain.IndexSelect(0, order);
    var ys = yTrain.IndexSelect(0, order);
    double total = 0;
    int steps = 0;
    for (int i = 0; i < trainRows; i += batch, steps++)
    {
        using var stepScope = Torch.NewDisposeScope();  // frees this step's temporaries
        int n = Math.Min(batch, trainRows - i);
        var loss = lossFn.Compute(net.Forward(xs.Narrow(0, i, n)), ys.Narrow(0, i, n));
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();                                // one native call for all parameters
        total += loss.Item();
    }
    if (epoch == 1 || epoch % 5 == 0 || epoch == epochs)
        Console.WriteLine($"epoch {epoch,3}/{epochs}  loss {total / steps:F4}  ({clock.Elapsed.TotalSeconds:F1} s)");
}

// 4. Test accuracy and confusion counts with a 0.5 threshold, in evaluation mode.
net.Eval();
using (Torch.NoGrad())
using (Torch.NewDisposeScope())
{
    var predicted = net.Forward(xTest).Gt(0.5).ToArray<bool>();
    var actual = yTest.ToArray<float>();
    int tp = 0, tn = 0, fp = 0, fn = 0;
    for (int i = 0; i < actual.Length; i++)
    {
        bool a = actual[i] > 0.5f;
        if (predicted[i] && a) tp++; else if (predicted[i]) fp++; else if (a) fn++; else tn++;
    }
    Console.WriteLine($"Test accuracy {(double)(tp + tn) / actual.Length:F4} on {actual.Length} customers");
    Console.WriteLine($"             predicted stay  predicted leave");
    Console.WriteLine($"stayed       {tn,14}  {fp,15}");
    Console.WriteLine($"left         {fn,14}  {tp,15}");
}

var weights = Path.Combine(outDir, "churn-mlp.mlnds");
net.Save(weights);
Console.WriteLine($"Saved the trained weights to {weights}");

/// <summary>Reads the churn CSV into the course's 11 numeric features and the Exited label.</summary>
internal static class ChurnCsv
{
    public static readonly string[] FeatureNames =
    {
        "CreditScore", "Geography_Germany", "Geography_Spain", "Gender_Male", "Age", "Tenure",
        "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary",
    };

    public static (float[] Features, float[] Labels) Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Churn CSV not found: {path}", path);
        var features = new List<float>();
        var labels = new List<float>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (++lineNumber == 1) continue; // header
            var c = line.Split(',');
            if (c.Length != 14) throw new FormatException($"{path}({lineNumber}): expected 14 columns, found {c.Length}.");
            float Num(int i, string name) => float.TryParse(c[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new FormatException($"{path}({lineNumber}): column {name} is not a number: '{c[i]}'.");
            features.AddRange(new[]
            {
                Num(3, "CreditScore"), c[4] == "Germany" ? 1f : 0f, c[4] == "Spain" ? 1f : 0f, c[5] == "Male" ? 1f : 0f,
                Num(6, "Age"), Num(7, "Tenure"), Num(8, "Balance"), Num(9, "NumOfProducts"), Num(10, "HasCrCard"),
                Num(11, "IsActiveMember"), Num(12, "EstimatedSalary"),
            });
            labels.Add(Num(13, "Exited"));
        }
        return (features.ToArray(), labels.ToArray());
    }
}
