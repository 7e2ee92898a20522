using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static partial class NativeMethods
{
    // activations.cpp
    [LibraryImport(Library)] internal static partial int mlnd_activation_apply(TensorHandle x, int kind, double p0, double p1, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_activation_prelu(TensorHandle x, TensorHandle weight, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_module_activation(int kind, double p0, double p1, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_module_prelu(long numParameters, double init, int deviceType, int deviceIndex, int dtype, out IntPtr result);
}
