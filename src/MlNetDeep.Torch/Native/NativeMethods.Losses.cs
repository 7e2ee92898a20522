using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_loss_mse(TensorHandle input, TensorHandle target, int reduction, double scale, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_loss_l1(TensorHandle input, TensorHandle target, int reduction, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_loss_huber(TensorHandle input, TensorHandle target, int reduction, double delta, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_loss_bce(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_loss_bce_with_logits(TensorHandle input, TensorHandle target, TensorHandle weight, TensorHandle posWeight,
        int reduction, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_loss_categorical_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight,
        int fromLogits, double eps, long dim, int reduction, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_loss_sparse_categorical_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight,
        int logProbabilities, long ignoreIndex, int reduction, out IntPtr result);
}
