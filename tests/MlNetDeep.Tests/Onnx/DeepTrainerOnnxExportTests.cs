using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Tests.Support;
using MlNetDeep.Trainers;
using MlNetDeep.Training;
using MlNetDeep.Transforms;
using static MlNetDeep.Tests.ChurnPipelineTests;
using static MlNetDeep.Tests.Trainers.AnnTrainerTests;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// Whole pipelines ending in a deep trainer export to one ONNX graph whose outputs (Score,
/// Probability, PredictedLabel) equal the in-process predictions on held-out rows.
/// </summary>
public class DeepTrainerOnnxExportTests
{
    private static readonly string[] Numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];

    [Fact]
    public void ChurnPipelineWithAnnExportsAsOneGraph()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        var train = ml.Data.TakeRows(data, 8000);
        var heldOut = ml.Data.TakeRows(ml.Data.SkipRows(data, 8000), 500);
        var model = ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
            .Append(ml.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
            .Append(ml.Transforms.Concatenate("Features", [.. Numeric, "Geography", "Gender"]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Append(ml.BinaryClassification.Trainers.Ann(new AnnOptions
            {
                LabelColumnName = "Exited", HiddenLayers = [7, 6], Epochs = 3, BatchSize = 32, LearningRate = 0.01, Verbosity = Verbosity.Silent,
            }))
            .Fit(train);

        Assert.True(ml.Model.CanConvertToOnnx(model, heldOut, out var problems), string.Join("; ", problems));
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "churn_ann");
        Assert.Contains("Score", result.Outputs.Select(o => o.OnnxName));
        Assert.Contains("Probability", result.Outputs.Select(o => o.OnnxName));
        Assert.Contains("PredictedLabel", result.Outputs.Select(o => o.OnnxName));
        // The raw CSV columns are the graph's inputs: a served model needs no MlNetDeep code.
        Assert.Contains("Geography", result.Inputs.Select(i => i.OnnxName));
        Assert.DoesNotContain("Exited", result.Inputs.Select(i => i.OnnxName));
    }

    [Fact]
    public void IrisSoftmaxAnnExportsProbabilitiesAndPredictedKeys()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Iris>(TestData.DataPath("iris.csv"), ',', hasHeader: true);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.3, seed: 0);
        var model = ml.Transforms.NormalizeMeanVariance("Features", "Measurements", fixZero: false)
            .Append(ml.MulticlassClassification.Trainers.Ann(new AnnOptions
            {
                LabelColumnName = "Species", HiddenLayers = [16], Epochs = 30, BatchSize = 8, LearningRate = 0.01, Verbosity = Verbosity.Silent,
            }))
            .Fit(split.TrainSet);
        var result = PipelineExportHarness.AssertMatches(ml, model, split.TestSet, "iris_ann");
        Assert.Equal(3L, result.Outputs.Single(o => o.OnnxName == "Score").Width);
        Assert.Equal(OnnxDataType.Int64, result.Outputs.Single(o => o.OnnxName == "PredictedLabel").DataType);
    }

    [Fact]
    public void RegressionAnnExportsItsScore()
    {
        var ml = new MLContext(seed: 2);
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            var f = Enumerable.Range(0, 4).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            return new Row { Features = f, Target = f[0] - 0.5f * f[1] + f[2] * f[3], Kind = "a" };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Regression.Trainers.Ann(new AnnOptions
        {
            LabelColumnName = "Target", HiddenLayers = [8], Epochs = 5, BatchSize = 16, Verbosity = Verbosity.Silent,
        }).Fit(data);
        var result = PipelineExportHarness.AssertMatches(ml, model, ml.Data.TakeRows(data, 100), "regression_ann");
        Assert.Equal("Score", Assert.Single(result.Outputs.Where(o => o.OnnxName == "Score")).OnnxName);
    }
}
