namespace MlNetDeep.Training;

/// <summary>
/// What the network's output means, which decides the metric the training loop reports:
/// accuracy for classification (thresholding a logit at 0 or a probability at 0.5, or taking the
/// arg-max over classes), mean absolute error ("mae") for regression. When
/// <see cref="TrainingOptions.Task"/> is left null the loop infers it from the loss.
/// </summary>
public enum TrainingTask
{
    /// <summary>Real-valued targets; metric "mae".</summary>
    Regression = 0,
    /// <summary>One output per example holding a logit (e.g. with <c>BCEWithLogitsLoss</c>); predicted positive when logit &gt; 0.</summary>
    BinaryLogits = 1,
    /// <summary>One output per example holding a probability (e.g. a sigmoid then <c>BCELoss</c>); predicted positive when p &gt; 0.5.</summary>
    BinaryProbabilities = 2,
    /// <summary>One score per class (logits, probabilities or log-probabilities); the prediction is the arg-max.
    /// Targets are class indices [N] (int64) or one-hot rows [N, C].</summary>
    Multiclass = 3,
}
