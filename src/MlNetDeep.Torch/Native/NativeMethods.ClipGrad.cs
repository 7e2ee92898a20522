using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // clip_grad.cpp
    [LibraryImport(Library)] internal static partial int mlnd_clip_grad_norm(IntPtr* parameters, int n, double maxNorm, double normType, out double totalNorm);
    [LibraryImport(Library)] internal static partial int mlnd_clip_grad_value(IntPtr* parameters, int n, double clipValue);
}
