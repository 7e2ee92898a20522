using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

/// <summary>Owns one reference to a native layer; releasing it calls mlnd_module_free exactly once.</summary>
internal sealed class LayerHandle : SafeHandle
{
    public LayerHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.mlnd_module_free(handle) == 0;
}
