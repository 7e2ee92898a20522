// The deep-learning course's churn workflow as an ML.NET-style pipeline: one-hot (drop first) Geography and Gender,
// drop the id columns, concatenate, standardize (fitted on the training rows only), 80/20 split, an 11-7-6-1 ANN
// (ReLU, sigmoid output, Adam 0.01, batch 10, 33 % validation, early stopping on val_loss with patience 20),
// then test metrics, the confusion matrix, learning-curve and confusion-matrix SVGs, the saved model, the whole
// pipeline exported to ONNX, and the course's new customer scored both in-process and by ONNX Runtime.
// Usage: ChurnAnn [output folder] [max epochs] [seed]
using System.Globalization;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using MlNetDeep.Transforms;

var output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("out", "ChurnAnn"));
var maxEpochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
Directory.CreateDirectory(output);

var ml = new MLContext(seed: seed);
var data = ml.Data.LoadFromTextFile<Customer>(Path.Combine(AppContext.BaseDirectory, "data", "Churn_Modelling.csv"), ',', hasHeader: true);
var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);

string[] numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];
var features = ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
    .Append(ml.Transforms.Categorical.OneHotEncoding(
        [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
        keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
    .Append(ml.Transforms.Concatenate("Features", [.. numeric, "Geography", "Gender"]))
    .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false));

using var earlyStopping = new EarlyStopping(monitor: "val_loss", patience: 20, restoreBestWeights: true, verbose: true);
var ann = ml.BinaryClassification.Trainers.Ann(new AnnOptions
{
    LabelColumnName = "Exited",
    HiddenLayers = [7, 6],
    Activation = MlNetDeep.Torch.Nn.ActivationKind.Relu,
    Initializer = MlNetDeep.Torch.Nn.Initializer.XavierUniform, // Keras' default (glorot_uniform)
    Optimizer = OptimizerKind.Adam,
    LearningRate = 0.01,
    BatchSize = 10,
    Epochs = maxEpochs,
    ValidationFraction = 0.33,
    Callbacks = { earlyStopping },
    Verbosity = Verbosity.Line,
});

// Standardization statistics come from the training rows only: the pipeline is fitted on TrainSet.
var model = features.Append(ann).Fit(split.TrainSet);
var network = model.LastTransformer!.Model;
Console.WriteLine();
Console.WriteLine(network.Summary());
Console.WriteLine($"Trained {network.History.EpochCount} epochs on {network.History.Device}; best val_loss at epoch {earlyStopping.BestEpoch + 1}.");

var scored = model.Transform(split.TestSet);
var metrics = ml.BinaryClassification.Evaluate(scored, labelColumnName: "Exited");
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Test rows {metrics.ConfusionMatrix.Counts.Sum(r => r.Sum())}: accuracy {metrics.Accuracy:F4}, precision {metrics.PositivePrecision:F4}, recall {metrics.PositiveRecall:F4}, F1 {metrics.F1Score:F4}, AUC {metrics.AreaUnderRocCurve:F4}"));
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

SvgPlot.Save(SvgPlot.LearningCurves(network.History), Path.Combine(output, "learning-curves.svg"));
SvgPlot.Save(SvgPlot.ConfusionMatrix(metrics.ConfusionMatrix, ["stayed", "exited"]), Path.Combine(output, "confusion-matrix.svg"));
var modelPath = Path.Combine(output, "churn-model.zip");
ml.Model.Save(model, data.Schema, modelPath);

// The course's new customer: France, credit score 600, male, 40 years, tenure 3, balance 60000, 2 products, has a card, active, salary 50000.
var loaded = ml.Model.Load(modelPath, out var schema);
using var engine = ml.Model.CreatePredictionEngine<Customer, Prediction>(loaded, schema);
var customer = new Customer
{
    Surname = "New", CreditScore = 600, Geography = "France", Gender = "Male", Age = 40, Tenure = 3, Balance = 60000,
    NumOfProducts = 2, HasCrCard = 1, IsActiveMember = 1, EstimatedSalary = 50000,
};
var p = engine.Predict(customer);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"New customer: probability of leaving {p.Probability:F4} → {(p.PredictedLabel ? "will leave" : "will stay")}"));

// The whole pipeline (drop, one-hot, concatenate, standardize, network, sigmoid, threshold) as one ONNX graph whose
// inputs are the raw CSV columns; ONNX Runtime scores the same customer without any MlNetDeep pipeline code.
var onnxPath = Path.Combine(output, "churn-model.onnx");
var export = ml.Model.ConvertToOnnx(model, split.TestSet, onnxPath, outputColumnNames: ["Score", "Probability", "PredictedLabel"]);
using (var session = OnnxSession.Open(onnxPath))
{
    var feeds = new Dictionary<string, OnnxTensor>
    {
        ["CreditScore"] = OnnxTensor.Create([customer.CreditScore], 1, 1),
        ["Geography"] = OnnxTensor.Create([customer.Geography], 1, 1),
        ["Gender"] = OnnxTensor.Create([customer.Gender], 1, 1),
        ["Age"] = OnnxTensor.Create([customer.Age], 1, 1),
        ["Tenure"] = OnnxTensor.Create([customer.Tenure], 1, 1),
        ["Balance"] = OnnxTensor.Create([customer.Balance], 1, 1),
        ["NumOfProducts"] = OnnxTensor.Create([customer.NumOfProducts], 1, 1),
        ["HasCrCard"] = OnnxTensor.Create([customer.HasCrCard], 1, 1),
        ["IsActiveMember"] = OnnxTensor.Create([customer.IsActiveMember], 1, 1),
        ["EstimatedSalary"] = OnnxTensor.Create([customer.EstimatedSalary], 1, 1),
    };
    var onnxProbability = session.Run(feeds)["Probability"].ToArray<float>()[0];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ONNX Runtime on {Path.GetFileName(onnxPath)} (opset {export.OpsetVersion}, inputs {string.Join(", ", export.Inputs.Select(i => i.OnnxName))}): probability of leaving {onnxProbability:F4}"));
}
Console.WriteLine($"Wrote learning-curves.svg, confusion-matrix.svg, churn-model.zip and churn-model.onnx to {output}");

/// <summary>A row of Churn_Modelling.csv.</summary>
public sealed class Customer
{
    [LoadColumn(0)] public float RowNumber { get; set; }
    [LoadColumn(1)] public float CustomerId { get; set; }
    [LoadColumn(2)] public string Surname { get; set; } = "";
    [LoadColumn(3)] public float CreditScore { get; set; }
    [LoadColumn(4)] public string Geography { get; set; } = "";
    [LoadColumn(5)] public string Gender { get; set; } = "";
    [LoadColumn(6)] public float Age { get; set; }
    [LoadColumn(7)] public float Tenure { get; set; }
    [LoadColumn(8)] public float Balance { get; set; }
    [LoadColumn(9)] public float NumOfProducts { get; set; }
    [LoadColumn(10)] public float HasCrCard { get; set; }
    [LoadColumn(11)] public float IsActiveMember { get; set; }
    [LoadColumn(12)] public float EstimatedSalary { get; set; }
    [LoadColumn(13)] public bool Exited { get; set; }
}

/// <summary>The prediction for one customer.</summary>
public sealed class Prediction
{
    public float Score { get; set; }
    public float Probability { get; set; }
    public bool PredictedLabel { get; set; }
}
