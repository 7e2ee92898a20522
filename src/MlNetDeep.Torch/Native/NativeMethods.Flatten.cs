using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // flatten.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_flatten(long startDim, long endDim, out IntPtr result);
}
