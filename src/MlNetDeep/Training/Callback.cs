namespace MlNetDeep.Training;

/// <summary>
/// Hooks the training loop calls, as Keras' <c>keras.callbacks.Callback</c>. Override the ones
/// you need. Epochs are numbered from 0 here (messages print them from 1, as Keras does).
/// Set <see cref="TrainingContext.StopTraining"/> to end training: from an epoch hook it ends
/// after that epoch, from <see cref="OnBatchEnd"/> after that batch (the epoch is still
/// recorded, with its metrics over the batches run). Tensors created inside a hook belong to
/// the loop's dispose scope (the step's or the epoch's): call <c>DetachFromDisposeScope()</c> on
/// any that must outlive the hook.
/// </summary>
public abstract class Callback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context) { }

    /// <summary>Before each epoch's first batch.</summary>
    public virtual void OnEpochBegin(TrainingContext context, int epoch) { }

    /// <summary>After each optimizer step; the parameters still hold this batch's (clipped) gradients.</summary>
    public virtual void OnBatchEnd(TrainingContext context, BatchLogs logs) { }

    /// <summary>After each epoch, with its figures: "loss", the metric ("accuracy" or "mae"), "val_loss", "val_accuracy"
    /// (when there is validation data) and "lr".</summary>
    public virtual void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) { }

    /// <summary>After the last epoch (also when training was stopped early).</summary>
    public virtual void OnTrainEnd(TrainingContext context) { }
}
