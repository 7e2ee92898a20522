using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Mean squared error: <c>mean((ŷ − y)²)</c> (PyTorch's MSELoss, Keras' MeanSquaredError).
/// With <c>halved: true</c> it is the ½-scaled form <c>½·mean((ŷ − y)²)</c> used in course
/// derivations, whose gradient is simply <c>(ŷ − y)/N</c>. Prediction and target must have
/// the same shape (no silent broadcasting of [N] against [N, 1]).
/// </summary>
public sealed class MSELoss : Loss
{
    public MSELoss(Reduction reduction = Reduction.Mean, bool halved = false) : base(reduction) => Halved = halved;

    /// <summary>True for the ½-scaled form.</summary>
    public bool Halved { get; }

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_mse(prediction.Handle, target.Handle, NativeReduction, Halved ? 0.5 : 1.0, out var r), r);
}
