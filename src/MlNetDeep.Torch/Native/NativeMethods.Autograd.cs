using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_autograd_set_grad_enabled(int enabled, out int previous);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_requires_grad(TensorHandle t, out int requiresGrad);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_set_requires_grad(TensorHandle t, int requiresGrad);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_backward(TensorHandle t, TensorHandle gradient, int retainGraph);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_grad(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_zero_grad(IntPtr* tensors, int n);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_detach(TensorHandle t, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_autograd_set_grad(TensorHandle t, TensorHandle grad);
}
