using System.Runtime.InteropServices;

namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// Owner of one ONNX Runtime object: released exactly once, by the matching Release function,
/// when disposed (or finalized). Wrap a pointer as soon as the creating call returns it.
/// </summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    protected OrtHandle(IntPtr pointer) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(pointer);

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw pointer, for a call made while this handle is known to be alive.</summary>
    public IntPtr Pointer => handle;
}

/// <summary>An <c>OrtEnv</c>.</summary>
internal sealed unsafe class OrtEnvHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseEnv(handle); return true; }
}

/// <summary>An <c>OrtSessionOptions</c>.</summary>
internal sealed unsafe class OrtSessionOptionsHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseSessionOptions(handle); return true; }
}

/// <summary>An <c>OrtSession</c>.</summary>
internal sealed unsafe class OrtSessionHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseSession(handle); return true; }
}

/// <summary>An <c>OrtValue</c>.</summary>
internal sealed unsafe class OrtValueHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseValue(handle); return true; }
}

/// <summary>An <c>OrtTypeInfo</c>.</summary>
internal sealed unsafe class OrtTypeInfoHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseTypeInfo(handle); return true; }
}

/// <summary>An owned <c>OrtTensorTypeAndShapeInfo</c> (one from <c>GetTensorTypeAndShape</c>;
/// the one <c>CastTypeInfoToTensorInfo</c> returns belongs to its type info and is not wrapped).</summary>
internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseTensorTypeAndShapeInfo(handle); return true; }
}

/// <summary>An <c>OrtMemoryInfo</c>.</summary>
internal sealed unsafe class OrtMemoryInfoHandle(IntPtr pointer) : OrtHandle(pointer)
{
    protected override bool ReleaseHandle() { OrtApi.Get().ReleaseMemoryInfo(handle); return true; }
}
