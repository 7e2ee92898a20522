using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static partial class NativeMethods
{
    // recurrent.cpp
    [LibraryImport(Library)] internal static partial int mlnd_module_recurrent(int cell, long inputSize, long hiddenSize, long numLayers, int bias, int batchFirst, double dropout, int bidirectional, int deviceType, int deviceIndex, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_module_recurrent_forward_state(LayerHandle m, TensorHandle x, TensorHandle h0, TensorHandle c0, out IntPtr output, out IntPtr hN, out IntPtr cN);
    [LibraryImport(Library)] internal static partial int mlnd_module_last_time_step(int batchFirst, out IntPtr result);
}
