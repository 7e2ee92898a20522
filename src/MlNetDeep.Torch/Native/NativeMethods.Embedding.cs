using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    // embedding.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_embedding(long numEmbeddings, long dim, long paddingIdx, int deviceType,
        int deviceIndex, int dtype, out IntPtr result);
}
