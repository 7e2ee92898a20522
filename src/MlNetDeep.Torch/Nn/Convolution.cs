using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>The checks and native call shared by <see cref="Conv1d"/> and <see cref="Conv2d"/>.</summary>
internal static class Convolution
{
    internal static unsafe int Create(int dims, long inChannels, long outChannels, long[] kernelSize, long[] stride,
        Padding padding, long[] dilation, long groups, bool bias, Device? device, ScalarType dtype, out IntPtr handle)
    {
        LayerArgs.Positive(inChannels, nameof(inChannels), "number of input channels");
        LayerArgs.Positive(outChannels, nameof(outChannels), "number of output channels");
        LayerArgs.Positive(groups, nameof(groups), "number of groups");
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException(
                $"Expected groups to divide both inChannels ({inChannels}) and outChannels ({outChannels}). Received: groups={groups}.", nameof(groups));
        LayerArgs.Sizes(nameof(kernelSize), "kernel sizes", 1, kernelSize);
        LayerArgs.Sizes(nameof(stride), "strides", 1, stride);
        LayerArgs.Sizes(nameof(dilation), "dilations", 1, dilation);
        ArgumentNullException.ThrowIfNull(padding);
        if (padding.Kind == PaddingKind.Same && stride.Any(s => s != 1))
            throw new ArgumentException(
                $"Padding.Same needs stride 1 (the padding of a strided 'same' convolution is ambiguous, so PyTorch rejects it). Received: padding=same, stride={LayerArgs.Format(stride)}.",
                nameof(padding));
        var pad = padding.Resolve(dims, nameof(padding));
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        fixed (long* k = kernelSize)
        fixed (long* s = stride)
        fixed (long* p = pad)
        fixed (long* dl = dilation)
            return mlnd_module_conv(dims, inChannels, outChannels, k, s, (int)padding.Kind, p, dl, groups, bias ? 1 : 0,
                (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
