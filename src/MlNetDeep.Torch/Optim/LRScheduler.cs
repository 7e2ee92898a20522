namespace MlNetDeep.Torch.Optim;

/// <summary>
/// A learning-rate schedule stepped once per epoch, as PyTorch's <c>torch.optim.lr_scheduler</c>:
/// each <see cref="Step"/> advances <see cref="LastEpoch"/> and writes the new learning rate into
/// the optimizer. Call it after the epoch's optimizer steps. Schedules are chainable, as in
/// PyTorch: each computes the next rate from the optimizer's current one.
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Attaches to <paramref name="optimizer"/>; its current learning rate becomes <see cref="BaseLearningRate"/> (epoch 0).</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
        // PyTorch's constructor takes the first step, to epoch 0, which keeps the rate as it is.
        LastEpoch = 0;
    }

    /// <summary>The optimizer whose learning rate this schedule sets.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's learning rate when the schedule was created (PyTorch's <c>base_lrs</c>).</summary>
    public double BaseLearningRate { get; }

    /// <summary>The number of <see cref="Step"/> calls so far (PyTorch's <c>last_epoch</c>).</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The optimizer's current learning rate (PyTorch's <c>get_last_lr()</c>).</summary>
    public double LastLearningRate => Optimizer.LearningRate;

    /// <summary>Ends an epoch: advances <see cref="LastEpoch"/> and sets the optimizer's learning rate for the next one.</summary>
    public void Step()
    {
        LastEpoch++;
        Optimizer.LearningRate = NextLearningRate(Optimizer.LearningRate);
    }

    /// <summary>The learning rate for epoch <see cref="LastEpoch"/> (already advanced), given the current one.</summary>
    protected abstract double NextLearningRate(double current);
}
