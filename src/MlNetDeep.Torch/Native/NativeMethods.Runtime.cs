using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_runtime_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int mlnd_runtime_set_num_threads(int n);
    [LibraryImport(Library)] internal static partial int mlnd_runtime_get_num_threads(out int n);
    [LibraryImport(Library)] internal static partial int mlnd_runtime_cuda_device_count(out int n);
    [LibraryImport(Library)] internal static partial int mlnd_runtime_version(out IntPtr version);
}
