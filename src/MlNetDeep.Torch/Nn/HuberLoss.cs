using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Huber loss (PyTorch's HuberLoss, Keras' Huber): with <c>d = |ŷ − y|</c>, each element is
/// <c>½·d²</c> when <c>d ≤ δ</c> and <c>δ·(d − ½·δ)</c> otherwise: quadratic near the target,
/// linear (robust to outliers) far from it. Prediction and target must have the same shape.
/// </summary>
public sealed class HuberLoss : Loss
{
    public HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) : base(reduction)
    {
        if (!(delta > 0) || double.IsInfinity(delta))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"Expected a positive, finite delta. Received: delta={delta}");
        Delta = delta;
    }

    /// <summary>Where the loss turns from quadratic to linear.</summary>
    public double Delta { get; }

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_huber(prediction.Handle, target.Handle, NativeReduction, Delta, out var r), r);
}
