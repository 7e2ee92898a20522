using System.Globalization;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;

// Serves the churn-sized network in models/churn_mlp.onnx: ApplyOnnxModel in a pipeline, a
// prediction engine for single customers, and batch scoring of a data view. No training code.
//   dotnet run -c Release --project samples/OnnxServing                 serve the committed model
//   dotnet run -c Release --project samples/OnnxServing -- --export DIR regenerate DIR/churn_mlp.onnx
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--export", var dir])
{
    Export(Path.Combine(dir, "churn_mlp.onnx"));
    return 0;
}

var modelPath = Path.Combine(AppContext.BaseDirectory, "models", "churn_mlp.onnx");
var ml = new MLContext(seed: 1);
// Standardized features in the order of the churn data set after one-hot encoding and scaling:
// credit score, France, Spain, Germany (dropped first), gender, age, tenure, balance, products,
// has card, active member, salary.
var customers = new[]
{
    new Customer { Name = "A. Martin", Features = [-0.33f, 1.74f, -0.58f, 0.91f, 0.29f, -1.04f, -1.23f, 0.81f, 0.65f, 0.97f, 0.02f] },
    new Customer { Name = "B. Okafor", Features = [0.56f, -0.57f, 1.73f, -1.10f, 1.95f, 0.34f, 0.12f, -0.91f, -1.55f, -1.03f, 1.21f] },
    new Customer { Name = "C. Novak", Features = [-1.52f, -0.57f, -0.58f, 0.91f, -0.66f, 1.03f, 1.33f, 2.53f, 0.65f, 0.97f, -0.44f] },
    new Customer { Name = "D. Silva", Features = [1.20f, 1.74f, -0.58f, -1.10f, 0.48f, -0.35f, -0.16f, -0.91f, 0.65f, -1.03f, 1.61f] },
};

// The pipeline is just the ONNX model: its input "Features" is fed from the column of that name,
// its output "Score" (shape [batch, 1]) becomes a float column.
var data = ml.Data.LoadFromEnumerable(customers);
var model = ml.Transforms.ApplyOnnxModel(outputColumnName: "Score", inputColumnName: "Features", modelFile: modelPath).Fit(data);

Console.WriteLine("Single customers through a prediction engine (demo weights: seeded, untrained):");
using (var engine = ml.Model.CreatePredictionEngine<Customer, ChurnPrediction>(model))
    foreach (var c in customers)
    {
        var p = engine.Predict(c);
        Console.WriteLine($"  {p.Name,-10} churn probability {p.Score:F3}");
    }

// The fastest single-row path: an engine over the ONNX model alone (no data view per call).
Console.WriteLine("The same through OnnxPredictionEngine:");
var fast = model.CreatePredictionEngine<Customer, ChurnPrediction>();
foreach (var c in customers)
    Console.WriteLine($"  {c.Name,-10} {fast.Predict(c).Score:F3}");

Console.WriteLine("The same customers scored as one batch:");
foreach (var p in ml.Data.CreateEnumerable<ChurnPrediction>(model.Transform(data), reuseRowObject: false))
    Console.WriteLine($"  {p.Name,-10} {p.Score:F3}");
return 0;

// A churn-sized network (11-7-6-1, ReLU, sigmoid) with seeded initial weights, exported as the
// sample's model: the sample shows serving, so the weights need only be reproducible.
static void Export(string path)
{
    Torch.ManualSeed(2024);
    using var net = new Sequential(
        new Linear(11, 7), new Activation(ActivationKind.Relu),
        new Linear(7, 6), new Activation(ActivationKind.Relu),
        new Linear(6, 1), new Activation(ActivationKind.Sigmoid));
    net.Eval();
    ModuleExporter.Export(net, path, new long[] { 11 }, "Features", "Score");
    Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length} bytes)");
}

/// <summary>One customer: a name and the 11 standardized features the network reads.</summary>
internal sealed class Customer
{
    public string Name { get; set; } = "";
    [VectorType(11)] public float[] Features { get; set; } = [];
}

/// <summary>The prediction: the customer's name (passed through) and the churn probability.</summary>
internal sealed class ChurnPrediction
{
    public string Name { get; set; } = "";
    public float Score { get; set; }
}
