using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;

namespace MlNetDeep.Tests.Training;

/// <summary>Keras' EarlyStopping semantics, driven epoch by epoch with scripted monitored values.</summary>
[Collection("Training")]
public class EarlyStoppingTests
{
    /// <summary>Feeds <paramref name="values"/> as the monitored entry, one per epoch; before epoch i's end the model's
    /// parameters are all set to i, so restored weights tell which epoch they came from. Returns the epoch that stopped, or null.</summary>
    private static int? Drive(EarlyStopping callback, Module model, string monitor, params double[] values)
    {
        var context = new TrainingContext(model);
        callback.OnTrainBegin(context);
        int? stopped = null;
        for (int epoch = 0; epoch < values.Length; epoch++)
        {
            TrainingData.FillAll(model, epoch);
            callback.OnEpochEnd(context, epoch, new Dictionary<string, double> { [monitor] = values[epoch], ["other"] = 0 });
            if (context.StopTraining) { stopped = epoch; break; }
        }
        callback.OnTrainEnd(context);
        return stopped;
    }

    [Fact]
    public void StopsAfterPatienceEpochsWithoutImprovement()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(patience: 2);
        // Best 0.9 at epoch 1; epochs 2 and 3 do not improve → stop at epoch 3 (wait reaches 2).
        Assert.Equal(3, Drive(es, model, "val_loss", 1.0, 0.9, 0.95, 0.96, 0.5));
        Assert.Equal(3, es.StoppedEpoch);
        Assert.Equal(0.9, es.Best);
        Assert.Equal(1, es.BestEpoch);
    }

    [Fact]
    public void PatienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAtEpochZero()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(monitor: "loss");
        Assert.Equal(2, Drive(es, model, "loss", 3, 2, 2.5));
    }

    [Fact]
    public void ChangesSmallerThanMinDeltaAreNotImprovements()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(minDelta: -0.1, patience: 1); // the sign is ignored, as in Keras
        // 0.95 is not below 1.0 − 0.1, so epoch 1 is a bad epoch.
        Assert.Equal(1, Drive(es, model, "val_loss", 1.0, 0.95, 0.5));
        using var es2 = new EarlyStopping(minDelta: 0.1, patience: 1);
        Assert.Null(Drive(es2, model, "val_loss", 1.0, 0.85, 0.7, 0.55));
    }

    [Fact]
    public void MaxModeForAccuracyIsChosenAutomatically()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(monitor: "val_accuracy", patience: 1);
        Assert.Equal(MonitorMode.Max, es.Mode);
        Assert.Equal(2, Drive(es, model, "val_accuracy", 0.5, 0.7, 0.6, 0.9));
        Assert.Throws<ArgumentException>(() => new EarlyStopping(monitor: "val_something"));
        Assert.Equal(MonitorMode.Min, new EarlyStopping(monitor: "val_something", mode: MonitorMode.Min).Mode);
    }

    [Fact]
    public void BaselineMustBeBeatenForPatienceToRestart()
    {
        using var model = new Linear(2, 1);
        using var without = new EarlyStopping(patience: 2);
        Assert.Equal(2, Drive(without, model, "val_loss", 0.9, 0.95, 0.97));
        // With a baseline of 0.5 the first epoch's improvement does not reset the wait, so patience runs out one epoch sooner.
        using var with = new EarlyStopping(patience: 2, baseline: 0.5);
        Assert.Equal(1, Drive(with, model, "val_loss", 0.9, 0.95, 0.97));
        // Beating the baseline restarts the count as usual.
        using var beaten = new EarlyStopping(patience: 2, baseline: 0.5);
        Assert.Null(Drive(beaten, model, "val_loss", 0.4, 0.45, 0.3, 0.35));
    }

    [Fact]
    public void WarmUpEpochsAreIgnored()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(patience: 1, startFromEpoch: 2, restoreBestWeights: true);
        // Epochs 0 and 1 (the best value, 0.1) are not watched: epoch 2 sets the best, epoch 3 is bad.
        Assert.Equal(3, Drive(es, model, "val_loss", 0.1, 0.2, 0.5, 0.6, 0.3));
        Assert.Equal(0.5, es.Best);
        Assert.All(TrainingData.Weights(model), w => Assert.Equal(2f, w));
    }

    [Fact]
    public void RestoreBestWeightsRestoresExactlyTheBestEpochsWeights()
    {
        using var model = new Linear(3, 2);
        using var es = new EarlyStopping(patience: 2, restoreBestWeights: true);
        Assert.Equal(3, Drive(es, model, "val_loss", 0.5, 0.3, 0.4, 0.45, 0.1));
        Assert.All(TrainingData.Weights(model), w => Assert.Equal(1f, w)); // epoch 1 had the best value

        // Also when training runs to the end without stopping.
        using var es2 = new EarlyStopping(patience: 10, restoreBestWeights: true);
        Assert.Null(Drive(es2, model, "val_loss", 0.5, 0.6, 0.2, 0.7));
        Assert.All(TrainingData.Weights(model), w => Assert.Equal(2f, w));

        // When nothing ever improves after the first epoch, the first epoch's weights are kept.
        using var es3 = new EarlyStopping(patience: 1, restoreBestWeights: true);
        Assert.Equal(1, Drive(es3, model, "val_loss", 0.5, 0.6));
        Assert.All(TrainingData.Weights(model), w => Assert.Equal(0f, w));

        // Without the option the last weights stay.
        using var es4 = new EarlyStopping(patience: 1);
        Assert.Equal(2, Drive(es4, model, "val_loss", 0.5, 0.4, 0.6));
        Assert.All(TrainingData.Weights(model), w => Assert.Equal(2f, w));
    }

    [Fact]
    public void AMissingMonitoredValueWarnsAndDoesNothing()
    {
        using var model = new Linear(2, 1);
        using var es = new EarlyStopping(monitor: "val_loss", patience: 0);
        var context = new TrainingContext(model);
        es.OnTrainBegin(context);
        es.OnEpochEnd(context, 0, new Dictionary<string, double> { ["loss"] = 1 });
        es.OnEpochEnd(context, 1, new Dictionary<string, double> { ["loss"] = 2 });
        Assert.False(context.StopTraining);
        Assert.Equal(2, context.History.Warnings.Count);
        Assert.Contains("`val_loss` which is not available. Available metrics are: loss", context.History.Warnings[0]);
    }

    [Fact]
    public void InsideTheLoopItStopsRestoresAndSaysSo()
    {
        var (x, y) = TrainingData.Binary(60);
        using (x) using (y)
        {
            MlNetDeep.Torch.Torch.ManualSeed(9);
            using var net = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 1));
            using var loss = new BCEWithLogitsLoss();
            // A large learning rate makes validation loss rise quickly after a few epochs.
            using var es = new EarlyStopping(patience: 2, restoreBestWeights: true, verbose: true);
            var snapshots = new List<float[]>();
            var output = new StringWriter();
            var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
            {
                Loss = loss, Epochs = 200, BatchSize = 60, ValidationFraction = 0.5, Seed = 9, Verbosity = Verbosity.Line, Output = output,
                Optimizer = p => new MlNetDeep.Torch.Optim.SGD(p, lr: 3),
                Callbacks = { es, new LambdaCallback(onEpochEnd: (ctx, _, _) => snapshots.Add(TrainingData.Weights(ctx.Model))) },
            });
            Assert.True(history.StoppedEarly);
            Assert.Equal(es.StoppedEpoch, history.StoppedEpoch);
            Assert.Equal(es.StoppedEpoch + 1, history.EpochCount);
            var losses = history["val_loss"];
            var best = losses.Select((v, i) => (v, i)).MinBy(p => p.v).i;
            Assert.Equal(best, es.BestEpoch);
            Assert.Equal(snapshots[best], TrainingData.Weights(net));
            Assert.Contains($"Epoch {es.StoppedEpoch + 1}: early stopping", output.ToString());
            Assert.Contains($"Restoring model weights from the end of the best epoch: {best + 1}.", output.ToString());
        }
    }
}
