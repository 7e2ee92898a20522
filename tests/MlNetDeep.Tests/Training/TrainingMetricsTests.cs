using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Training;

/// <summary>The metric each task reports, checked against hand counts with fixed weights (learning rate 0).</summary>
[Collection("Training")]
public class TrainingMetricsTests
{
    [Fact]
    public void ProbabilityOutputsAreThresholdedAtOneHalfAndLogitsAtZero()
    {
        // Outputs 0.4·x: x = [1, 2, -1, -2, 0.5] → 0.4, 0.8, -0.4, -0.8, 0.2.
        using var x = TorchApi.Tensor(new float[] { 1, 2, -1, -2, 0.5f }, new long[] { 5, 1 });
        using var y = TorchApi.Tensor(new float[] { 1, 1, 0, 1, 0 }, new long[] { 5, 1 });
        using var net = new Linear(1, 1);
        TrainingData.Set(net, "weight", 0.4f);
        TrainingData.Set(net, "bias", 0f);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 2, Shuffle = false, Verbosity = Verbosity.Silent, Optimizer = p => new SGD(p, 0) };

        // As logits: positive when > 0 → predictions 1, 1, 0, 0, 1 → 3 of 5 right.
        using var logits = new BCEWithLogitsLoss();
        options.Loss = logits;
        Assert.Equal(0.6, TrainingLoop.Fit(net, x, y, options)["accuracy"][0], 12);

        // As probabilities (the task says so): positive when > 0.5 → 0, 1, 0, 0, 0 → 3 of 5 right, but a different set.
        options.Task = TrainingTask.BinaryProbabilities;
        Assert.Equal(0.6, TrainingLoop.Fit(net, x, y, options)["accuracy"][0], 12);
        using var y2 = TorchApi.Tensor(new float[] { 0, 1, 0, 0, 0 }, new long[] { 5, 1 });
        Assert.Equal(1.0, TrainingLoop.Fit(net, x, y2, options)["accuracy"][0], 12);
        options.Task = null;
        Assert.Equal(0.6, TrainingLoop.Fit(net, x, y2, options)["accuracy"][0], 12); // logits: 1, 1, 0, 0, 1
    }

    [Fact]
    public void OneHotTargetsAreScoredByArgMax()
    {
        // logits = [x0, x1]
        using var x = TorchApi.Tensor(new float[] { 2, 1, 0, 3, 1, 0, 0, 1 }, new long[] { 4, 2 });
        using var y = TorchApi.Tensor(new float[] { 1, 0, 0, 1, 0, 1, 0, 1 }, new long[] { 4, 2 }); // classes 0, 1, 1, 1
        using var net = new Linear(2, 2, bias: false);
        TrainingData.Set(net, "weight", 1, 0, 0, 1);
        using var loss = new CategoricalCrossEntropy(fromLogits: true);
        var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
        {
            Loss = loss, Epochs = 1, BatchSize = 3, Shuffle = false, Verbosity = Verbosity.Silent, Optimizer = p => new SGD(p, 0),
        }, x, y);
        Assert.Equal(0.75, history["accuracy"][0], 12); // predicted 0, 1, 0, 1
        Assert.Equal(0.75, history["val_accuracy"][0], 12);
        static double Ce(double a, double b, int label) => Math.Log(Math.Exp(a) + Math.Exp(b)) - (label == 0 ? a : b);
        var expected = (Ce(2, 1, 0) + Ce(0, 3, 1) + Ce(1, 0, 1) + Ce(0, 1, 1)) / 4;
        Assert.Equal(expected, history["loss"][0], 5);
        Assert.Equal(expected, history["val_loss"][0], 5);
    }

    [Fact]
    public void ThousandsOfStepsKeepResidentMemoryFlat()
    {
        var (x, y) = TrainingData.Binary(2000);
        using (x) using (y)
        using (var loss = new BCEWithLogitsLoss())
        {
            TorchApi.ManualSeed(5);
            using var net = new Sequential(new Linear(4, 16), new Activation(ActivationKind.Relu), new Linear(16, 1));
            // Measured inside the fit, at epoch ends, so that tensors leaking into the fit's own scope count too.
            var resident = new List<long>();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 12, BatchSize = 10, ValidationFraction = 0.1, L2 = 1e-4, ClipNorm = 1, Verbosity = Verbosity.Silent,
                Callbacks =
                {
                    new LambdaCallback(onEpochEnd: (_, _, _) =>
                    {
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        resident.Add(ResidentBytes());
                    }),
                },
            });
            Assert.Equal(12 * 180, history.StepCount);
            var growth = resident[^1] - resident[1]; // after warm-up (allocator pools, JIT)
            // Every step creates a few dozen native tensors (loss, penalty, metric, norms); keeping them would cost far more.
            Assert.True(growth < 16L * 1024 * 1024, $"Resident memory grew by {growth / (1024.0 * 1024):F1} MiB over {10 * 180} steps");
        }
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        throw new InvalidOperationException("VmRSS not found");
    }
}
