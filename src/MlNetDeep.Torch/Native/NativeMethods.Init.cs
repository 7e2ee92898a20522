using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_init_uniform_(TensorHandle t, double low, double high);
    [LibraryImport(Library)] internal static partial int mlnd_init_normal_(TensorHandle t, double mean, double std);
}
