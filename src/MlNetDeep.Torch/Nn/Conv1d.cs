namespace MlNetDeep.Torch.Nn;

/// <summary>
/// 1-D convolution over input of shape (N, C_in, L), giving (N, C_out, L_out) with
/// <c>L_out = ⌊(L + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1</c>.
/// Parameters as in PyTorch: <c>weight</c> [C_out, C_in/groups, kernel] and <c>bias</c> [C_out],
/// both initialised uniform on ±1/√(C_in/groups · kernel).
/// </summary>
public sealed class Conv1d : Module
{
    /// <param name="padding">Default <see cref="Padding.Valid"/>; a number pads both ends with that many zeros.</param>
    public Conv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, Padding? padding = null, long dilation = 1,
        long groups = 1, bool bias = true, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Convolution.Create(1, inChannels, outChannels, new[] { kernelSize }, new[] { stride }, padding ?? Padding.Valid,
            new[] { dilation }, groups, bias, device, dtype, out var h), h)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding ?? Padding.Valid;
        Dilation = dilation;
        Groups = groups;
        HasBias = bias;
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public long KernelSize { get; }
    public long Stride { get; }
    public Padding Padding { get; }
    public long Dilation { get; }
    public long Groups { get; }
    public bool HasBias { get; }
}
