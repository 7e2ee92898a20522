using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Gradient clipping over many tensors in one native call, as PyTorch's
/// <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>. Call it between the
/// backward pass and the optimizer step; tensors without a gradient are skipped.
/// </summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients together so that their global norm — the norm of the concatenation of
    /// every gradient — is at most <paramref name="maxNorm"/>:
    /// <c>g ← g · min(1, maxNorm / (total + 1e-6))</c>.
    /// </summary>
    /// <param name="parameters">Tensors whose gradients are clipped in place.</param>
    /// <param name="maxNorm">The largest allowed global norm.</param>
    /// <param name="normType">The p of the p-norm; <see cref="double.PositiveInfinity"/> for the largest absolute value.</param>
    /// <returns>The global norm before clipping (0 when no tensor has a gradient).</returns>
    public static unsafe double ClipByNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2)
    {
        var list = Materialize(parameters);
        Hyperparameter.NonNegative(maxNorm);
        Hyperparameter.Positive(normType);
        using var handles = new HandleArray(list);
        double total;
        fixed (IntPtr* p = handles.Pointers) Check(mlnd_clip_grad_norm(p, handles.Length, maxNorm, normType, out total));
        return total;
    }

    /// <summary>Clamps every gradient element to [−<paramref name="clipValue"/>, <paramref name="clipValue"/>], in place.</summary>
    public static unsafe void ClipByValue(IEnumerable<Tensor> parameters, double clipValue)
    {
        var list = Materialize(parameters);
        Hyperparameter.NonNegative(clipValue);
        using var handles = new HandleArray(list);
        fixed (IntPtr* p = handles.Pointers) Check(mlnd_clip_grad_value(p, handles.Length, clipValue));
    }

    private static List<Tensor> Materialize(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        for (int i = 0; i < list.Count; i++)
            if (list[i] is null) throw new ArgumentException($"Expected a tensor. Received: parameters[{i}]=null.", nameof(parameters));
        return list;
    }
}
