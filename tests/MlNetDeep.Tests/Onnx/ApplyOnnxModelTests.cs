using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Tests.Support;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Transforms.Onnx;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// ml.Transforms.ApplyOnnxModel on networks exported by ModuleExporter: values equal the network's
/// own (libtorch) forward to 1e-5 across batch boundaries and variable lengths, schema errors name
/// the column and the ONNX input, and a saved pipeline reloads without the .onnx file.
/// </summary>
public sealed class ApplyOnnxModelTests : IDisposable
{
    public sealed class Customer
    {
        public int Id { get; set; }
        [VectorType(11)] public float[] Features { get; set; } = [];
    }

    public sealed class CustomerScore
    {
        public int Id { get; set; }
        public float Score { get; set; }
    }

    public sealed class Sequence
    {
        public float[] Tokens { get; set; } = [];
    }

    public sealed class Wide
    {
        [VectorType(10)] public float[] Features { get; set; } = [];
    }

    public sealed class Doubles
    {
        [VectorType(11)] public double[] Features { get; set; } = [];
    }

    private readonly string _dir = Directory.CreateTempSubdirectory("mlnetdeep-onnx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The churn-sized MLP (11-7-6-1, sigmoid) exported with input "Features" and output "Score".</summary>
    internal static (Module Net, string Path) ChurnModel(string dir)
    {
        var net = OnnxTestModels.Create(OnnxTestModels.Get("churn_mlp"));
        var path = Path.Combine(dir, "churn.onnx");
        ModuleExporter.Export(net, path, new long[] { 11 }, "Features", "Score");
        return (net, path);
    }

    internal static List<Customer> Customers(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new Customer
        {
            Id = i,
            Features = Enumerable.Range(0, 11).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray(),
        }).ToList();
    }

    internal static float[] Forward(Module net, IReadOnlyList<Customer> rows)
    {
        using var scope = TorchApi.NewDisposeScope();
        using var noGrad = TorchApi.NoGrad();
        var x = TorchApi.Tensor(rows.SelectMany(r => r.Features).ToArray(), new long[] { rows.Count, 11 });
        return net.Forward(x).ToArray<float>();
    }

    private static void AssertClose(float[] expected, IReadOnlyList<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= 1e-5))
                Assert.Fail($"{what}: row {i} is {actual[i]:R} from ONNX Runtime, {expected[i]:R} from MlNetDeep's forward");
    }

    [Theory]
    [InlineData(600, OnnxOptions.Defaults.BatchSize)] // two full batches and a partial one
    [InlineData(50, 7)]                                 // 7 full batches and a row
    [InlineData(1, 256)]
    public void Scores_equal_the_network_forward_across_batch_boundaries(int rows, int batchSize)
    {
        var (net, path) = ChurnModel(_dir);
        using (net)
        {
            var ml = new MLContext(1);
            var customers = Customers(rows, seed: rows);
            var data = ml.Data.LoadFromEnumerable(customers);
            var model = ml.Transforms.ApplyOnnxModel(new OnnxOptions
            {
                ModelFile = path, InputColumns = ["Features"], OutputColumns = ["Score"], BatchSize = batchSize,
            }).Fit(data);
            var scored = model.Transform(data);
            Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type); // [batch, 1] → a scalar column
            AssertClose(Forward(net, customers), TestData.Column<float>(scored, "Score"), $"{rows} rows, batch {batchSize}");
            // Input columns pass through in order, next to their scores.
            Assert.Equal(Enumerable.Range(0, rows), TestData.Column<int>(scored, "Id"));
        }
    }

    [Fact]
    public void Vector_outputs_keep_their_dimensions()
    {
        var c = OnnxTestModels.Get("cnn");
        using var net = OnnxTestModels.Create(c);
        var path = Path.Combine(_dir, "cnn.onnx");
        ModuleExporter.Export(net, path, c.InputShape, "Pixels", "Probabilities");
        var rng = new Random(3);
        var images = Enumerable.Range(0, 9).Select(_ => new Image { Pixels = Enumerable.Range(0, 784).Select(_ => (float)rng.NextDouble()).ToArray() }).ToList();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(images);
        var scored = ml.Transforms.ApplyOnnxModel("Probabilities", "Pixels", path).Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 10), scored.Schema["Probabilities"].Type);
        float[] expected;
        using (TorchApi.NewDisposeScope())
        using (TorchApi.NoGrad())
            expected = net.Forward(TorchApi.Tensor(images.SelectMany(i => i.Pixels).ToArray(), new long[] { 9, 1, 28, 28 })).ToArray<float>();
        AssertClose(expected, TestData.Vectors(scored, "Probabilities").SelectMany(v => v).ToArray(), "cnn");
    }

    public sealed class Image
    {
        [VectorType(784)] public float[] Pixels { get; set; } = [];
    }

    [Fact]
    public void Variable_length_rows_run_with_their_own_lengths()
    {
        var c = OnnxTestModels.Get("lstm_classifier");
        using var net = OnnxTestModels.Create(c);
        var path = Path.Combine(_dir, "lstm.onnx");
        ModuleExporter.Export(net, path, c.InputShape, "Tokens", "Probabilities");
        var rng = new Random(5);
        int[] lengths = [3, 3, 7, 2, 2, 2, 7, 3];
        var rows = lengths.Select(l => new Sequence { Tokens = Enumerable.Range(0, l * 8).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray() }).ToList();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var scored = ml.Transforms.ApplyOnnxModel(new OnnxOptions { ModelFile = path, BatchSize = 4 }).Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Probabilities"].Type);
        var actual = TestData.Vectors(scored, "Probabilities");
        for (int i = 0; i < rows.Count; i++)
        {
            using var scope = TorchApi.NewDisposeScope();
            using var noGrad = TorchApi.NoGrad();
            var expected = net.Forward(TorchApi.Tensor(rows[i].Tokens, new long[] { 1, lengths[i], 8 })).ToArray<float>();
            AssertClose(expected, actual[i], $"row {i} (length {lengths[i]})");
        }
    }

    [Fact]
    public void A_row_whose_length_fits_no_shape_is_named()
    {
        var c = OnnxTestModels.Get("lstm_classifier");
        using var net = OnnxTestModels.Create(c);
        var path = Path.Combine(_dir, "lstm.onnx");
        ModuleExporter.Export(net, path, c.InputShape, "Tokens", "Probabilities");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Sequence { Tokens = new float[16] }, new Sequence { Tokens = new float[13] } });
        var scored = ml.Transforms.ApplyOnnxModel(path).Fit(data).Transform(data);
        var e = Assert.Throws<InvalidOperationException>(() => TestData.Vectors(scored, "Probabilities"));
        Assert.Contains("row 1 of column 'Tokens' has 13 values", e.Message);
        Assert.Contains("a positive multiple of 8", e.Message);
    }

    [Fact]
    public void An_unknown_input_name_names_it_and_the_model_inputs()
    {
        var (net, path) = ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var e = Assert.Throws<ArgumentException>(() => ml.Transforms.ApplyOnnxModel("Score", "Featurs", path));
        Assert.Contains("no input 'Featurs'", e.Message);
        Assert.Contains("Features: Float [batch, 11]", e.Message);
        var o = Assert.Throws<ArgumentException>(() => ml.Transforms.ApplyOnnxModel("Scor", "Features", path));
        Assert.Contains("no output 'Scor'", o.Message);
    }

    [Fact]
    public void A_missing_column_is_named_at_fit()
    {
        var (net, path) = ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Sequence { Tokens = new float[11] } });
        var estimator = ml.Transforms.ApplyOnnxModel("Score", "Features", path);
        var e = Assert.ThrowsAny<ArgumentException>(() => estimator.Fit(data));
        Assert.Contains("input column 'Features' not found", e.Message);
        Assert.Contains("Tokens", e.Message);
        Assert.ThrowsAny<ArgumentException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
    }

    [Fact]
    public void A_wrong_element_type_names_column_input_and_both_types()
    {
        var (net, path) = ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Doubles { Features = new double[11] } });
        var estimator = ml.Transforms.ApplyOnnxModel("Score", "Features", path);
        var e = Assert.Throws<ArgumentException>(() => estimator.Fit(data));
        Assert.Contains("column 'Features' feeds ONNX input 'Features', which expects element type Float (shape [batch, 11])", e.Message);
        Assert.Contains("Received: column type Vector<Double, 11>", e.Message);
        var s = Assert.Throws<ArgumentException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
        Assert.Contains("expects element type Float", s.Message);
        Assert.Contains("Received: column of Double", s.Message);
    }

    [Fact]
    public void A_wrong_dimension_names_column_input_and_both_sizes()
    {
        var (net, path) = ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Wide { Features = new float[10] } });
        var e = Assert.Throws<ArgumentException>(() => ml.Transforms.ApplyOnnxModel("Score", "Features", path).Fit(data));
        Assert.Contains("column 'Features' feeds ONNX input 'Features', which expects 11 values per row (shape [batch, 11])", e.Message);
        Assert.Contains("Received: column type Vector<Single, 10> (10 values per row)", e.Message);
    }

    [Fact]
    public void Estimator_output_schema_describes_the_outputs()
    {
        var (net, path) = ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Customers(2, 1));
        var shape = ml.Transforms.ApplyOnnxModel("Score", "Features", path).GetOutputSchema(SchemaShape.Create(data.Schema));
        Assert.True(shape.TryFindColumn("Score", out var score));
        Assert.Equal(SchemaShape.VectorKind.Scalar, score.Kind);
        Assert.Equal(NumberDataViewType.Single, score.ItemType);
    }

    [Fact]
    public void A_saved_pipeline_reloads_without_the_onnx_file()
    {
        var (net, path) = ChurnModel(_dir);
        using (net)
        {
            var ml = new MLContext(1);
            var customers = Customers(300, 11);
            var data = ml.Data.LoadFromEnumerable(customers);
            var model = ml.Transforms.NormalizeMinMax("Scaled", "Features")
                .Append(ml.Transforms.CopyColumns("Raw", "Features"))
                .Append(ml.Transforms.ApplyOnnxModel(new OnnxOptions { ModelFile = path, BatchSize = 64, IntraOpNumThreads = 1 }))
                .Fit(data);
            var before = TestData.Column<float>(model.Transform(data), "Score");
            var zip = Path.Combine(_dir, "model.zip");
            ml.Model.Save(model, data.Schema, zip);
            File.Delete(path);
            var loaded = ml.Model.Load(zip, out var schema);
            var after = TestData.Column<float>(loaded.Transform(data), "Score");
            Assert.Equal(before, after);
            AssertClose(Forward(net, customers), after, "reloaded");
            var onnx = Assert.IsType<OnnxTransformer>(((TransformerChain<ITransformer>)loaded).Last());
            Assert.Equal(64, onnx.BatchSize);
            Assert.Equal(["Features"], onnx.InputColumnNames);
        }
    }

    [Fact]
    public void Cuda_without_cuda_support_fails_clearly_unless_falling_back()
    {
        var (net, path) = ChurnModel(_dir);
        using (net)
        {
            var ml = new MLContext(1);
            var e = Assert.Throws<OnnxRuntimeException>(() => ml.Transforms.ApplyOnnxModel("Score", "Features", path, gpuDeviceId: 0));
            Assert.Contains("CUDA", e.Message);
            var customers = Customers(20, 4);
            var data = ml.Data.LoadFromEnumerable(customers);
            var model = ml.Transforms.ApplyOnnxModel("Score", "Features", path, gpuDeviceId: 0, fallbackToCpu: true).Fit(data);
            Assert.True(model.RunsOnCpu);
            AssertClose(Forward(net, customers), TestData.Column<float>(model.Transform(data), "Score"), "fallback");
        }
    }
}
