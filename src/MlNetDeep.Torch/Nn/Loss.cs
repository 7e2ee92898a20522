using MlNetDeep.Torch.Native;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// A loss function: <c>Compute(prediction, target)</c> returns a tensor that autograd can
/// differentiate with respect to the prediction (a scalar unless <see cref="Reduction"/> is
/// <see cref="Reduction.None"/>). Each loss is one native call. Losses that hold tensors
/// (class weights) own a private copy of them; dispose the loss to release it.
/// </summary>
public abstract class Loss : IDisposable
{
    private protected Loss(Reduction reduction)
    {
        if (!Enum.IsDefined(reduction))
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Expected Mean, Sum or None.");
        Reduction = reduction;
    }

    /// <summary>How per-element values are combined.</summary>
    public Reduction Reduction { get; }

    /// <summary>A short name for summaries and logs, e.g. "MSELoss".</summary>
    public virtual string Name => GetType().Name;

    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/>.</summary>
    public Tensor Compute(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        return ComputeCore(prediction, target);
    }

    /// <summary>Same as <see cref="Compute"/>.</summary>
    public Tensor Call(Tensor prediction, Tensor target) => Compute(prediction, target);

    private protected abstract Tensor ComputeCore(Tensor prediction, Tensor target);

    /// <summary>at::Reduction's numbering: none 0, mean 1, sum 2.</summary>
    private protected int NativeReduction => Reduction switch
    {
        Reduction.None => 0,
        Reduction.Mean => 1,
        _ => 2,
    };

    /// <summary>A private copy of an optional tensor argument, outside every dispose scope, so the loss owns it.</summary>
    private protected static Tensor? Own(Tensor? t)
    {
        if (t is null) return null;
        using var detached = t.Detach();
        return detached.Clone().DetachFromDisposeScope();
    }

    // One shared invalid handle marshals as NULL; it is never disposed, and sharing it avoids a
    // finalizable allocation per call in training loops.
    private static readonly TensorHandle NullHandle = new();

    /// <summary>The handle to pass for an optional tensor: the native NULL when absent.</summary>
    private protected static TensorHandle HandleOrNull(Tensor? t) => t?.Handle ?? NullHandle;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}
