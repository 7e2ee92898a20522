using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

/// <summary>Owns one native optimizer; releasing it calls mlnd_optimizer_free exactly once.</summary>
internal sealed class OptimizerHandle : SafeHandle
{
    public OptimizerHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.mlnd_optimizer_free(handle) == 0;
}
