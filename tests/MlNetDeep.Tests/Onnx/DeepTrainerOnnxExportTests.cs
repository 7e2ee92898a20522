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

    public sealed class Picture
    {
        [VectorType(1, 8, 8)] public float[] Features { get; set; } = [];
        public uint Label { get; set; }
    }

    [Fact]
    public void CnnOnImagesExportsWithItsInputReshapedToChannelsHeightWidth()
    {
        var ml = new MLContext(seed: 4);
        var rng = new Random(9);
        // Three classes of 8×8 images: a bright row, a bright column, or noise only.
        var pictures = Enumerable.Range(0, 240).Select(i =>
        {
            var kind = (uint)(i % 3);
            var pixels = Enumerable.Range(0, 64).Select(_ => (float)(rng.NextDouble() * 0.2)).ToArray();
            var line = rng.Next(8);
            for (int k = 0; k < 8; k++)
            {
                if (kind == 0) pixels[line * 8 + k] += 1;
                if (kind == 1) pixels[k * 8 + line] += 1;
            }
            return new Picture { Features = pixels, Label = kind };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(pictures);
        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.MulticlassClassification.Trainers.Cnn(new CnnOptions
            {
                ConvBlocks = [new ConvBlock(4, kernelSize: 3, poolSize: 2)], DenseLayers = [8], Epochs = 3, BatchSize = 16, Verbosity = Verbosity.Silent,
            }))
            .Fit(data);
        var result = PipelineExportHarness.AssertMatches(ml, model, ml.Data.TakeRows(data, 60), "cnn_8x8", exportableTailOnly: true);
        Assert.Equal(64L, result.Inputs.Single(i => i.OnnxName == "Features").Width);
        Assert.Equal(3L, result.Outputs.Single(o => o.OnnxName == "Score").Width);
    }
}
