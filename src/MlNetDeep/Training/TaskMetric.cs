using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Training;

/// <summary>
/// The per-task metric, as a sum over a batch kept in native memory so that an epoch's figure
/// needs one read from the device: correct predictions for classification, absolute errors
/// for regression. The epoch's value is the sum over batches divided by the number of scored
/// targets.
/// </summary>
internal sealed class TaskMetric
{
    public TaskMetric(TrainingTask task, Tensor target, long rows)
    {
        Task = task;
        // Class-index targets hold one label per position; one-hot targets one row of C per label.
        OneHot = task == TrainingTask.Multiclass && target.Dtype.IsFloatingPoint() && target.Dim >= 2;
        var perRow = target.NumberOfElements / Math.Max(rows, 1);
        UnitsPerRow = OneHot ? perRow / Math.Max(target.Size(1), 1) : perRow;
    }

    public TrainingTask Task { get; }
    public bool OneHot { get; }

    /// <summary>Scored targets per row of the data.</summary>
    public long UnitsPerRow { get; }

    /// <summary>"accuracy" or "mae".</summary>
    public string Name => Task == TrainingTask.Regression ? "mae" : "accuracy";

    /// <summary>The metric's sum over one batch (a 0-d tensor on the batch's device).</summary>
    public Tensor BatchSum(Tensor output, Tensor target)
    {
        switch (Task)
        {
            case TrainingTask.BinaryLogits:
                return output.Gt(0).Eq(target.Gt(0.5)).Sum();
            case TrainingTask.BinaryProbabilities:
                return output.Gt(0.5).Eq(target.Gt(0.5)).Sum();
            case TrainingTask.Multiclass:
                var labels = OneHot ? target.ArgMax(1) : target;
                return output.ArgMax(1).Eq(labels).Sum();
            default:
                using (var detached = output.Detach())
                    return detached.Sub(target).Abs().Sum();
        }
    }

    /// <summary>The task that a loss implies when none is given.</summary>
    public static TrainingTask Infer(Loss loss) => loss switch
    {
        BCEWithLogitsLoss => TrainingTask.BinaryLogits,
        BCELoss => TrainingTask.BinaryProbabilities,
        SparseCategoricalCrossEntropy or CategoricalCrossEntropy => TrainingTask.Multiclass,
        _ => TrainingTask.Regression,
    };
}
