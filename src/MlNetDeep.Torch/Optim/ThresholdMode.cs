namespace MlNetDeep.Torch.Optim;

/// <summary>How <see cref="ReduceLROnPlateau"/> decides that a metric improved on the best value so far.</summary>
public enum ThresholdMode
{
    /// <summary>By a fraction of the best value: below best·(1 − threshold) in min mode, above best·(1 + threshold) in max mode (PyTorch's <c>'rel'</c>).</summary>
    Relative,

    /// <summary>By an absolute amount: below best − threshold, or above best + threshold (PyTorch's <c>'abs'</c>).</summary>
    Absolute,
}
