using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Training;

/// <summary>Dead ReLUs, per-layer gradient norms and the vanishing-gradient warning.</summary>
[Collection("Training")]
public class DiagnosticsTests
{
    [Fact]
    public void DeadReluFractionIsOneForADeadLayerAndZeroForAHealthyOne()
    {
        var (x, _) = TrainingData.Binary(50);
        using (x)
        {
            TorchApi.ManualSeed(1);
            using var net = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 6), new Activation(ActivationKind.Relu));
            TrainingData.Set(net, "0.bias", Enumerable.Repeat(-100f, 8).ToArray());  // |w·x| ≤ 4·0.5 < 100: never positive
            TrainingData.Set(net, "2.bias", 100, 100, 100, -100, -100, -100);       // its input is all 0: half its units always fire
            var dead = DeadRelu.Fractions(net, x);
            Assert.Equal(new[] { 1, 3 }, dead.Keys.OrderBy(k => k));
            Assert.Equal(1.0, dead[1]);
            Assert.Equal(0.5, dead[3]);

            TrainingData.Set(net, "0.bias", Enumerable.Repeat(100f, 8).ToArray());
            Assert.Equal(0.0, DeadRelu.Fractions(net, x)[1]);
        }
    }

    [Fact]
    public void HistoryRecordsDeadUnitsAndGradientNormsPerParameter()
    {
        var (x, y) = TrainingData.Binary(64);
        using (x) using (y)
        {
            TorchApi.ManualSeed(2);
            using var net = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 1));
            TrainingData.Set(net, "0.bias", Enumerable.Repeat(-100f, 8).ToArray());
            using var loss = new BCEWithLogitsLoss();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 2, BatchSize = 16, Verbosity = Verbosity.Silent });
            var epoch = history.Epochs[1];
            Assert.Equal(1.0, epoch.DeadReluFractions[1]);
            Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, epoch.GradientNorms.Keys);
            // A dead layer passes no gradient back: its parameters' norms are exactly 0, the head's are not.
            Assert.Equal(0.0, epoch.GradientNorms["0.weight"]);
            Assert.True(epoch.GradientNorms["2.bias"] > 0);
            Assert.Contains(history.Warnings, w => w.Contains("'0.weight'"));
        }
    }

    [Fact]
    public void GradientNormIsTheMeanOverTheEpochsBatches()
    {
        var (x, y) = TrainingData.Binary(32);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var norms = new List<double>();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 1, BatchSize = 8, Verbosity = Verbosity.Silent,
                Callbacks =
                {
                    new LambdaCallback(onBatchEnd: (ctx, _) =>
                    {
                        foreach (var (name, p) in ctx.Model.NamedParameters())
                            using (p) using (var g = p.Grad!) using (var n = g.Norm()) if (name == "weight") norms.Add(n.Item());
                    }),
                },
            });
            Assert.Equal(4, norms.Count);
            Assert.Equal(norms.Average(), history.Epochs[0].GradientNorms["weight"], 5);
        }
    }

    private static History TenLayers(ActivationKind activation, Initializer init)
    {
        var (x, y) = TrainingData.Binary(128);
        using (x) using (y)
        {
            TorchApi.ManualSeed(3);
            var layers = new List<Module>();
            for (int i = 0; i < 10; i++)
            {
                layers.Add(new Linear(i == 0 ? 4 : 32, 32));
                layers.Add(new Activation(activation));
            }
            layers.Add(new Linear(32, 1));
            using var net = new Sequential(layers);
            Init.Apply(net, init);
            using var loss = new BCEWithLogitsLoss();
            var output = new StringWriter();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 1, BatchSize = 32, Verbosity = Verbosity.Line, Output = output, Optimizer = p => new SGD(p, 0.01),
            });
            foreach (var layer in layers) layer.Dispose();
            Assert.Equal(history.Warnings.Count, output.ToString().Split('\n').Count(l => l.StartsWith("WARNING: ", StringComparison.Ordinal)));
            return history;
        }
    }

    [Fact]
    public void VanishingGradientWarningFiresForADeepSigmoidStackAndNotForReLU()
    {
        var sigmoid = TenLayers(ActivationKind.Sigmoid, Initializer.XavierUniform);
        Assert.Contains(sigmoid.Warnings, w => w.Contains("'0.weight'") && w.Contains("vanish"));
        var norms = sigmoid.Epochs[0].GradientNorms;
        Assert.True(norms["0.weight"] < 1e-4 * norms["20.weight"], $"first {norms["0.weight"]}, last {norms["20.weight"]}");

        var relu = TenLayers(ActivationKind.Relu, Initializer.HeUniform);
        Assert.Empty(relu.Warnings);
    }
}
