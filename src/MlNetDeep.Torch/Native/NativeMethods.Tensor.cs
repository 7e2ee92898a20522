using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_tensor_free(IntPtr t);
    [LibraryImport(Library)]
    internal static partial int mlnd_tensor_from_data(void* data, long nbytes, int dtype, long* shape, int ndim,
        int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_ndim(TensorHandle t, out int ndim);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_shape(TensorHandle t, long* shape, int capacity);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_dtype(TensorHandle t, out int dtype);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_device(TensorHandle t, out int type, out int index);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_numel(TensorHandle t, out long numel);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_defined(TensorHandle t, out int defined);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_zeros(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_ones(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_rand(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_randn(long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_randperm(long n, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_to(TensorHandle t, int deviceType, int deviceIndex, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_clone(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_item(TensorHandle t, out double value);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Library)] internal static partial int mlnd_tensor_fill_(TensorHandle dst, double value);
}
