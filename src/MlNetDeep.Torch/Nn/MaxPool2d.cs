namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The maximum over (height, width) windows of input (N, C, H, W), moving by <c>stride</c> (default: the
/// kernel size) after padding each side with <c>padding</c> positions that never win; per spatial dimension
/// <c>out = ⌊(in + 2·padding − kernel) / stride⌋ + 1</c>.
/// </summary>
public sealed class MaxPool2d : Module
{
    /// <summary>A square window, with the same stride and padding along height and width.</summary>
    public MaxPool2d(long kernelSize, long? stride = null, long padding = 0)
        : this((kernelSize, kernelSize), (stride ?? kernelSize, stride ?? kernelSize), (padding, padding))
    {
    }

    /// <summary>Sizes given as (height, width).</summary>
    public MaxPool2d((long Height, long Width) kernelSize, (long Height, long Width)? stride = null, (long Height, long Width)? padding = null)
        : base(Pooling.Create(Pooling.Kind.Max, Pooling.Pair(kernelSize), Pooling.Pair(stride ?? kernelSize), Pooling.Pair(padding ?? (0, 0)), out var h), h)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding ?? (0, 0);
    }

    public (long Height, long Width) KernelSize { get; }
    public (long Height, long Width) Stride { get; }
    public (long Height, long Width) Padding { get; }
}
