using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Operations on several tensors at once, in the style of torch.cat / torch.stack / torch.where.
public static unsafe partial class Torch
{
    /// <summary>Joins <paramref name="tensors"/> along an existing dimension <paramref name="dim"/>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var handles = new HandleArray(tensors);
        fixed (IntPtr* p = handles.Pointers)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_cat(p, handles.Length, dim, out var r), r);
    }

    /// <summary>Joins same-shaped <paramref name="tensors"/> along a new dimension inserted at <paramref name="dim"/>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var handles = new HandleArray(tensors);
        fixed (IntPtr* p = handles.Pointers)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_stack(p, handles.Length, dim, out var r), r);
    }

    /// <summary>Element-wise <c>condition ? a : b</c> (condition a bool tensor; all three broadcast).</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_where(condition.Handle, a.Handle, b.Handle, out var r), r);
    }

    /// <summary>Matrix product, as <see cref="Tensor.MatMul"/>.</summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.MatMul(b);
    }
}
