using MlNetDeep.Onnx;
using MlNetDeep.Transforms.Onnx;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// Serving an exported network through ApplyOnnxModel: a prediction engine gives the batch scores
/// row by row, and a pooled engine under 8 threads x 500 predictions gives exactly the
/// single-threaded results.
/// </summary>
public sealed class OnnxServingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlnetdeep-onnx-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Prediction_engine_scores_single_rows_like_the_network()
    {
        var (net, path) = ApplyOnnxModelTests.ChurnModel(_dir);
        using (net)
        {
            var ml = new MLContext(1);
            var customers = ApplyOnnxModelTests.Customers(40, 21);
            var model = ml.Transforms.ApplyOnnxModel("Score", "Features", path).Fit(ml.Data.LoadFromEnumerable(customers));
            using var engine = ml.Model.CreatePredictionEngine<ApplyOnnxModelTests.Customer, ApplyOnnxModelTests.CustomerScore>(model);
            var expected = ApplyOnnxModelTests.Forward(net, customers);
            var result = new ApplyOnnxModelTests.CustomerScore();
            for (int i = 0; i < customers.Count; i++)
            {
                engine.Predict(customers[i], ref result);
                Assert.Equal(i, result.Id);
                Assert.True(Math.Abs(expected[i] - result.Score) <= 1e-5, $"row {i}: {result.Score:R} vs {expected[i]:R}");
            }
        }
    }

    public sealed class ScoreVector
    {
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void Onnx_prediction_engine_equals_the_general_engine_and_the_network()
    {
        var (net, path) = ApplyOnnxModelTests.ChurnModel(_dir);
        using (net)
        {
            var ml = new MLContext(1);
            var customers = ApplyOnnxModelTests.Customers(60, 8);
            var model = ml.Transforms.ApplyOnnxModel("Score", "Features", path).Fit(ml.Data.LoadFromEnumerable(customers));
            using var general = ml.Model.CreatePredictionEngine<ApplyOnnxModelTests.Customer, ApplyOnnxModelTests.CustomerScore>(model);
            var fast = model.CreatePredictionEngine<ApplyOnnxModelTests.Customer, ApplyOnnxModelTests.CustomerScore>();
            var expected = ApplyOnnxModelTests.Forward(net, customers);
            var reused = new ApplyOnnxModelTests.CustomerScore();
            for (int i = 0; i < customers.Count; i++)
            {
                fast.Predict(customers[i], ref reused);
                Assert.Equal(general.Predict(customers[i]).Score, reused.Score);
                Assert.True(Math.Abs(expected[i] - reused.Score) <= 1e-5, $"row {i}: {reused.Score:R} vs {expected[i]:R}");
                Assert.Equal(0, reused.Id); // not an output: left alone
            }
            var e = Assert.Throws<ArgumentException>(() => model.CreatePredictionEngine<ApplyOnnxModelTests.Customer, ScoreVector>());
            Assert.Contains("ScoreVector.Score receives ONNX output 'Score: Float [batch, 1]'. Expected a member of type Single. Received: Single[]", e.Message);
            var wrong = new ApplyOnnxModelTests.Customer { Features = new float[10] };
            var w = Assert.Throws<ArgumentException>(() => fast.Predict(wrong));
            Assert.Contains("Customer.Features has 10 values; ONNX input 'Features' (shape [batch, 11]) expects 11.", w.Message);
        }
    }

    public sealed class ClassProbabilities
    {
        public float[] Probabilities { get; set; } = [];
    }

    [Fact]
    public void Onnx_prediction_engine_serves_vector_outputs_and_variable_lengths()
    {
        var c = OnnxTestModels.Get("lstm_classifier");
        using var net = OnnxTestModels.Create(c);
        var path = Path.Combine(_dir, "lstm.onnx");
        ModuleExporter.Export(net, path, c.InputShape, "Tokens", "Probabilities");
        var ml = new MLContext(1);
        var rng = new Random(9);
        var rows = new[] { 4, 4, 1, 6 }.Select(l => new ApplyOnnxModelTests.Sequence
        {
            Tokens = Enumerable.Range(0, l * 8).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray(),
        }).ToList();
        var model = ml.Transforms.ApplyOnnxModel(path).Fit(ml.Data.LoadFromEnumerable(rows));
        var engine = model.CreatePredictionEngine<ApplyOnnxModelTests.Sequence, ClassProbabilities>();
        foreach (var row in rows)
        {
            var actual = engine.Predict(row).Probabilities;
            float[] expected;
            using (TorchApi.NewDisposeScope())
            using (TorchApi.NoGrad())
                expected = net.Forward(TorchApi.Tensor(row.Tokens, new long[] { 1, row.Tokens.Length / 8, 8 })).ToArray<float>();
            Assert.Equal(3, actual.Length);
            for (int k = 0; k < 3; k++)
                Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-5, $"length {row.Tokens.Length / 8}, class {k}: {actual[k]:R} vs {expected[k]:R}");
        }
    }

    [Fact]
    public void Pooled_engine_under_concurrent_load_equals_single_threaded_scoring()
    {
        var (net, path) = ApplyOnnxModelTests.ChurnModel(_dir);
        net.Dispose();
        var ml = new MLContext(1);
        var customers = ApplyOnnxModelTests.Customers(500, 33);
        var model = ml.Transforms.ApplyOnnxModel(new OnnxOptions { ModelFile = path, IntraOpNumThreads = 1 })
            .Fit(ml.Data.LoadFromEnumerable(customers));
        float[] single;
        using (var engine = ml.Model.CreatePredictionEngine<ApplyOnnxModelTests.Customer, ApplyOnnxModelTests.CustomerScore>(model))
            single = customers.Select(c => engine.Predict(c).Score).ToArray();
        var pool = ml.Model.CreatePredictionEnginePool<ApplyOnnxModelTests.Customer, ApplyOnnxModelTests.CustomerScore>(model);
        const int Threads = 8;
        var results = new float[Threads][];
        var ids = new int[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            results[t] = new float[customers.Count];
            ids[t] = new int[customers.Count];
            start.SignalAndWait();
            // Each thread walks the rows from its own offset so that different rows run at once.
            for (int k = 0; k < customers.Count; k++)
            {
                int i = (k + t * 61) % customers.Count;
                var p = pool.Predict(customers[i]);
                results[t][i] = p.Score;
                ids[t][i] = p.Id;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (int t = 0; t < Threads; t++)
        {
            Assert.Equal(single, results[t]);
            Assert.Equal(Enumerable.Range(0, customers.Count), ids[t]);
        }
        Assert.True(pool.EnginesCreated >= 1);
    }
}
