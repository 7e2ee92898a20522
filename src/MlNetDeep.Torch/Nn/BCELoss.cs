using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Binary cross-entropy on probabilities (PyTorch's BCELoss):
/// <c>−w·(y·ln p + (1 − y)·ln(1 − p))</c> per element, with the logarithms clamped at −100 as
/// PyTorch does. For p = 0.9 and y = 1 it is −ln 0.9 ≈ 0.105. Prefer
/// <see cref="BCEWithLogitsLoss"/> on the raw scores: it is numerically stable.
/// </summary>
public sealed class BCELoss : Loss
{
    private readonly Tensor? _weight;

    /// <param name="weight">Optional rescaling of each element's loss, broadcast against the prediction (a copy is kept).</param>
    /// <param name="reduction">How the per-element losses are combined.</param>
    public BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : base(reduction) => _weight = Own(weight);

    /// <summary>True when an element weight was given.</summary>
    public bool HasWeight => _weight is not null;

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_bce(prediction.Handle, target.Handle, HandleOrNull(_weight), NativeReduction, out var r), r);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _weight?.Dispose();
    }
}
