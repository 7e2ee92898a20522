namespace MlNetDeep.Training;

/// <summary>The figures of one epoch in a <see cref="History"/>.</summary>
public sealed class EpochRecord
{
    internal EpochRecord(int epoch, IReadOnlyDictionary<string, double> logs, double learningRate, TimeSpan duration, int steps,
        IReadOnlyDictionary<string, double> gradientNorms, IReadOnlyDictionary<int, double> deadReluFractions)
    {
        Epoch = epoch;
        Logs = logs;
        LearningRate = learningRate;
        Duration = duration;
        Steps = steps;
        GradientNorms = gradientNorms;
        DeadReluFractions = deadReluFractions;
    }

    /// <summary>The epoch, from 0.</summary>
    public int Epoch { get; }

    /// <summary>"loss", the metric ("accuracy" or "mae"), "val_loss" and "val_&lt;metric&gt;" when validating, and "lr".</summary>
    public IReadOnlyDictionary<string, double> Logs { get; }

    /// <summary>The learning rate the epoch's steps used.</summary>
    public double LearningRate { get; }

    /// <summary>Wall-clock time of the epoch, validation included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Optimizer steps taken in the epoch.</summary>
    public int Steps { get; }

    /// <summary>Each trainable parameter's gradient 2-norm (by PyTorch-style name, e.g. "0.weight"), averaged over the
    /// epoch's batches; empty when tracking is off.</summary>
    public IReadOnlyDictionary<string, double> GradientNorms { get; }

    /// <summary>For each ReLU layer of a <see cref="MlNetDeep.Torch.Nn.Sequential"/> (by its index in the stack), the fraction
    /// of its units that output 0 for every row of the probe batch.</summary>
    public IReadOnlyDictionary<int, double> DeadReluFractions { get; }
}
