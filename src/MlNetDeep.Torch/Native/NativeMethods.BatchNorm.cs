using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // batchnorm.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_batch_norm(int dims, long numFeatures, double eps, double momentum, int affine,
        int trackRunningStats, int deviceType, int deviceIndex, int dtype, out IntPtr result);
}
