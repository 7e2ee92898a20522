using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

namespace Bench;

/// <summary>
/// The churn-sized MLP (11-11-7-6-1, ReLU, sigmoid output, BCE, Adam 0.01, batch 10) trained
/// on 8,000 rows of 11 standardized features, as the course trains the bank-churn ANN. The
/// data are generated once (seeded) and written to raw files so PyTorch trains on the same
/// values; time per epoch does not depend on them.
/// </summary>
internal sealed class ChurnMlpJob : IBenchJob
{
    private const int Rows = 8000, Features = 11, Batch = 10;

    public string Name => "churn MLP epoch (batch 10, Adam)";
    public string Unit => "s/epoch";

    private static (float[] X, float[] Y) Data()
    {
        var rng = new Random(7);
        var x = new float[Rows * Features];
        var y = new float[Rows];
        var w = Enumerable.Range(0, Features).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        for (int r = 0; r < Rows; r++)
        {
            double z = -1.4;
            for (int f = 0; f < Features; f++)
            {
                // Box-Muller: standard normal features, as after standardization.
                var v = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                x[r * Features + f] = (float)v;
                z += w[f] * v;
            }
            y[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1f : 0f;
        }
        return (x, y);
    }

    private static void Write(string workDir)
    {
        if (File.Exists(Path.Combine(workDir, "y.f32"))) return;
        var (x, y) = Data();
        File.WriteAllBytes(Path.Combine(workDir, "x.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(workDir, "y.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(y.AsSpan()).ToArray());
    }

    public IReadOnlyList<double> RunMlNetDeep(BenchOptions options, string workDir)
    {
        Write(workDir);
        var (xData, yData) = Data();
        Torch.NumThreads = options.Threads;
        Torch.ManualSeed(1);
        using var x = Torch.Tensor(xData, new long[] { Rows, Features });
        using var y = Torch.Tensor(yData, new long[] { Rows, 1 });
        using var net = new Sequential(
            new Linear(Features, 11), new Activation(ActivationKind.Relu),
            new Linear(11, 7), new Activation(ActivationKind.Relu),
            new Linear(7, 6), new Activation(ActivationKind.Relu),
            new Linear(6, 1), new Activation(ActivationKind.Sigmoid));
        using var lossFn = new BCELoss();
        using var optimizer = new Adam(net.Parameters(), lr: 0.01);

        var seconds = new List<double>();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            using (Torch.NewDisposeScope())
            {
                var perm = Torch.Randperm(Rows);
                var xs = x.IndexSelect(0, perm);
                var ys = y.IndexSelect(0, perm);
                double total = 0;
                for (int i = 0; i < Rows; i += Batch)
                {
                    using var step = Torch.NewDisposeScope();
                    var n = Math.Min(Batch, Rows - i);
                    var loss = lossFn.Compute(net.Forward(xs.Narrow(0, i, n)), ys.Narrow(0, i, n));
                    optimizer.ZeroGrad();
                    loss.Backward();
                    optimizer.Step();
                    total += loss.Item();
                }
                LastLoss = total / ((Rows + Batch - 1) / Batch);
            }
            seconds.Add(sw.Elapsed.TotalSeconds);
        }
        return seconds;
    }

    public double LastLoss { get; private set; }

    public PeerResult RunPeer(BenchOptions options, string workDir)
    {
        Write(workDir);
        var r = Peer.Run("churn_mlp.py", "--data", workDir, "--rows", Rows.ToString(), "--features", Features.ToString(),
            "--epochs", options.Epochs.ToString(), "--batch", Batch.ToString(), "--threads", options.Threads.ToString());
        return new PeerResult("PyTorch " + r.GetProperty("torch").GetString(),
            r.GetProperty("epoch_seconds").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            r.GetProperty("peak_rss_mb").GetDouble());
    }
}
