using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>The checks and native calls shared by the pooling layers.</summary>
internal static class Pooling
{
    internal enum Kind { Max = 0, Average = 1, Min = 2 }

    internal static unsafe int Create(Kind kind, long[] kernelSize, long[] stride, long[] padding, out IntPtr handle)
    {
        LayerArgs.Sizes(nameof(kernelSize), "kernel sizes", 1, kernelSize);
        LayerArgs.Sizes(nameof(stride), "strides", 1, stride);
        LayerArgs.Sizes(nameof(padding), "padding sizes", 0, padding);
        for (int i = 0; i < padding.Length; i++)
            if (padding[i] > kernelSize[i] / 2)
                throw new ArgumentOutOfRangeException(nameof(padding), padding[i],
                    $"Expected padding of at most half the kernel size {LayerArgs.Format(kernelSize)}. Received: padding={LayerArgs.Format(padding)}.");
        fixed (long* k = kernelSize)
        fixed (long* s = stride)
        fixed (long* p = padding)
            return mlnd_module_pool(kernelSize.Length, (int)kind, k, s, p, out handle);
    }

    internal static int CreateGlobal(int dims, Kind kind, out IntPtr handle) => mlnd_module_global_pool(dims, (int)kind, out handle);

    internal static long[] Pair((long Height, long Width) v) => new[] { v.Height, v.Width };
}
