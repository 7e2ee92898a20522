namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The maximum (the gradient is shared equally among tied maxima) of each channel over all spatial positions: input (N, C, L) gives output (N, C).
/// Other ranks fail with a <see cref="TorchException"/> naming the shape received.
/// </summary>
public sealed class GlobalMaxPool1d : Module
{
    public GlobalMaxPool1d() : base(Pooling.CreateGlobal(1, Pooling.Kind.Max, out var h), h)
    {
    }
}
