namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The mean (padding zeros included, as in PyTorch) over windows of <c>kernelSize</c> positions of input (N, C, L), moving by <c>stride</c>
/// (default: the kernel size) after padding both ends with <c>padding</c> zeros:
/// <c>L_out = ⌊(L + 2·padding − kernelSize) / stride⌋ + 1</c>.
/// </summary>
public sealed class AvgPool1d : Module
{
    public AvgPool1d(long kernelSize, long? stride = null, long padding = 0)
        : base(Pooling.Create(Pooling.Kind.Average, new[] { kernelSize }, new[] { stride ?? kernelSize }, new[] { padding }, out var h), h)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding;
    }

    public long KernelSize { get; }
    public long Stride { get; }
    public long Padding { get; }
}
