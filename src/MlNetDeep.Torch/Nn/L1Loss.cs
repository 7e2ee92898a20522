using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Mean absolute error (MAE): <c>mean(|ŷ − y|)</c> (PyTorch's L1Loss, Keras' MeanAbsoluteError).
/// Prediction and target must have the same shape.
/// </summary>
public sealed class L1Loss : Loss
{
    public L1Loss(Reduction reduction = Reduction.Mean) : base(reduction) { }

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_l1(prediction.Handle, target.Handle, NativeReduction, out var r), r);
}
