using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;

namespace MlNetDeep.Tests.Training;

[Collection("Training")]
public class ModelCheckpointTests
{
    [Fact]
    public void SaveBestOnlyLeavesTheBestEpochsWeightsInTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mlnd-checkpoint-{Guid.NewGuid():N}.bin");
        try
        {
            using var model = new Linear(3, 2);
            var checkpoint = new ModelCheckpoint(path, monitor: "val_loss", saveBestOnly: true, verbose: true);
            var output = new StringWriter();
            var context = new TrainingContext(model, output: output);
            double[] values = { 0.8, 0.5, 0.6, 0.55, 0.7 };
            for (int epoch = 0; epoch < values.Length; epoch++)
            {
                TrainingData.FillAll(model, epoch + 1);
                checkpoint.OnEpochEnd(context, epoch, new Dictionary<string, double> { ["val_loss"] = values[epoch] });
            }
            Assert.Equal(1, checkpoint.LastSavedEpoch);
            Assert.Equal(0.5, checkpoint.Best);
            using var loaded = new Linear(3, 2);
            loaded.Load(path);
            Assert.All(TrainingData.Weights(loaded), w => Assert.Equal(2f, w));
            var log = output.ToString();
            Assert.Contains("Epoch 2: val_loss improved from 0.80000 to 0.50000, saving model to", log);
            Assert.Contains("Epoch 3: val_loss did not improve from 0.50000", log);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InsideTheLoopTheFileHoldsTheBestValidationEpoch()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mlnd-checkpoint-{Guid.NewGuid():N}");
        try
        {
            var (x, y) = TrainingData.Binary(80);
            using (x) using (y)
            {
                MlNetDeep.Torch.Torch.ManualSeed(12);
                using var net = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 1));
                using var loss = new BCEWithLogitsLoss();
                var path = Path.Combine(dir, "best.bin");
                var snapshots = new List<float[]>();
                var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
                {
                    Loss = loss, Epochs = 12, BatchSize = 80, ValidationFraction = 0.5, Seed = 12, Verbosity = Verbosity.Silent,
                    Optimizer = p => new MlNetDeep.Torch.Optim.SGD(p, lr: 3),
                    Callbacks =
                    {
                        new LambdaCallback(onEpochEnd: (ctx, _, _) => snapshots.Add(TrainingData.Weights(ctx.Model))),
                        new ModelCheckpoint(path, saveBestOnly: true),
                        new ModelCheckpoint(Path.Combine(dir, "epoch-{epoch}.bin")),
                    },
                });
                var best = history["val_loss"].Select((v, i) => (v, i)).MinBy(p => p.v).i;
                using var loaded = new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 1));
                loaded.Load(path);
                Assert.Equal(snapshots[best], TrainingData.Weights(loaded));
                Assert.Equal(12, Directory.GetFiles(dir, "epoch-*.bin").Length);
                loaded.Load(Path.Combine(dir, "epoch-12.bin"));
                Assert.Equal(snapshots[11], TrainingData.Weights(loaded));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
