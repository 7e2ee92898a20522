using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

/// <summary>Owns one native at::Tensor; releasing it calls mlnd_tensor_free exactly once.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.mlnd_tensor_free(handle) == 0;
}
