namespace MlNetDeep.Torch.Optim;

/// <summary>Whether <see cref="ReduceLROnPlateau"/> watches a metric that should go down (a loss) or up (an accuracy).</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (PyTorch's <c>mode='min'</c>).</summary>
    Min,

    /// <summary>Higher is better (PyTorch's <c>mode='max'</c>).</summary>
    Max,
}
