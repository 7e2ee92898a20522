using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // conv.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_conv(int dims, long inChannels, long outChannels, long* kernel, long* stride,
        int paddingMode, long* padding, long* dilation, long groups, int bias, int deviceType, int deviceIndex, int dtype, out IntPtr result);
}
