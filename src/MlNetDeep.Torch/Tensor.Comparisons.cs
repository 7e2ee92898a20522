using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Element-wise comparisons giving bool tensors (broadcasting). They are methods, not the C#
// operators ==, !=, <, ...: a Tensor's == stays reference equality.
public sealed partial class Tensor
{
    public Tensor Eq(Tensor other) => Wrap(mlnd_tensor_eq(Handle, NotNull(other).Handle, out var r), r);
    public Tensor Ne(Tensor other) => Wrap(mlnd_tensor_ne(Handle, NotNull(other).Handle, out var r), r);
    public Tensor Lt(Tensor other) => Wrap(mlnd_tensor_lt(Handle, NotNull(other).Handle, out var r), r);
    public Tensor Le(Tensor other) => Wrap(mlnd_tensor_le(Handle, NotNull(other).Handle, out var r), r);
    public Tensor Gt(Tensor other) => Wrap(mlnd_tensor_gt(Handle, NotNull(other).Handle, out var r), r);
    public Tensor Ge(Tensor other) => Wrap(mlnd_tensor_ge(Handle, NotNull(other).Handle, out var r), r);

    public Tensor Eq(double value) => Wrap(mlnd_tensor_eq_scalar(Handle, value, out var r), r);
    public Tensor Ne(double value) => Wrap(mlnd_tensor_ne_scalar(Handle, value, out var r), r);
    public Tensor Lt(double value) => Wrap(mlnd_tensor_lt_scalar(Handle, value, out var r), r);
    public Tensor Le(double value) => Wrap(mlnd_tensor_le_scalar(Handle, value, out var r), r);
    public Tensor Gt(double value) => Wrap(mlnd_tensor_gt_scalar(Handle, value, out var r), r);
    public Tensor Ge(double value) => Wrap(mlnd_tensor_ge_scalar(Handle, value, out var r), r);

    // The tensor, or an ArgumentNullException naming the caller's argument (shared with Tensor.Operators.cs).
    private static Tensor NotNull(Tensor tensor, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(tensor))] string name = "") =>
        tensor ?? throw new ArgumentNullException(name);
}
