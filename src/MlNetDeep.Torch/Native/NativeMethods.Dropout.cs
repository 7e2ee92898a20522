using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // dropout.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_dropout(double p, out IntPtr result);
}
