using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>The checks and native call shared by <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/>.</summary>
internal static class BatchNormalization
{
    internal static int Create(int dims, long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats,
        Device? device, ScalarType dtype, out IntPtr handle)
    {
        LayerArgs.Positive(numFeatures, nameof(numFeatures), "number of features (channels)");
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"Expected a positive, finite epsilon. Received: eps={LayerArgs.Format(eps)}.");
        if (momentum is { } m && !(m >= 0 && m <= 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), m,
                $"Expected a momentum between 0 and 1, or null for a cumulative average. Received: momentum={LayerArgs.Format(m)}.");
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        // The native side reads a negative momentum as "cumulative average" (PyTorch's momentum=None).
        return mlnd_module_batch_norm(dims, numFeatures, eps, momentum ?? -1, affine ? 1 : 0, trackRunningStats ? 1 : 0,
            (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
