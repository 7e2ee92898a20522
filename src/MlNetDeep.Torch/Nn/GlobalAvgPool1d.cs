namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The mean of each channel over all spatial positions: input (N, C, L) gives output (N, C).
/// Other ranks fail with a <see cref="TorchException"/> naming the shape received.
/// </summary>
public sealed class GlobalAvgPool1d : Module
{
    public GlobalAvgPool1d() : base(Pooling.CreateGlobal(1, Pooling.Kind.Average, out var h), h)
    {
    }
}
