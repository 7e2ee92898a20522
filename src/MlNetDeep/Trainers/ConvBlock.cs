using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// One convolution block of a <see cref="CnnOptions"/> network: Conv2d(<see cref="Filters"/>, <see cref="KernelSize"/>,
/// <see cref="Stride"/>, <see cref="Padding"/>) → [BatchNorm] → <see cref="Activation"/> → [MaxPool(<see cref="PoolSize"/>)] → [Dropout].
/// </summary>
public sealed record ConvBlock
{
    /// <summary>A block of <paramref name="filters"/> filters of <paramref name="kernelSize"/>×<paramref name="kernelSize"/>, followed by max pooling of <paramref name="poolSize"/> (0 for none).</summary>
    public ConvBlock(int filters, int kernelSize = 3, int poolSize = 0)
    {
        Filters = filters;
        KernelSize = kernelSize;
        PoolSize = poolSize;
    }

    /// <summary>Output channels.</summary>
    public int Filters { get; init; }

    /// <summary>The square kernel's side.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>The convolution's stride.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>Zero padding on each side; -1 for "same" (needs stride 1).</summary>
    public int Padding { get; init; }

    /// <summary>Max pooling window after the activation (stride = window); 0 for none.</summary>
    public int PoolSize { get; init; }

    /// <summary>The block's activation.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;
}
