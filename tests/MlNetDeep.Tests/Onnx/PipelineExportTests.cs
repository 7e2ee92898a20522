using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// ml.Model.ConvertToOnnx of fitted pipelines: each supported transform and the churn feature chain
/// run through ONNX Runtime on held-out rows equal the pipeline's Transform to 1e-5 (absolute), and
/// every file passes check_onnx.py; CanConvertToOnnx names the steps that cannot be exported.
/// </summary>
public class PipelineExportTests
{
    public sealed class Row
    {
        [VectorType(3)] public float[] V { get; set; } = [];
        public double D { get; set; }
        public float X { get; set; }
        public string Color { get; set; } = "";
        [VectorType(2)] public string[] Tags { get; set; } = [];
        public bool Flag { get; set; }
    }

    // Training rows: slot 2 of V is constant (a slot without information), V is positive (log modes).
    private static readonly Row[] Train =
    [
        new() { V = [1f, 10f, 5f], D = 2.5, X = 3f, Color = "red", Tags = ["a", "b"], Flag = true },
        new() { V = [2f, 30f, 5f], D = -1.0, X = 7f, Color = "green", Tags = ["b", "b"], Flag = false },
        new() { V = [4f, 20f, 5f], D = 4.0, X = 3f, Color = "blue", Tags = ["c", "a"], Flag = true },
        new() { V = [8f, 50f, 5f], D = 0.5, X = 9f, Color = "red", Tags = ["a", "c"], Flag = false },
        new() { V = [3f, 40f, 5f], D = 1.5, X = 7f, Color = "green", Tags = ["c", "c"], Flag = true },
    ];

    // Held-out rows: values outside the fitted range, ≤ 0 (log modes → 0), an unseen color, tag and number.
    private static readonly Row[] HeldOut =
    [
        new() { V = [0.5f, 60f, 6f], D = 10.0, X = 9f, Color = "blue", Tags = ["b", "a"], Flag = false },
        new() { V = [-2f, 0f, 4f], D = -3.0, X = 5f, Color = "purple", Tags = ["zzz", "c"], Flag = true },
        new() { V = [16f, 25f, 5f], D = 0.0, X = 3f, Color = "green", Tags = ["a", "a"], Flag = true },
    ];

    private static (MLContext Ml, IDataView Train, IDataView HeldOut) Data()
    {
        var ml = new MLContext(seed: 1);
        return (ml, ml.Data.LoadFromEnumerable(Train), ml.Data.LoadFromEnumerable(HeldOut));
    }

    [Fact]
    public void Normalizers_of_every_mode_export_and_match_the_pipeline()
    {
        var (ml, train, heldOut) = Data();
        var model = ml.Transforms.NormalizeMinMax("MinMaxFixZero", "V")
            .Append(ml.Transforms.NormalizeMinMax("MinMax", "V", fixZero: false))
            .Append(ml.Transforms.NormalizeMeanVariance("MeanVarFixZero", "V"))
            .Append(ml.Transforms.NormalizeMeanVariance("MeanVar", "V", fixZero: false))
            .Append(ml.Transforms.NormalizeMeanVariance("MeanVarCdf", "V", useCdf: true))
            .Append(ml.Transforms.NormalizeLogMeanVariance("LogMeanVarCdf", "V"))
            .Append(ml.Transforms.NormalizeLogMeanVariance("LogMeanVar", "V", useCdf: false))
            .Append(ml.Transforms.NormalizeRobustScaling("Robust", "V"))
            .Append(ml.Transforms.NormalizeMeanVariance("DoubleScaled", "D", fixZero: false))
            .Append(ml.Transforms.NormalizeMinMax("ScalarScaled", "X"))
            .Fit(train);
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "normalizers");

        Assert.Equal(["V", "D", "X"], result.Inputs.Select(i => i.OnnxName));
        Assert.Equal([OnnxDataType.Float, OnnxDataType.Double, OnnxDataType.Float], result.Inputs.Select(i => i.DataType));
        Assert.Equal([3L, 1L, 1L], result.Inputs.Select(i => i.Width));
        Assert.Equal(10, result.Outputs.Count);
        Assert.Equal(OnnxDataType.Double, result.Outputs.Single(o => o.ColumnName == "DoubleScaled").DataType);
        Assert.Equal(13, result.OpsetVersion);
        Assert.Empty(result.SkippedSteps);
        // The held-out values the checks rely on: the constant slot and x <= 0 in the log modes give 0.
        var outputs = PipelineExportHarness.Run(Export(ml, model, heldOut, out var r), heldOut, r);
        var logMv = outputs["LogMeanVar"].ToArray<float>();
        Assert.Equal(0f, logMv[3]);   // x = -2
        Assert.Equal(0f, logMv[4]);   // x = 0
        Assert.Equal(0f, outputs["MeanVar"].ToArray<float>()[2]); // slot 2 was constant
    }

    [Fact]
    public void One_hot_encodings_of_text_numbers_and_booleans_export_with_unseen_values_as_zeros()
    {
        var (ml, train, heldOut) = Data();
        var model = ml.Transforms.Categorical.OneHotEncoding("ColorDropFirst", "Color", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true)
            .Append(ml.Transforms.Categorical.OneHotEncoding("ColorIndicator", "Color"))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ColorBinary", "Color", OneHotEncodingEstimator.OutputKind.Binary))
            .Append(ml.Transforms.Categorical.OneHotEncoding("ColorKey", "Color", OneHotEncodingEstimator.OutputKind.Key))
            .Append(ml.Transforms.Categorical.OneHotEncoding("TagsIndicator", "Tags"))
            .Append(ml.Transforms.Categorical.OneHotEncoding("TagsBag", "Tags", OneHotEncodingEstimator.OutputKind.Bag, dropFirst: true))
            .Append(ml.Transforms.Categorical.OneHotEncoding("XIndicator", "X"))
            .Append(ml.Transforms.Categorical.OneHotEncoding("FlagIndicator", "Flag"))
            .Fit(train);
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "onehot");
        Assert.Equal(["X", "Color", "Tags", "Flag"], result.Inputs.Select(i => i.OnnxName));
        Assert.Equal(OnnxDataType.String, result.Inputs.Single(i => i.ColumnName == "Color").DataType);
        Assert.Equal(OnnxDataType.Int64, result.Outputs.Single(o => o.ColumnName == "ColorKey").DataType);

        // Row 1 has the unseen color "purple", tag "zzz" and number 5: all zeros (key 0), as in the pipeline.
        var outputs = PipelineExportHarness.Run(Export(ml, model, heldOut, out var r), heldOut, r);
        Assert.Equal([0f, 0f], outputs["ColorDropFirst"].ToArray<float>().Skip(2).Take(2));
        Assert.Equal([0f, 0f, 0f], outputs["ColorIndicator"].ToArray<float>().Skip(3).Take(3));
        Assert.Equal(0L, outputs["ColorKey"].ToArray<long>()[1]);
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 1f], outputs["TagsIndicator"].ToArray<float>().Skip(6).Take(6));
        Assert.Equal([0f, 0f, 0f], outputs["XIndicator"].ToArray<float>().Skip(3).Take(3));
        // Known values: "blue" is key 3 (by occurrence) → indicator [0, 0, 1]; sorted drop-first drops "blue" → [0, 0].
        Assert.Equal([0f, 0f, 1f], outputs["ColorIndicator"].ToArray<float>().Take(3));
        Assert.Equal([0f, 0f], outputs["ColorDropFirst"].ToArray<float>().Take(2));
        Assert.Equal([1f, 0f], outputs["ColorDropFirst"].ToArray<float>().Skip(4).Take(2)); // green (sorted: blue, green, red)
    }

    public sealed class Category { public string C { get; set; } = ""; }

    [Fact]
    public void Empty_text_is_a_category_like_any_other()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Category { C = "" }, new Category { C = "x" }, new Category { C = "y z" } });
        var model = ml.Transforms.Categorical.OneHotEncoding("O", "C").Fit(data);
        var heldOut = ml.Data.LoadFromEnumerable(new[] { new Category { C = "y z" }, new Category { C = "" }, new Category { C = "y" } });
        PipelineExportHarness.AssertMatches(ml, model, heldOut, "empty_category");
        var outputs = PipelineExportHarness.Run(Export(ml, model, heldOut, out var r), heldOut, r);
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f, 0f, 0f, 0f], outputs["O"].ToArray<float>());
    }

    [Fact]
    public void Key_mapping_and_key_to_vector_export_separately()
    {
        var (ml, train, heldOut) = Data();
        var model = ml.Transforms.Conversion.MapValueToKey("ColorKey", "Color")
            .Append(ml.Transforms.Conversion.MapValueToKey("TagKeys", "Tags"))
            .Append(ml.Transforms.Conversion.MapValueToKey("DKey", "D"))
            .Append(ml.Transforms.Conversion.MapKeyToVector("ColorVector", "ColorKey"))
            .Append(ml.Transforms.Conversion.MapKeyToVector("TagCounts", "TagKeys", outputCountVector: true))
            .Append(ml.Transforms.Conversion.MapKeyToVector("TagVectors", "TagKeys"))
            .Fit(train);
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "keys");
        Assert.Equal(6, result.Outputs.Count);
        var outputs = PipelineExportHarness.Run(Export(ml, model, heldOut, out var r), heldOut, r);
        Assert.Equal([2L, 1L, 0L, 3L, 1L, 1L], outputs["TagKeys"].ToArray<long>()); // a=1 b=2 c=3, zzz unseen
        Assert.Equal([0f, 0f, 1f, 2f, 0f, 0f], outputs["TagCounts"].ToArray<float>().Skip(3).Take(3).Concat(outputs["TagCounts"].ToArray<float>().Skip(6)).ToArray());
    }

    [Fact]
    public void Column_steps_missing_values_and_conversions_export()
    {
        var ml = new MLContext(seed: 1);
        var rows = new[]
        {
            new Row { V = [1f, float.NaN, 5f], X = 2.7f, Flag = true, D = 1 },
            new Row { V = [3f, 4f, float.NaN], X = -3.9f, Flag = false, D = 2 },
            new Row { V = [float.NaN, 8f, 7f], X = float.NaN, Flag = true, D = 3 },
        };
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.ReplaceMissingValues("VMean", "V", MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(ml.Transforms.ReplaceMissingValues("VZero", "V"))
            .Append(ml.Transforms.IndicateMissingValues("VMissing", "V"))
            .Append(ml.Transforms.Conversion.ConvertType("XInt", "X", DataKind.Int32))
            .Append(ml.Transforms.Conversion.ConvertType("XLong", "X", DataKind.Int64))
            .Append(ml.Transforms.Conversion.ConvertType("FlagFloat", "Flag", DataKind.Single))
            .Append(ml.Transforms.Conversion.ConvertType("VMeanDouble", "VMean", DataKind.Double))
            .Append(ml.Transforms.Conversion.ConvertType("XBool", "X", DataKind.Boolean))
            .Append(ml.Transforms.CopyColumns("XCopy", "X"))
            .Append(ml.Transforms.Concatenate("All", "VMean", "FlagFloat", "XCopy"))
            .Append(ml.Transforms.DropColumns("VZero"))
            .Fit(data);
        var result = PipelineExportHarness.AssertMatches(ml, model, data, "columns");
        Assert.Equal(["VMean", "VMissing", "XInt", "XLong", "FlagFloat", "VMeanDouble", "XBool", "XCopy", "All"], result.Outputs.Select(o => o.ColumnName));
        Assert.Equal([3L, 3L, 1L, 1L, 1L, 3L, 1L, 1L, 5L], result.Outputs.Select(o => o.Width));
        var outputs = PipelineExportHarness.Run(Export(ml, model, data, out var r), data, r);
        Assert.Equal([1f, 6f, 5f, 3f, 4f, 6f, 2f, 8f, 7f], outputs["VMean"].ToArray<float>());
        Assert.Equal([2, -3, 0], outputs["XInt"].ToArray<int>()); // truncation, NaN → 0
        Assert.Equal([false, true, false, false, false, true, true, false, false], outputs["VMissing"].ToArray<bool>());

        // SelectColumns limits the outputs to the columns kept.
        var selected = ml.Transforms.Concatenate("All", "V", "X").Append(ml.Transforms.SelectColumns("All")).Fit(data);
        var sel = PipelineExportHarness.AssertMatches(ml, selected, data, "select");
        Assert.Equal(["All"], sel.Outputs.Select(o => o.OnnxName));
    }

    public sealed class In { public float X { get; set; } }
    public sealed class Out { public float Y { get; set; } }

    [Fact]
    public void Can_convert_lists_each_step_that_cannot_export_and_export_fails_naming_it()
    {
        var (ml, train, heldOut) = Data();
        var model = ml.Transforms.CustomMapping<In, Out>((i, o) => o.Y = 2 * i.X)
            .Append(ml.Transforms.Concatenate("F", "X", "Y"))
            .Append(ml.Transforms.NormalizeMinMax("G", "V"))
            .Append(ml.Transforms.NormalizeMinMax("F"))
            .Fit(train);

        Assert.False(ml.Model.CanConvertToOnnx(model, train, out var problems));
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("#0 CustomMappingTransformer: ", problems[0]);
        Assert.Contains("custom mapping", problems[0]);
        Assert.StartsWith("#1 ColumnConcatenatingTransformer: ", problems[1]);
        Assert.Contains("'Y' is made by step #0 CustomMappingTransformer", problems[1]);
        Assert.StartsWith("#3 NormalizingTransformer: ", problems[2]);
        Assert.Contains("'F' is made by step #1 ColumnConcatenatingTransformer", problems[2]);

        var e = Assert.Throws<OnnxExportException>(() => ml.Model.ConvertToOnnx(model, train, new MemoryStream()));
        Assert.Equal("#0 CustomMappingTransformer", e.Step);
        Assert.Contains("#0 CustomMappingTransformer", e.Message);
        Assert.Contains("#1 ColumnConcatenatingTransformer", e.Message);

        // The exportable tail (steps #1 to #3) takes Y, made by the skipped step, as a graph input.
        var afterSkipped = ((IEnumerable<ITransformer>)model).First().Transform(heldOut);
        var result = PipelineExportHarness.AssertMatches(ml, model, heldOut, "tail", exportableTailOnly: true, tailInput: afterSkipped);
        Assert.Equal(["V", "X", "Y"], result.Inputs.Select(i => i.ColumnName));
        Assert.Equal(["G", "F"], result.Outputs.Select(o => o.ColumnName));
        Assert.Equal(2L, result.Outputs[1].Width);
        Assert.StartsWith("#0 CustomMappingTransformer: ", Assert.Single(result.SkippedSteps));

        var exportable = ml.Transforms.NormalizeMinMax("G", "V").Fit(train);
        Assert.True(ml.Model.CanConvertToOnnx(exportable, train, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void Path_overload_writes_a_file_ONNX_Runtime_opens_and_writes_nothing_when_export_fails()
    {
        var (ml, train, heldOut) = Data();
        var model = ml.Transforms.Concatenate("F", "X", "V").Fit(train);
        using var file = new TestData.TempFile(extension: ".onnx");
        var result = ml.Model.ConvertToOnnx(model, train, file.Path);
        using (var session = MlNetDeep.Onnx.Runtime.OnnxSession.Open(file.Path))
        {
            Assert.Equal(["V", "X"], session.Inputs.Select(i => i.Name)); // input schema order
            Assert.Equal(["F"], session.Outputs.Select(o => o.Name));
        }
        var f = PipelineExportHarness.Run(File.ReadAllBytes(file.Path), heldOut, result)["F"].ToArray<float>();
        Assert.Equal([9f, 0.5f, 60f, 6f], f.Take(4));

        var custom = ml.Transforms.CustomMapping<In, Out>((i, o) => o.Y = i.X).Fit(train);
        using var none = new TestData.TempFile(extension: ".onnx");
        Assert.Throws<OnnxExportException>(() => ml.Model.ConvertToOnnx(custom, train, none.Path));
        Assert.False(File.Exists(none.Path));
    }

    public sealed class Sentence { public string Text { get; set; } = ""; }

    [Fact]
    public void Text_tokenization_is_reported_as_not_exportable_with_the_reason()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Sentence { Text = "a b c" }, new Sentence { Text = "b c d" } });
        var model = ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")
            .Append(ml.Transforms.Text.ProduceWordBags("Bag", "Tokens"))
            .Fit(data);
        Assert.False(ml.Model.CanConvertToOnnx(model, data, out var problems));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("#0 WordTokenizingTransformer: ", problems[0]);
        Assert.Contains("no word or character tokenizer", problems[0]);
        Assert.StartsWith("#1 ", problems[1]);
        Assert.Contains("the word bag splits text into words itself", problems[1]);
        var featurize = ml.Transforms.Text.FeaturizeText("Features", "Text").Fit(data);
        Assert.False(ml.Model.CanConvertToOnnx(featurize, data, out var p2));
        Assert.Contains("FeaturizeText tokenizes text", Assert.Single(p2));
    }

    private static byte[] Export(MLContext ml, ITransformer model, IDataView data, out OnnxExportResult result)
    {
        using var s = new MemoryStream();
        result = ml.Model.ConvertToOnnx(model, data, s);
        return s.ToArray();
    }
}
