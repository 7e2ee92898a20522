using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // pooling.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_pool(int dims, int kind, long* kernel, long* stride, long* padding, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_module_global_pool(int dims, int kind, out IntPtr result);
}
