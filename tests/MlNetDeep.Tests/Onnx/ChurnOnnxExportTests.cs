using MlNetDeep.Onnx;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using static MlNetDeep.Tests.ChurnPipelineTests;

namespace MlNetDeep.Tests.Onnx;

/// <summary>The churn feature chain exported to ONNX equals the pipeline on the 2,000 held-out rows.</summary>
public class ChurnOnnxExportTests
{
    private static readonly string[] Numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];

    [Fact]
    public void Churn_feature_chain_exports_and_matches_the_pipeline_on_held_out_rows()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        var train = ml.Data.TakeRows(data, 8000);
        var heldOut = ml.Data.SkipRows(data, 8000);
        var model = ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
            .Append(ml.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
            .Append(ml.Transforms.Concatenate("Features", [.. Numeric, "Geography", "Gender"]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Fit(train);

        Assert.True(ml.Model.CanConvertToOnnx(model, heldOut, out var problems), string.Join("; ", problems));
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "churn_features");

        // Inputs: the raw columns the chain reads, in file order (dropped ids and the label are not inputs).
        Assert.Equal(["CreditScore", "Geography", "Gender", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"],
            result.Inputs.Select(i => i.OnnxName));
        Assert.Equal(OnnxDataType.String, result.Inputs[1].DataType);
        Assert.All(result.Inputs, i => Assert.Equal(1L, i.Width));
        // Outputs: the encoded categories (their names are taken by inputs) and the 11 standardized features.
        Assert.Equal(["Geography.output", "Gender.output", "Features"], result.Outputs.Select(o => o.OnnxName));
        Assert.Equal([2L, 1L, 11L], result.Outputs.Select(o => o.Width));

        // Only Features, as a serving graph would ask for.
        using var s = new MemoryStream();
        var featuresOnly = ml.Model.ConvertToOnnx(model, heldOut, s, outputColumnNames: ["Features"]);
        Assert.Equal("Features", Assert.Single(featuresOnly.Outputs).OnnxName);
        var rows = TestData.Vectors(model.Transform(heldOut), "Features");
        var onnx = PipelineExportHarness.Run(s.ToArray(), heldOut, featuresOnly)["Features"].ToArray<float>();
        Assert.Equal(2000 * 11, onnx.Length);
        TestData.AssertClose(rows.SelectMany(r => r.Select(v => (double)v)).ToArray(), onnx.Select(v => (double)v).ToArray(), rtol: 0, atol: 1e-5, what: "Features");
    }
}
