using System.Diagnostics;
using System.Text.Json;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Transforms.Onnx;

namespace Bench;

/// <summary>
/// Serving a network one row at a time: latency of MlNetDeep's ONNX path (ApplyOnnxModel's
/// OnnxPredictionEngine, ONNX Runtime) against PyTorch eager (net(x) on a one-row tensor under
/// no_grad, bench/pytorch/onnx_latency.py) with the same weights (written to a JSON file as a
/// state_dict). Two networks: the churn ANN (11-7-6-1, ReLU, sigmoid) and the Fashion-MNIST CNN
/// (conv 32, pool, conv 64, pool, dense 10, softmax on [1, 28, 28]). The table shows the median
/// microseconds per call after warm-up; the job also prints p99, the general prediction engine, a
/// bare OnnxSession.Run, and batch throughput (rows/s at batch 1024: ApplyOnnxModel over a data
/// view vs net(x[1024])).
/// </summary>
internal sealed class OnnxLatencyJob : IBenchJob
{
    private const int Rows = 1000, Batch = 1024;

    private readonly string _model;          // "churn" or "cnn" (the twin script's --model)
    private readonly long[] _rowShape;
    private readonly Func<Module> _network;
    private readonly int _calls, _warmup, _batches;

    private OnnxLatencyJob(string model, long[] rowShape, Func<Module> network, int calls, int warmup, int batches)
    {
        _model = model;
        _rowShape = rowShape;
        _network = network;
        _calls = calls;
        _warmup = warmup;
        _batches = batches;
    }

    /// <summary>The churn ANN: 20,000 calls after 2,000 warm-up, 40 batches.</summary>
    public static OnnxLatencyJob Churn() => new("churn", [11], () => new Sequential(
        new Linear(11, 7), new Activation(ActivationKind.Relu),
        new Linear(7, 6), new Activation(ActivationKind.Relu),
        new Linear(6, 1), new Activation(ActivationKind.Sigmoid)), 20_000, 2_000, 40);

    /// <summary>The Fashion-MNIST CNN: 4,000 calls after 400 warm-up, 4 batches.</summary>
    public static OnnxLatencyJob Cnn() => new("cnn", [1, 28, 28], () => new Sequential(
        new Conv2d(1, 32, 3), new Activation(ActivationKind.Relu), new MaxPool2d(2),
        new Conv2d(32, 64, 3), new Activation(ActivationKind.Relu), new MaxPool2d(2),
        new Flatten(), new Linear(64 * 5 * 5, 10), Activation.Softmax()), 4_000, 400, 4);

    private int RowSize => (int)_rowShape.Aggregate(1L, (a, b) => a * b);

    public string Name => _model == "churn" ? "churn ANN single-row predict (ONNX)" : "Fashion-MNIST CNN single-row predict (ONNX)";
    public string Unit => "µs/call";

    public sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    public sealed class ScalarPrediction
    {
        public float Score { get; set; }
    }

    public sealed class VectorPrediction
    {
        public float[] Score { get; set; } = [];
    }

    private float[] Inputs()
    {
        var rng = new Random(11);
        return Enumerable.Range(0, Rows * RowSize).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
    }

    // The network, its ONNX file and its weights as JSON (for PyTorch's load_state_dict), made once.
    private string Prepare(string workDir)
    {
        var onnx = Path.Combine(workDir, $"{_model}.onnx");
        if (File.Exists(onnx)) return onnx;
        Torch.ManualSeed(5);
        using var net = _network();
        net.Eval();
        ModuleExporter.Export(net, onnx, _rowShape, "Features", "Score");
        var weights = net.NamedParameters().ToDictionary(p => p.Name, p => new { shape = p.Tensor.Shape, data = p.Tensor.ToArray<float>() });
        File.WriteAllText(Path.Combine(workDir, $"{_model}_weights.json"), JsonSerializer.Serialize(weights));
        File.WriteAllBytes(Path.Combine(workDir, $"{_model}_x.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(Inputs().AsSpan()).ToArray());
        return onnx;
    }

    public IReadOnlyList<double> RunMlNetDeep(BenchOptions options, string workDir) =>
        _model == "churn"
            ? Measure<ScalarPrediction>(options, workDir, p => [p.Score])
            : Measure<VectorPrediction>(options, workDir, p => p.Score);

    private double[] Measure<TPrediction>(BenchOptions options, string workDir, Func<TPrediction, float[]> values) where TPrediction : class, new()
    {
        var onnx = Prepare(workDir);
        var x = Inputs();
        var rows = Enumerable.Range(0, Rows).Select(r => new Row { Features = x.AsSpan(r * RowSize, RowSize).ToArray() }).ToArray();
        var ml = new MLContext(1);
        var onnxOptions = new OnnxOptions { ModelFile = onnx, IntraOpNumThreads = options.Threads, InterOpNumThreads = 1, BatchSize = Batch };
        var model = ml.Transforms.ApplyOnnxModel(onnxOptions).Fit(ml.Data.LoadFromEnumerable(rows));

        // The single-row engine over the ONNX model (what the table reports)...
        var engine = ((OnnxTransformer)model).CreatePredictionEngine<Row, TPrediction>();
        var result = new TPrediction();
        for (int i = 0; i < _warmup; i++) engine.Predict(rows[i % Rows], ref result);
        var micros = new double[_calls];
        for (int i = 0; i < _calls; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            engine.Predict(rows[i % Rows], ref result);
            micros[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        First = Enumerable.Range(0, 16).SelectMany(i => values(engine.Predict(rows[i]))).Take(16).ToArray();

        // ...the general prediction engine over the same transformer (a data view per call)...
        using var general = ml.Model.CreatePredictionEngine<Row, TPrediction>(model);
        for (int i = 0; i < _warmup; i++) general.Predict(rows[i % Rows], ref result);
        var generalMicros = Time(_calls / 4, i => general.Predict(rows[i % Rows], ref result));
        Console.WriteLine($"  onnx-latency {_model}: ml.Model.CreatePredictionEngine over ApplyOnnxModel: median {Percentile(generalMicros, 0.5):F2} µs, p99 {Percentile(generalMicros, 0.99):F2} µs");

        // ...and the session alone (no pipeline): ONNX Runtime's own cost.
        using var session = OnnxSession.Open(onnx, new OnnxSessionOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 });
        var one = new Dictionary<string, OnnxTensor> { ["Features"] = OnnxTensor.Create(rows[0].Features, [1, .. _rowShape]) };
        for (int i = 0; i < _warmup; i++) session.Run(one);
        var sessionMicros = Time(_calls / 4, _ => session.Run(one));
        var batchInput = new Dictionary<string, OnnxTensor>
        {
            ["Features"] = OnnxTensor.Create(Enumerable.Range(0, Batch * RowSize).Select(i => x[i % x.Length]).ToArray(), [Batch, .. _rowShape]),
        };
        session.Run(batchInput);
        long b0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < _batches; i++) session.Run(batchInput);
        double sessionRowsPerSecond = Batch * _batches / Stopwatch.GetElapsedTime(b0).TotalSeconds;
        Console.WriteLine($"  onnx-latency {_model}: OnnxSession.Run alone: one row median {Percentile(sessionMicros, 0.5):F2} µs; batch {Batch}: {sessionRowsPerSecond:N0} rows/s");

        // Throughput: batches of 1024 rows through ApplyOnnxModel (one ONNX Runtime run per batch).
        var many = ml.Data.LoadFromEnumerable(Enumerable.Range(0, Batch * _batches).Select(i => rows[i % Rows]).ToArray());
        var scored = model.Transform(many);
        double rowsPerSecond = 0;
        for (int rep = 0; rep < 2; rep++) // the first pass warms up
        {
            long t0 = Stopwatch.GetTimestamp();
            using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
            while (cursor.MoveNext()) { }
            rowsPerSecond = Batch * _batches / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        // The same rows read without scoring: what the data view alone costs.
        double readRowsPerSecond = 0;
        for (int rep = 0; rep < 2; rep++)
        {
            long t0 = Stopwatch.GetTimestamp();
            using var cursor = many.GetRowCursor([many.Schema["Features"]]);
            var get = cursor.GetGetter<VBuffer<float>>(many.Schema["Features"]);
            var features = default(VBuffer<float>);
            while (cursor.MoveNext()) get(ref features);
            readRowsPerSecond = Batch * _batches / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        Console.WriteLine($"  onnx-latency {_model}: the input data view read alone: {readRowsPerSecond:N0} rows/s");
        Console.WriteLine($"  onnx-latency {_model}: MlNetDeep (ONNX Runtime, OnnxPredictionEngine): median {Percentile(micros, 0.5):F2} µs, p99 {Percentile(micros, 0.99):F2} µs; " +
                          $"batch {Batch}: {rowsPerSecond:N0} rows/s through ApplyOnnxModel");
        return micros;
    }

    private static double[] Time(int calls, Action<int> call)
    {
        var micros = new double[calls];
        for (int i = 0; i < calls; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            call(i);
            micros[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        return micros;
    }

    private float[] First { get; set; } = [];

    public PeerResult RunPeer(BenchOptions options, string workDir)
    {
        Prepare(workDir);
        var r = Peer.Run("onnx_latency.py", "--model", _model, "--data", workDir, "--rows", Rows.ToString(), "--calls", _calls.ToString(),
            "--warmup", _warmup.ToString(), "--batch", Batch.ToString(), "--batches", _batches.ToString(), "--threads", options.Threads.ToString());
        var micros = r.GetProperty("latency_us").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var first = r.GetProperty("first").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // The same weights and rows: PyTorch's first outputs must equal ours (once ours ran).
        string check = First.Length > 0 ? $"; max |ours - PyTorch| over the first 16 outputs {first.Select((v, i) => Math.Abs(v - First[i])).Max():E1}" : "";
        Console.WriteLine($"  onnx-latency {_model}: PyTorch eager (net(x), one row, no_grad): median {Percentile(micros, 0.5):F2} µs, p99 {Percentile(micros, 0.99):F2} µs; " +
                          $"batch {Batch}: {r.GetProperty("batch_rows_per_s").GetDouble():N0} rows/s{check}");
        return new PeerResult("PyTorch " + r.GetProperty("torch").GetString(), micros, r.GetProperty("peak_rss_mb").GetDouble());
    }

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }
}
