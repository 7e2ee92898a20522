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
/// Serving the churn ANN (11-7-6-1, ReLU, sigmoid): single-row prediction latency through
/// MlNetDeep's ONNX path (ApplyOnnxModel's OnnxPredictionEngine, ONNX Runtime; the general
/// PredictionEngine over the same transformer is printed too) against PyTorch eager
/// (net(x) on a [1, 11] tensor under no_grad, bench/pytorch/onnx_latency.py) with the same weights
/// (written to a JSON file). The table shows the median microseconds per call over
/// <see cref="Calls"/> calls after <see cref="Warmup"/> warm-up calls; the job also prints p99 and
/// batch throughput (rows/s, batch 1024: ApplyOnnxModel over a data view vs net(x[1024])).
/// </summary>
internal sealed class OnnxLatencyJob : IBenchJob
{
    private const int FeatureCount = 11, Rows = 1000, Calls = 20_000, Warmup = 2_000, Batch = 1024, Batches = 40;

    public string Name => "churn ANN single-row predict (ONNX)";
    public string Unit => "µs/call";

    public sealed class Row
    {
        [VectorType(FeatureCount)] public float[] Features { get; set; } = [];
    }

    public sealed class Prediction
    {
        public float Score { get; set; }
    }

    private static float[] Inputs()
    {
        var rng = new Random(11);
        return Enumerable.Range(0, Rows * FeatureCount).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
    }

    // The network, its ONNX file and its weights as JSON (for PyTorch's load_state_dict), made once.
    private static string Prepare(string workDir)
    {
        var onnx = Path.Combine(workDir, "churn_ann.onnx");
        if (File.Exists(onnx)) return onnx;
        Torch.ManualSeed(5);
        using var net = new Sequential(
            new Linear(FeatureCount, 7), new Activation(ActivationKind.Relu),
            new Linear(7, 6), new Activation(ActivationKind.Relu),
            new Linear(6, 1), new Activation(ActivationKind.Sigmoid));
        net.Eval();
        ModuleExporter.Export(net, onnx, new long[] { FeatureCount }, "Features", "Score");
        var weights = net.NamedParameters().ToDictionary(p => p.Name, p => new { shape = p.Tensor.Shape, data = p.Tensor.ToArray<float>() });
        File.WriteAllText(Path.Combine(workDir, "churn_ann_weights.json"), JsonSerializer.Serialize(weights));
        File.WriteAllBytes(Path.Combine(workDir, "churn_ann_x.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(Inputs().AsSpan()).ToArray());
        return onnx;
    }

    public IReadOnlyList<double> RunMlNetDeep(BenchOptions options, string workDir)
    {
        var onnx = Prepare(workDir);
        var x = Inputs();
        var rows = Enumerable.Range(0, Rows).Select(r => new Row { Features = x.AsSpan(r * FeatureCount, FeatureCount).ToArray() }).ToArray();
        var ml = new MLContext(1);
        var onnxOptions = new OnnxOptions { ModelFile = onnx, IntraOpNumThreads = options.Threads, InterOpNumThreads = 1, BatchSize = Batch };
        var model = ml.Transforms.ApplyOnnxModel(onnxOptions).Fit(ml.Data.LoadFromEnumerable(rows));

        // The single-row engine over the ONNX model (what the table reports)...
        var engine = ((OnnxTransformer)model).CreatePredictionEngine<Row, Prediction>();
        var result = new Prediction();
        for (int i = 0; i < Warmup; i++) engine.Predict(rows[i % Rows], ref result);
        var micros = new double[Calls];
        for (int i = 0; i < Calls; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            engine.Predict(rows[i % Rows], ref result);
            micros[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        for (int i = 0; i < First.Length; i++) { engine.Predict(rows[i], ref result); First[i] = result.Score; }

        // ...and the general prediction engine over the same transformer (a data view per call).
        using var general = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        for (int i = 0; i < Warmup; i++) general.Predict(rows[i % Rows], ref result);
        var generalMicros = new double[Calls / 4];
        for (int i = 0; i < generalMicros.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            general.Predict(rows[i % Rows], ref result);
            generalMicros[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        Console.WriteLine($"  onnx-latency ml.Model.CreatePredictionEngine over ApplyOnnxModel: median {Percentile(generalMicros, 0.5):F2} µs, p99 {Percentile(generalMicros, 0.99):F2} µs");

        // Throughput: Batches x 1024 rows through ApplyOnnxModel (one ONNX Runtime run per 1024 rows).
        var many = ml.Data.LoadFromEnumerable(Enumerable.Range(0, Batch * Batches).Select(i => rows[i % Rows]).ToArray());
        var scored = model.Transform(many);
        double sum = 0;
        for (int rep = 0; rep < 2; rep++) // the first pass warms up
        {
            long t0 = Stopwatch.GetTimestamp();
            using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
            var get = cursor.GetGetter<float>(scored.Schema["Score"]);
            float s = 0;
            while (cursor.MoveNext()) { get(ref s); sum += s; }
            RowsPerSecond = Batch * Batches / Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        // The session alone (no pipeline): what the engine's own overhead is measured against.
        using var session = OnnxSession.Open(onnx, new OnnxSessionOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 });
        var one = new Dictionary<string, OnnxTensor> { ["Features"] = OnnxTensor.Create(rows[0].Features, 1, FeatureCount) };
        var sessionMicros = new double[Calls / 4];
        for (int i = 0; i < Warmup; i++) session.Run(one);
        for (int i = 0; i < sessionMicros.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            session.Run(one);
            sessionMicros[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        var batchInput = new Dictionary<string, OnnxTensor> { ["Features"] = OnnxTensor.Create(Enumerable.Range(0, Batch * FeatureCount).Select(i => x[i % x.Length]).ToArray(), Batch, FeatureCount) };
        session.Run(batchInput);
        long b0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < Batches; i++) session.Run(batchInput);
        double sessionRowsPerSecond = Batch * Batches / Stopwatch.GetElapsedTime(b0).TotalSeconds;
        Console.WriteLine($"  onnx-latency OnnxSession.Run alone: [1, {FeatureCount}] median {Percentile(sessionMicros, 0.5):F2} µs; [{Batch}, {FeatureCount}] {sessionRowsPerSecond:N0} rows/s");
        Console.WriteLine($"  onnx-latency MlNetDeep (ONNX Runtime, OnnxPredictionEngine): median {Percentile(micros, 0.5):F2} µs, p99 {Percentile(micros, 0.99):F2} µs; " +
                          $"batch {Batch}: {RowsPerSecond:N0} rows/s through ApplyOnnxModel");
        return micros;
    }

    private double RowsPerSecond { get; set; }
    private float[] First { get; } = new float[16];

    public PeerResult RunPeer(BenchOptions options, string workDir)
    {
        Prepare(workDir);
        var r = Peer.Run("onnx_latency.py", "--data", workDir, "--rows", Rows.ToString(), "--calls", Calls.ToString(), "--warmup", Warmup.ToString(),
            "--batch", Batch.ToString(), "--batches", Batches.ToString(), "--threads", options.Threads.ToString());
        var micros = r.GetProperty("latency_us").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var first = r.GetProperty("first").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // The same weights and rows: PyTorch's first predictions must equal ours (once ours ran).
        string check = First.Any(v => v != 0) ? $"; max |ours - PyTorch| over 16 rows {first.Select((v, i) => Math.Abs(v - First[i])).Max():E1}" : "";
        Console.WriteLine($"  onnx-latency PyTorch eager (net(x), [1, 11], no_grad): median {Percentile(micros, 0.5):F2} µs, p99 {Percentile(micros, 0.99):F2} µs; " +
                          $"batch {Batch}: {r.GetProperty("batch_rows_per_s").GetDouble():N0} rows/s{check}");
        return new PeerResult("PyTorch " + r.GetProperty("torch").GetString(), micros, r.GetProperty("peak_rss_mb").GetDouble());
    }

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }
}
