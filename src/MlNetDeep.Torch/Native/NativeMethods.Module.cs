using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // module.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_free(IntPtr m);
    [LibraryImport(Library)] internal static partial int mlnd_module_forward(LayerHandle m, TensorHandle x, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_module_train(LayerHandle m, int on);
    [LibraryImport(Library)] internal static partial int mlnd_module_is_training(LayerHandle m, out int on);
    [LibraryImport(Library)] internal static partial int mlnd_module_to(LayerHandle m, int deviceType, int deviceIndex, int dtype);
    [LibraryImport(Library)] internal static partial int mlnd_module_named_tensors(LayerHandle m, int buffers, IntPtr* result, int capacity, out int count, out IntPtr names);
    [LibraryImport(Library)] internal static partial int mlnd_module_sequential(IntPtr* children, int n, out IntPtr result);

    // linear.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_linear(long inFeatures, long outFeatures, int bias, int deviceType, int deviceIndex, int dtype, out IntPtr result);
}
