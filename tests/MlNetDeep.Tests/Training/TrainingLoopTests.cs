using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Training;

[Collection("Training")]
public class TrainingLoopTests
{
    private static Sequential IrisNet() => new(new Linear(4, 16), new Activation(ActivationKind.Relu), new Linear(16, 3));

    [Fact]
    public void SoftmaxNetLearnsIrisToAtLeast93PercentHeldOut()
    {
        var (trainX, trainY, testX, testY) = TrainingData.Iris();
        using var x = TorchApi.Tensor(trainX, new long[] { 120, 4 });
        using var y = TorchApi.Tensor(trainY);
        using var tx = TorchApi.Tensor(testX, new long[] { 30, 4 });
        using var ty = TorchApi.Tensor(testY);
        TorchApi.ManualSeed(1);
        using var net = IrisNet();
        using var loss = new SparseCategoricalCrossEntropy();
        var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
        {
            Loss = loss, Epochs = 60, BatchSize = 16, Seed = 1, Verbosity = Verbosity.Silent,
            Optimizer = p => new Adam(p, lr: 0.01),
        }, tx, ty);

        Assert.Equal(60, history.EpochCount);
        Assert.Equal(60 * 8, history.StepCount);
        Assert.False(history.StoppedEarly);
        Assert.Equal(Device.Cpu, history.Device);
        Assert.True(history["loss"][^1] < history["loss"][0] / 4, $"loss {history["loss"][0]} → {history["loss"][^1]}");
        var held = TrainingLoop.Evaluate(net, tx, ty, loss);
        Assert.True(held["accuracy"] >= 0.93, $"held-out accuracy {held["accuracy"]}");
        Assert.Equal(held["accuracy"], history["val_accuracy"][^1], 10);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy", "lr" }, history.Keys);
        Assert.All(history["lr"], lr => Assert.Equal(0.01, lr, 12));
    }

    private static (List<double> Losses, List<double> ValLosses, float[] Weights) SeededRun(ulong seed, Tensor x, Tensor y)
    {
        TorchApi.ManualSeed(seed);
        using var net = new Sequential(new Linear(4, 16), new Activation(ActivationKind.Relu), new Dropout(0.3), new Linear(16, 1));
        using var loss = new BCEWithLogitsLoss();
        var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
        {
            Loss = loss, Epochs = 4, BatchSize = 10, Seed = seed, ValidationFraction = 0.25, Verbosity = Verbosity.Silent,
        });
        return (history["loss"].ToList(), history["val_loss"].ToList(), TrainingData.Weights(net));
    }

    [Fact]
    public void SameSeedGivesIdenticalHistoryAndWeights()
    {
        var (x, y) = TrainingData.Binary(200);
        using (x)
        using (y)
        {
            var a = SeededRun(5, x, y);
            var b = SeededRun(5, x, y);
            var c = SeededRun(6, x, y);
            Assert.Equal(a.Losses, b.Losses);
            Assert.Equal(a.ValLosses, b.ValLosses);
            Assert.Equal(a.Weights, b.Weights);
            Assert.NotEqual(a.Weights, c.Weights);
        }
    }

    [Fact]
    public void ValidationFiguresCoverTheWholeValidationSetInEvalMode()
    {
        var (x, y) = TrainingData.Binary(300);
        var (vx, vy) = TrainingData.Binary(97, seed: 11);
        using (x) using (y) using (vx) using (vy)
        {
            TorchApi.ManualSeed(2);
            // Dropout makes a train-mode or partial evaluation differ from the direct one.
            using var net = new Sequential(new Linear(4, 16), new Activation(ActivationKind.Relu), new Dropout(0.5), new Linear(16, 1));
            using var loss = new BCEWithLogitsLoss();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 3, BatchSize = 32, Seed = 2, EvaluationBatchSize = 10, Verbosity = Verbosity.Silent,
            }, vx, vy);

            net.Eval();
            using var noGrad = TorchApi.NoGrad();
            using var output = net.Forward(vx);
            using var full = loss.Compute(output, vy);
            var logits = output.ToArray<float>();
            var labels = vy.ToArray<float>();
            var correct = logits.Where((l, i) => (l > 0) == (labels[i] > 0.5f)).Count();
            Assert.Equal(full.Item(), history["val_loss"][^1], 5);
            Assert.Equal(correct / 97.0, history["val_accuracy"][^1], 12);
            Assert.Equal(97, history.ValidationRows);
        }
    }

    [Fact]
    public void ValidationFractionTakesTheLastRowsBeforeShuffling()
    {
        var (x, y) = TrainingData.Binary(100);
        using (x) using (y)
        {
            TorchApi.ManualSeed(3);
            using var net = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Tanh), new Linear(8, 1));
            using var loss = new BCEWithLogitsLoss();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 2, BatchSize = 8, ValidationFraction = 0.2, Seed = 3, Verbosity = Verbosity.Silent,
            });
            Assert.Equal(80, history.TrainingRows);
            Assert.Equal(20, history.ValidationRows);
            Assert.Equal(10, history.Epochs[0].Steps); // 80 rows / 8
            using var lastX = x.Narrow(0, 80, 20);
            using var lastY = y.Narrow(0, 80, 20);
            var direct = TrainingLoop.Evaluate(net, lastX, lastY, loss);
            Assert.Equal(direct["loss"], history["val_loss"][^1], 6);
            Assert.Equal(direct["accuracy"], history["val_accuracy"][^1], 12);
        }
    }

    [Theory]
    [InlineData(1, 40)]   // stochastic gradient descent
    [InlineData(40, 1)]   // full batch
    [InlineData(1000, 1)] // more than the rows: full batch
    [InlineData(16, 3)]   // mini-batches, the last one partial
    public void BatchSizeSetsStepsPerEpoch(int batchSize, int steps)
    {
        var (x, y) = TrainingData.Binary(40);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var sizes = new List<long>();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 2, BatchSize = batchSize, Verbosity = Verbosity.Silent,
                Callbacks = { new LambdaCallback(onBatchEnd: (_, b) => { if (b.Epoch == 0) sizes.Add(b.Size); }) },
            });
            Assert.Equal(steps, history.Epochs[0].Steps);
            Assert.Equal(2L * steps, history.StepCount);
            Assert.Equal(40, sizes.Sum());
            Assert.Equal(steps, sizes.Count);
        }
    }

    [Fact]
    public void CancellationStopsWithinOneBatch()
    {
        var (x, y) = TrainingData.Binary(200);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        using (var cts = new CancellationTokenSource())
        {
            int batches = 0;
            var options = new TrainingOptions
            {
                Loss = loss, Epochs = 5, BatchSize = 10, Verbosity = Verbosity.Silent,
                Callbacks = { new LambdaCallback(onBatchEnd: (_, _) => { if (++batches == 3) cts.Cancel(); }) },
            };
            Assert.Throws<OperationCanceledException>(() => TrainingLoop.Fit(net, x, y, options, cancellationToken: cts.Token));
            Assert.Equal(3, batches);
        }
    }

    [Fact]
    public void BatchHookMayStopTraining()
    {
        var (x, y) = TrainingData.Binary(100);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var epochsEnded = new List<int>();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 5, BatchSize = 10, Verbosity = Verbosity.Silent,
                Callbacks =
                {
                    new LambdaCallback(onBatchEnd: (ctx, b) => { if (b.Epoch == 1 && b.Batch == 2) ctx.StopTraining = true; },
                        onEpochEnd: (_, e, _) => epochsEnded.Add(e)),
                },
            });
            Assert.Equal(2, history.EpochCount);
            Assert.Equal(3, history.Epochs[1].Steps);
            Assert.True(history.StoppedEarly);
            Assert.Equal(1, history.StoppedEpoch);
            Assert.Equal(new[] { 0, 1 }, epochsEnded);
        }
    }

    [Fact]
    public void ClassWeightsScaleEachExamplesLossAsComputedByHand()
    {
        using var x = TorchApi.Tensor(new float[] { 1, 2, -1, 0.5f }, new long[] { 4, 1 });
        using var y = TorchApi.Tensor(new float[] { 1, 0, 0, 1 }, new long[] { 4, 1 });
        using var net = new Linear(1, 1);
        TrainingData.Set(net, "weight", 0.5f);
        TrainingData.Set(net, "bias", -0.25f);
        using var loss = new BCEWithLogitsLoss();
        var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
        {
            Loss = loss, Epochs = 1, BatchSize = 4, Shuffle = false, ClassWeights = new[] { 1.0, 3.0 }, Verbosity = Verbosity.Silent,
            Optimizer = p => new SGD(p, lr: 0),
        });
        double[] xs = { 1, 2, -1, 0.5 }, ys = { 1, 0, 0, 1 };
        double expected = 0;
        for (int i = 0; i < 4; i++)
        {
            var p = 1 / (1 + Math.Exp(-(0.5 * xs[i] - 0.25)));
            var bce = -(ys[i] * Math.Log(p) + (1 - ys[i]) * Math.Log(1 - p));
            expected += (ys[i] == 1 ? 3.0 : 1.0) * bce;
        }
        expected /= 4;
        Assert.Equal(expected, history["loss"][0], 5);

        // Multiclass: weights picked by class index, mean over examples.
        using var mx = TorchApi.Tensor(new float[] { 1, 0, 0, 1, 1, 1 }, new long[] { 3, 2 });
        using var my = TorchApi.Tensor(new long[] { 0, 1, 1 });
        using var mnet = new Linear(2, 2, bias: false);
        TrainingData.Set(mnet, "weight", 1, 0, 0, 2); // logits = [x0, 2·x1]
        using var ce = new SparseCategoricalCrossEntropy();
        var mh = TrainingLoop.Fit(mnet, mx, my, new TrainingOptions
        {
            Loss = ce, Epochs = 1, BatchSize = 3, Shuffle = false, ClassWeights = new[] { 2.0, 0.5 }, Verbosity = Verbosity.Silent,
            Optimizer = p => new SGD(p, lr: 0),
        });
        static double Nll(double a, double b, int label) => Math.Log(Math.Exp(a) + Math.Exp(b)) - (label == 0 ? a : b);
        var mexpected = (2.0 * Nll(1, 0, 0) + 0.5 * Nll(0, 2, 1) + 0.5 * Nll(1, 2, 1)) / 3;
        Assert.Equal(mexpected, mh["loss"][0], 5);
    }

    [Fact]
    public void L2AddsLambdaTimesSumOfSquaredWeightsToTheReportedLoss()
    {
        using var x = TorchApi.Tensor(new float[] { 1, 2, 0, 1, -1, 1, 2, -2 }, new long[] { 4, 2 });
        using var y = TorchApi.Tensor(new float[] { 1, 0, 2, -1 }, new long[] { 4, 1 });
        using var net = new Linear(2, 1);
        TrainingData.Set(net, "weight", 0.5f, -1.5f);
        TrainingData.Set(net, "bias", 0.25f);
        using var loss = new MSELoss();
        var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
        {
            Loss = loss, Epochs = 1, BatchSize = 2, Shuffle = false, L2 = 0.1, Verbosity = Verbosity.Silent,
            Optimizer = p => new SGD(p, lr: 0),
        }, x, y);
        double[,] xs = { { 1, 2 }, { 0, 1 }, { -1, 1 }, { 2, -2 } };
        double[] ys = { 1, 0, 2, -1 };
        double mse = 0, mae = 0;
        for (int i = 0; i < 4; i++)
        {
            var e = 0.5 * xs[i, 0] - 1.5 * xs[i, 1] + 0.25 - ys[i];
            mse += e * e / 4;
            mae += Math.Abs(e) / 4;
        }
        var penalty = 0.1 * (0.5 * 0.5 + 1.5 * 1.5); // the bias is not penalised
        Assert.Equal(mse + penalty, history["loss"][0], 5);
        Assert.Equal(mse + penalty, history["val_loss"][0], 5);
        Assert.Equal(mae, history["mae"][0], 5);
    }

    private static double GlobalGradNorm(Module module)
    {
        double sq = 0;
        foreach (var p in module.Parameters())
            using (p)
            using (var g = p.Grad)
                if (g is not null) using (var n = g.Norm()) sq += n.Item() * n.Item();
        return Math.Sqrt(sq);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ClipNormKeepsTheGlobalGradientNormAtMostTheLimit(bool clip)
    {
        var (x, y) = TrainingData.Binary(64);
        using (x) using (y)
        {
            TorchApi.ManualSeed(4);
            using var net = new Sequential(new Linear(4, 32), new Activation(ActivationKind.Relu), new Linear(32, 1));
            using var loss = new BCEWithLogitsLoss();
            var norms = new List<double>();
            TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 2, BatchSize = 8, ClipNorm = clip ? 0.05 : null, Verbosity = Verbosity.Silent,
                Callbacks = { new LambdaCallback(onBatchEnd: (ctx, _) => norms.Add(GlobalGradNorm(ctx.Model))) },
            });
            Assert.Equal(16, norms.Count);
            if (clip) Assert.All(norms, n => Assert.True(n <= 0.05 * (1 + 1e-5), $"norm {n}"));
            else Assert.Contains(norms, n => n > 0.05);
        }
    }

    [Fact]
    public void ClipValueClampsEveryGradientElement()
    {
        var (x, y) = TrainingData.Binary(64);
        using (x) using (y)
        {
            TorchApi.ManualSeed(4);
            using var net = new Sequential(new Linear(4, 32), new Activation(ActivationKind.Relu), new Linear(32, 1));
            using var loss = new BCEWithLogitsLoss();
            double largest = 0;
            TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 1, BatchSize = 8, ClipValue = 0.001, Verbosity = Verbosity.Silent,
                Callbacks =
                {
                    new LambdaCallback(onBatchEnd: (ctx, _) =>
                    {
                        foreach (var p in ctx.Model.Parameters())
                            using (p) using (var g = p.Grad!) using (var a = g.Abs()) using (var m = a.Max()) largest = Math.Max(largest, m.Item());
                    }),
                },
            });
            Assert.True(largest <= 0.001 + 1e-9, $"largest |g| {largest}");
            Assert.True(largest > 0.0009, $"largest |g| {largest}: clipping should bind");
        }
    }

    [Fact]
    public void SchedulesSetTheLearningRateRecordedPerEpoch()
    {
        var (x, y) = TrainingData.Binary(40);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 4, BatchSize = 40, Verbosity = Verbosity.Silent,
                Optimizer = p => new SGD(p, lr: 0.1),
                LearningRateSchedule = o => new StepLR(o, stepSize: 1, gamma: 0.5),
            });
            Assert.Equal(new[] { 0.1, 0.05, 0.025, 0.0125 }, history["lr"].Select(v => Math.Round(v, 10)));

            // PyTorch's ReduceLROnPlateau, stepped with the monitored loss: a model already at the optimum (zero weights,
            // zero targets) has zero gradients, so its loss never improves.
            using var net2 = new Linear(4, 1);
            TrainingData.FillAll(net2, 0);
            using var zeros = TorchApi.Zeros(new long[] { 40, 1 });
            using var mse = new MSELoss();
            var h2 = TrainingLoop.Fit(net2, x, zeros, new TrainingOptions
            {
                Loss = mse, Epochs = 5, BatchSize = 40, Verbosity = Verbosity.Silent, Optimizer = p => new SGD(p, lr: 1),
                PlateauSchedule = o => new MlNetDeep.Torch.Optim.ReduceLROnPlateau(o, patience: 1, factor: 0.5),
                PlateauMonitor = "loss",
            });
            // Epoch 1 sets the best; epochs 2 and 3 are bad (the 2nd exceeds patience 1), so epoch 4 runs at half the rate.
            Assert.Equal(new[] { 1.0, 1.0, 1.0, 0.5, 0.5 }, h2["lr"]);
        }
    }

    [Fact]
    public void PrintsOnePlainLinePerEpochNamingTheDevice()
    {
        var (x, y) = TrainingData.Binary(40);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var output = new StringWriter();
            TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 3, BatchSize = 8, Verbosity = Verbosity.Auto, Output = output, ValidationFraction = 0.25 });
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Training on cpu: 30 rows, 10 validation rows, 4 steps per epoch.", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.Matches(@"^Epoch 2/3 - loss: \d+\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d+\.\d{4} - val_accuracy: \d\.\d{4} - lr: 0\.001 - \d+\.\ds$", lines[2].TrimEnd());

            // A progress bar on a non-interactive writer still ends each epoch with its line.
            var bar = new StringWriter();
            TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 2, BatchSize = 8, Verbosity = Verbosity.ProgressBar, Output = bar });
            Assert.Matches(@"(?m)^Epoch 2/2 - loss: \d+\.\d{4} - accuracy: \d\.\d{4} - lr: 0\.001 - \d+\.\ds\r?$", bar.ToString());

            var silent = new StringWriter();
            TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 2, Verbosity = Verbosity.Silent, Output = silent });
            Assert.Equal("", silent.ToString());
        }
    }

    [Fact]
    public void AnUnavailableDeviceFailsClearly()
    {
        var (x, y) = TrainingData.Binary(10);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var missing = Device.Cuda(TorchApi.CudaDeviceCount);
            var e = Assert.Throws<InvalidOperationException>(() =>
                TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Device = missing, Verbosity = Verbosity.Silent }));
            Assert.Contains(missing.ToString(), e.Message);
        }
    }

    [Fact]
    public void InvalidOptionsNameTheOptionAndValue()
    {
        var (x, y) = TrainingData.Binary(10);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
        {
            var e = Assert.Throws<ArgumentException>(() => TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, BatchSize = 0 }));
            Assert.Equal("BatchSize", e.ParamName);
            Assert.Contains("Received: BatchSize=0", e.Message);
            e = Assert.Throws<ArgumentException>(() => TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, ValidationFraction = 1.5 }));
            Assert.Contains("Received: ValidationFraction=1.5", e.Message);
            Assert.Throws<ArgumentNullException>(() => TrainingLoop.Fit(net, x, y, new TrainingOptions()));
            using var shortY = y.Narrow(0, 0, 5);
            e = Assert.Throws<ArgumentException>(() => TrainingLoop.Fit(net, x, shortY, new TrainingOptions { Loss = loss }));
            Assert.Contains("5 rows", e.Message);
            using var mse = new MSELoss();
            e = Assert.Throws<ArgumentException>(() => TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = mse, ClassWeights = new[] { 1.0, 2.0 }, Verbosity = Verbosity.Silent }));
            Assert.Contains("ClassWeights", e.Message);
        }
    }

    [Fact]
    public void FrozenLayersDoNotChange()
    {
        var (x, y) = TrainingData.Binary(64);
        using (x) using (y)
        {
            TorchApi.ManualSeed(8);
            using var first = new Linear(4, 8);
            using var head = new Linear(8, 1);
            using var net = new Sequential(first, new Activation(ActivationKind.Relu), head);
            first.Freeze();
            Assert.True(first.IsFrozen());
            var before = TrainingData.Weights(first);
            var headBefore = TrainingData.Weights(head);
            using var loss = new BCEWithLogitsLoss();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 2, BatchSize = 8, Verbosity = Verbosity.Silent, Optimizer = p => new SGD(p, 0.5) });
            Assert.Equal(before, TrainingData.Weights(first));
            Assert.NotEqual(headBefore, TrainingData.Weights(head));
            Assert.Equal(new[] { "2.weight", "2.bias" }, history.Epochs[0].GradientNorms.Keys);
            first.Unfreeze();
            Assert.False(first.IsFrozen());
        }
    }
}
