using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Updates a fixed list of parameters from their gradients. The parameters and the algorithm's
/// per-parameter state (moments, accumulators, step counts) live in native memory, and
/// <see cref="Step"/> updates all of them in one native call, outside autograd.
/// </summary>
/// <example>
/// <code>
/// using var optimizer = new Adam(model.Parameters(), lr: 1e-3);
/// for (int step = 0; step &lt; steps; step++)
/// {
///     using var scope = Torch.NewDisposeScope();
///     optimizer.ZeroGrad();
///     loss(model).Backward();
///     optimizer.Step();
/// }
/// </code>
/// </example>
public abstract class Optimizer : IDisposable
{
    /// <summary>Creates the native optimizer over the given parameter handles.</summary>
    private protected unsafe delegate int NativeFactory(IntPtr* parameters, int count, out IntPtr optimizer);

    private protected unsafe Optimizer(IEnumerable<Tensor> parameters, NativeFactory create)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (list.Count == 0)
            throw new ArgumentException("Expected at least one parameter. Received: an empty parameters list.", nameof(parameters));
        for (int i = 0; i < list.Count; i++)
            if (list[i] is null) throw new ArgumentException($"Expected a tensor. Received: parameters[{i}]=null.", nameof(parameters));

        using var handles = new HandleArray(list);
        int status;
        IntPtr handle;
        fixed (IntPtr* p = handles.Pointers) status = create(p, handles.Length, out handle);
        Check(status);
        Handle = new OptimizerHandle(handle);
        Parameters = list.AsReadOnly();
    }

    internal OptimizerHandle Handle { get; }

    /// <summary>The tensors this optimizer updates, in the order given to the constructor.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The learning rate the next <see cref="Step"/> uses; learning-rate schedules change it between epochs.</summary>
    public double LearningRate
    {
        get { Check(mlnd_optimizer_get_lr(Handle, out var lr)); return lr; }
        set
        {
            Hyperparameter.NonNegative(value, nameof(LearningRate));
            Check(mlnd_optimizer_set_lr(Handle, value));
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters without one (and their state) are left unchanged.</summary>
    public void Step() => Check(mlnd_optimizer_step(Handle));

    /// <summary>Removes every parameter's gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>), so the next backward pass starts afresh.</summary>
    public void ZeroGrad() => Check(mlnd_optimizer_zero_grad(Handle));

    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }
}
