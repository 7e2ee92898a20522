using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Reductions: over all elements (a 0-d tensor) or over chosen dimensions, with keepDim keeping
// the reduced dimensions as size 1 (so the result broadcasts against the input).
public sealed unsafe partial class Tensor
{
    /// <summary>Sum of all elements, as a 0-d tensor.</summary>
    public Tensor Sum() => Wrap(mlnd_tensor_sum(Handle, out var r), r);

    /// <summary>Sum over <paramref name="dims"/>.</summary>
    public Tensor Sum(long[] dims, bool keepDim = false)
    {
        CheckDims(dims);
        fixed (long* p = dims) return Wrap(mlnd_tensor_sum_dims(Handle, p, dims.Length, keepDim ? 1 : 0, out var r), r);
    }

    public Tensor Sum(long dim, bool keepDim = false) => Sum(new[] { dim }, keepDim);

    /// <summary>Mean of all elements, as a 0-d tensor (floating-point tensors only).</summary>
    public Tensor Mean() => Wrap(mlnd_tensor_mean(Handle, out var r), r);

    /// <summary>Mean over <paramref name="dims"/>.</summary>
    public Tensor Mean(long[] dims, bool keepDim = false)
    {
        CheckDims(dims);
        fixed (long* p = dims) return Wrap(mlnd_tensor_mean_dims(Handle, p, dims.Length, keepDim ? 1 : 0, out var r), r);
    }

    public Tensor Mean(long dim, bool keepDim = false) => Mean(new[] { dim }, keepDim);

    /// <summary>Largest element, as a 0-d tensor.</summary>
    public Tensor Max() => Wrap(mlnd_tensor_max(Handle, out var r), r);

    /// <summary>Smallest element, as a 0-d tensor.</summary>
    public Tensor Min() => Wrap(mlnd_tensor_min(Handle, out var r), r);

    /// <summary>Largest values along <paramref name="dim"/> and their (int64) positions.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepDim = false)
    {
        Check(mlnd_tensor_max_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>Smallest values along <paramref name="dim"/> and their (int64) positions.</summary>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepDim = false)
    {
        Check(mlnd_tensor_min_dim(Handle, dim, keepDim ? 1 : 0, out var values, out var indices));
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>Position of the largest element in the flattened tensor (int64, 0-d).</summary>
    public Tensor ArgMax() => Wrap(mlnd_tensor_argmax(Handle, 0, 0, 0, out var r), r);

    /// <summary>Positions of the largest elements along <paramref name="dim"/> (int64).</summary>
    public Tensor ArgMax(long dim, bool keepDim = false) => Wrap(mlnd_tensor_argmax(Handle, dim, 1, keepDim ? 1 : 0, out var r), r);

    /// <summary>Position of the smallest element in the flattened tensor (int64, 0-d).</summary>
    public Tensor ArgMin() => Wrap(mlnd_tensor_argmin(Handle, 0, 0, 0, out var r), r);

    /// <summary>Positions of the smallest elements along <paramref name="dim"/> (int64).</summary>
    public Tensor ArgMin(long dim, bool keepDim = false) => Wrap(mlnd_tensor_argmin(Handle, dim, 1, keepDim ? 1 : 0, out var r), r);

    /// <summary>Variance of all elements; divides by n − 1 when <paramref name="unbiased"/>, else by n.</summary>
    public Tensor Var(bool unbiased = true) => Wrap(mlnd_tensor_var(Handle, null, 0, unbiased ? 1 : 0, 0, out var r), r);

    /// <summary>Variance over <paramref name="dims"/>; divides by n − 1 when <paramref name="unbiased"/>, else by n.</summary>
    public Tensor Var(long[] dims, bool unbiased = true, bool keepDim = false)
    {
        CheckDims(dims);
        fixed (long* p = dims) return Wrap(mlnd_tensor_var(Handle, p, dims.Length, unbiased ? 1 : 0, keepDim ? 1 : 0, out var r), r);
    }

    public Tensor Var(long dim, bool unbiased = true, bool keepDim = false) => Var(new[] { dim }, unbiased, keepDim);

    /// <summary>Standard deviation of all elements (the square root of <see cref="Var(bool)"/>).</summary>
    public Tensor Std(bool unbiased = true) => Wrap(mlnd_tensor_std(Handle, null, 0, unbiased ? 1 : 0, 0, out var r), r);

    /// <summary>Standard deviation over <paramref name="dims"/>.</summary>
    public Tensor Std(long[] dims, bool unbiased = true, bool keepDim = false)
    {
        CheckDims(dims);
        fixed (long* p = dims) return Wrap(mlnd_tensor_std(Handle, p, dims.Length, unbiased ? 1 : 0, keepDim ? 1 : 0, out var r), r);
    }

    public Tensor Std(long dim, bool unbiased = true, bool keepDim = false) => Std(new[] { dim }, unbiased, keepDim);

    /// <summary>The p-norm of all elements, <c>(Σ |x|^p)^(1/p)</c> (p = ∞ gives max |x|).</summary>
    public Tensor Norm(double p = 2) => Wrap(mlnd_tensor_norm(Handle, p, null, 0, 0, out var r), r);

    /// <summary>The p-norm over <paramref name="dims"/>.</summary>
    public Tensor Norm(double p, long[] dims, bool keepDim = false)
    {
        CheckDims(dims);
        fixed (long* d = dims) return Wrap(mlnd_tensor_norm(Handle, p, d, dims.Length, keepDim ? 1 : 0, out var r), r);
    }

    private static void CheckDims(long[] dims, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(dims))] string name = "dims")
    {
        ArgumentNullException.ThrowIfNull(dims, name);
        if (dims.Length == 0)
            throw new ArgumentException("Expected at least one dimension to reduce over. Received: dims=[].", name);
    }
}
