namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The mean of each channel over all spatial positions: input (N, C, H, W) gives output (N, C).
/// Other ranks fail with a <see cref="TorchException"/> naming the shape received.
/// </summary>
public sealed class GlobalAvgPool2d : Module
{
    public GlobalAvgPool2d() : base(Pooling.CreateGlobal(2, Pooling.Kind.Average, out var h), h)
    {
    }
}
