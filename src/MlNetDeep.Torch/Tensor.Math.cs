using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Element-wise arithmetic, matrix product and the in-place updates used by training code.
// Binary operations broadcast and promote types as PyTorch does; the C# operators are in
// Tensor.Operators.cs.
public sealed partial class Tensor
{
    /// <summary><c>this + alpha * other</c>, broadcasting.</summary>
    public Tensor Add(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Wrap(mlnd_tensor_add(Handle, other.Handle, alpha, out var r), r);
    }

    /// <summary><c>this + value</c>.</summary>
    public Tensor Add(double value) => Wrap(mlnd_tensor_add_scalar(Handle, value, out var r), r);

    /// <summary><c>this - alpha * other</c>, broadcasting.</summary>
    public Tensor Sub(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Wrap(mlnd_tensor_sub(Handle, other.Handle, alpha, out var r), r);
    }

    /// <summary><c>this - value</c>.</summary>
    public Tensor Sub(double value) => Wrap(mlnd_tensor_sub_scalar(Handle, value, out var r), r);

    /// <summary><c>value - this</c>.</summary>
    public Tensor RSub(double value) => Wrap(mlnd_tensor_rsub_scalar(Handle, value, out var r), r);

    /// <summary>Element-wise product, broadcasting.</summary>
    public Tensor Mul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Wrap(mlnd_tensor_mul(Handle, other.Handle, out var r), r);
    }

    public Tensor Mul(double value) => Wrap(mlnd_tensor_mul_scalar(Handle, value, out var r), r);

    /// <summary>Element-wise true division (integer tensors give a floating-point result), broadcasting.</summary>
    public Tensor Div(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Wrap(mlnd_tensor_div(Handle, other.Handle, out var r), r);
    }

    public Tensor Div(double value) => Wrap(mlnd_tensor_div_scalar(Handle, value, out var r), r);

    /// <summary><c>value / this</c>, element-wise.</summary>
    public Tensor RDiv(double value) => Wrap(mlnd_tensor_rdiv_scalar(Handle, value, out var r), r);

    public Tensor Neg() => Wrap(mlnd_tensor_neg(Handle, out var r), r);

    /// <summary>Element-wise <c>this ^ exponent</c>.</summary>
    public Tensor Pow(double exponent) => Wrap(mlnd_tensor_pow_scalar(Handle, exponent, out var r), r);

    /// <summary>Element-wise <c>this ^ exponent</c>, broadcasting.</summary>
    public Tensor Pow(Tensor exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        return Wrap(mlnd_tensor_pow(Handle, exponent.Handle, out var r), r);
    }

    public Tensor Exp() => Wrap(mlnd_tensor_exp(Handle, out var r), r);

    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Wrap(mlnd_tensor_log(Handle, out var r), r);

    public Tensor Sqrt() => Wrap(mlnd_tensor_sqrt(Handle, out var r), r);

    public Tensor Abs() => Wrap(mlnd_tensor_abs(Handle, out var r), r);

    /// <summary>-1, 0 or 1 by the sign of each element.</summary>
    public Tensor Sign() => Wrap(mlnd_tensor_sign(Handle, out var r), r);

    /// <summary><c>min(max(this, min), max)</c>; a null bound is not applied.</summary>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null)
            throw new ArgumentException("Expected at least one of min and max. Received: min=null, max=null.", nameof(min));
        return Wrap(mlnd_tensor_clamp(Handle, min ?? 0, min is null ? 0 : 1, max ?? 0, max is null ? 0 : 1, out var r), r);
    }

    /// <summary>Matrix product with PyTorch's <c>matmul</c> rules (vectors, matrices, batched with broadcasting).</summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Wrap(mlnd_tensor_matmul(Handle, other.Handle, out var r), r);
    }

    // ---- in place --------------------------------------------------------------------------
    // Like PyTorch's, these are recorded by autograd when gradient mode is on: update parameters
    // inside Torch.NoGrad() (libtorch refuses an in-place change of a leaf that requires grad).

    /// <summary><c>this += alpha * other</c> in place; returns this tensor.</summary>
    public Tensor Add_(Tensor other, double alpha = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check(mlnd_tensor_add_(Handle, other.Handle, alpha));
        return this;
    }

    /// <summary><c>this *= value</c> in place; returns this tensor.</summary>
    public Tensor Mul_(double value)
    {
        Check(mlnd_tensor_mul_scalar_(Handle, value));
        return this;
    }

    /// <summary>Sets every element to zero in place; returns this tensor.</summary>
    public Tensor Zero_()
    {
        Check(mlnd_tensor_zero_(Handle));
        return this;
    }
}
