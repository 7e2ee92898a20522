using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

namespace MlNetDeep.Torch.Tests.Training;

/// <summary>End-to-end properties of a plain training loop over the binding: flat memory, seeded determinism, learning.</summary>
public class TrainingLoopTests
{
    private static (Tensor X, Tensor Y) Data(int rows)
    {
        var rng = new Random(3);
        var x = new float[rows * 4];
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < 4; f++) x[r * 4 + f] = (float)(rng.NextDouble() * 2 - 1);
            y[r] = x[r * 4] + 0.5f * x[r * 4 + 1] - x[r * 4 + 2] * x[r * 4 + 3] > 0 ? 1 : 0;
        }
        return (Torch.Tensor(x, new long[] { rows, 4 }), Torch.Tensor(y, new long[] { rows, 1 }));
    }

    private static Sequential Net() => new(
        new Linear(4, 16), new Activation(ActivationKind.Relu),
        new Linear(16, 8), new Activation(ActivationKind.Relu),
        new Linear(8, 1));

    /// <summary>Trains for <paramref name="steps"/> mini-batch steps and returns the loss of each step.</summary>
    private static List<double> Train(Module net, Tensor x, Tensor y, int steps, int batch = 16)
    {
        using var lossFn = new BCEWithLogitsLoss();
        using var optimizer = new Adam(net.Parameters(), lr: 0.01);
        var losses = new List<double>(steps);
        long rows = x.Size(0);
        for (int s = 0; s < steps; s++)
        {
            using var scope = Torch.NewDisposeScope();
            long start = (s * (long)batch) % (rows - batch);
            var loss = lossFn.Compute(net.Forward(x.Narrow(0, start, batch)), y.Narrow(0, start, batch));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.Item());
        }
        return losses;
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        throw new InvalidOperationException("VmRSS not found");
    }

    [Fact]
    public void TenThousandStepsKeepResidentMemoryFlat()
    {
        var (x, y) = Data(2048);
        using (x)
        using (y)
        using (var net = Net())
        {
            Train(net, x, y, 500); // warm-up: allocator pools, JIT, optimizer state
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = ResidentBytes();
            Train(net, x, y, 10_000);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var growth = ResidentBytes() - before;
            // Each step creates about a dozen native tensors; leaking them would cost well over
            // 100 MB over 10,000 steps. A flat loop stays within allocator noise.
            Assert.True(growth < 40L * 1024 * 1024, $"Resident memory grew by {growth / (1024.0 * 1024):F1} MiB over 10,000 steps");
        }
    }

    [Fact]
    public void TemporariesOfAStepAreFreedByItsScope()
    {
        var (x, y) = Data(64);
        using (x)
        using (y)
        using (var net = Net())
        using (var lossFn = new BCEWithLogitsLoss())
        {
            Tensor output, loss;
            using (var scope = Torch.NewDisposeScope())
            {
                output = net.Forward(x);
                loss = lossFn.Compute(output, y);
                loss.Backward();
                Assert.True(scope.Count >= 2);
            }
            Assert.True(output.IsDisposed);
            Assert.True(loss.IsDisposed);
        }
    }

    [Fact]
    public void SameSeedGivesBitIdenticalWeightsAndLosses()
    {
        var (x, y) = Data(512);
        using (x)
        using (y)
        {
            (List<double> Losses, float[] Weights) Run(ulong seed)
            {
                Torch.ManualSeed(seed);
                using var net = Net();
                var losses = Train(net, x, y, 200);
                var weights = net.NamedParameters().SelectMany(p => { using (p.Tensor) return p.Tensor.ToArray<float>(); }).ToArray();
                return (losses, weights);
            }

            var a = Run(42);
            var b = Run(42);
            var c = Run(43);
            Assert.Equal(a.Losses, b.Losses);
            Assert.Equal(a.Weights, b.Weights);
            Assert.NotEqual(a.Weights, c.Weights);
        }
    }

    [Fact]
    public void TheLoopLearnsANonLinearRule()
    {
        Torch.ManualSeed(7);
        var (x, y) = Data(2048);
        using (x)
        using (y)
        using (var net = Net())
        {
            var losses = Train(net, x, y, 3000, batch: 32);
            Assert.True(losses.Take(5).Average() > 0.5, $"initial loss {losses.Take(5).Average():F3} should be near ln 2 = 0.693");
            Assert.True(losses.TakeLast(200).Average() < 0.25, $"final loss {losses.TakeLast(200).Average():F3} should be well below the start");
            using var scope = Torch.NewDisposeScope();
            using var noGrad = Torch.NoGrad();
            var accuracy = net.Forward(x).Gt(0).Eq(y.Gt(0.5)).To(ScalarType.Float32).Mean().Item();
            Assert.True(accuracy > 0.9, $"training accuracy {accuracy:F3}");
        }
    }
}
