using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Binary cross-entropy on logits (PyTorch's BCEWithLogitsLoss, Keras' BinaryCrossentropy with
/// from_logits=True): with p = σ(x), each element is <c>−w·(pw·y·ln p + (1 − y)·ln(1 − p))</c>,
/// computed stably from x. <c>weight</c> rescales each element (broadcast);
/// <c>posWeight</c> weighs the positive term per class (broadcast along the last dimension),
/// e.g. negatives/positives to balance a rare class.
/// </summary>
public sealed class BCEWithLogitsLoss : Loss
{
    private readonly Tensor? _weight;
    private readonly Tensor? _posWeight;

    /// <param name="weight">Optional rescaling of each element's loss (a copy is kept).</param>
    /// <param name="posWeight">Optional weight of positive examples, one per class (a copy is kept).</param>
    /// <param name="reduction">How the per-element losses are combined.</param>
    public BCEWithLogitsLoss(Tensor? weight = null, Tensor? posWeight = null, Reduction reduction = Reduction.Mean) : base(reduction)
    {
        _weight = Own(weight);
        _posWeight = Own(posWeight);
    }

    public bool HasWeight => _weight is not null;
    public bool HasPosWeight => _posWeight is not null;

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_bce_with_logits(prediction.Handle, target.Handle, HandleOrNull(_weight), HandleOrNull(_posWeight),
            NativeReduction, out var r), r);

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _weight?.Dispose();
        _posWeight?.Dispose();
    }
}
