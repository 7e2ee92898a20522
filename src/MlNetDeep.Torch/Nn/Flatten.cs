using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Merges dimensions <c>startDim</c>..<c>endDim</c> (negative counts from the end) into one, as
/// PyTorch's Flatten: the default turns (N, C, H, W) into (N, C·H·W). A dimension outside the
/// input's rank fails with a <see cref="TorchException"/>.
/// </summary>
public sealed class Flatten : Module
{
    public Flatten(int startDim = 1, int endDim = -1) : base(Create(startDim, endDim, out var h), h)
    {
        StartDim = startDim;
        EndDim = endDim;
    }

    public int StartDim { get; }
    public int EndDim { get; }

    private static int Create(int startDim, int endDim, out IntPtr handle)
    {
        // Only same-signed dimensions can be compared before the input's rank is known.
        if ((startDim >= 0) == (endDim >= 0) && startDim > endDim)
            throw new ArgumentException($"Expected startDim to come no later than endDim ({endDim}). Received: startDim={startDim}.", nameof(startDim));
        return mlnd_module_flatten(startDim, endDim, out handle);
    }
}
