namespace MlNetDeep.Torch.Nn;

/// <summary>
/// 2-D convolution over input of shape (N, C_in, H, W), giving (N, C_out, H_out, W_out) with, per
/// spatial dimension, <c>out = ⌊(in + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1</c>.
/// Parameters as in PyTorch: <c>weight</c> [C_out, C_in/groups, kH, kW] and <c>bias</c> [C_out],
/// both initialised uniform on ±1/√(C_in/groups · kH · kW).
/// </summary>
public sealed class Conv2d : Module
{
    /// <summary>A square kernel, with the same stride and dilation along height and width.</summary>
    /// <param name="padding">Default <see cref="Padding.Valid"/>; a number pads all four sides with that many zeros.</param>
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, Padding? padding = null, long dilation = 1,
        long groups = 1, bool bias = true, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : this(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), padding, (dilation, dilation), groups, bias, device, dtype)
    {
    }

    /// <summary>Sizes given as (height, width); stride and dilation default to (1, 1).</summary>
    /// <param name="padding">Default <see cref="Padding.Valid"/>; <c>Padding.Explicit(h, w)</c> pads height and width differently.</param>
    public Conv2d(long inChannels, long outChannels, (long Height, long Width) kernelSize, (long Height, long Width)? stride = null,
        Padding? padding = null, (long Height, long Width)? dilation = null, long groups = 1, bool bias = true, Device? device = null,
        ScalarType dtype = ScalarType.Float32)
        : base(Convolution.Create(2, inChannels, outChannels, Pair(kernelSize), Pair(stride ?? (1, 1)), padding ?? Padding.Valid,
            Pair(dilation ?? (1, 1)), groups, bias, device, dtype, out var h), h)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride ?? (1, 1);
        Padding = padding ?? Padding.Valid;
        Dilation = dilation ?? (1, 1);
        Groups = groups;
        HasBias = bias;
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public (long Height, long Width) KernelSize { get; }
    public (long Height, long Width) Stride { get; }
    public Padding Padding { get; }
    public (long Height, long Width) Dilation { get; }
    public long Groups { get; }
    public bool HasBias { get; }

    private static long[] Pair((long Height, long Width) v) => new[] { v.Height, v.Width };
}
