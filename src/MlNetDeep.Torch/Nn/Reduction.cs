namespace MlNetDeep.Torch.Nn;

/// <summary>How a <see cref="Loss"/> combines its per-element (or per-sample) values.</summary>
public enum Reduction
{
    /// <summary>The average (PyTorch's "mean", Keras' "sum_over_batch_size").</summary>
    Mean,

    /// <summary>The sum.</summary>
    Sum,

    /// <summary>No reduction: one value per element (or per sample for cross-entropies).</summary>
    None,
}
