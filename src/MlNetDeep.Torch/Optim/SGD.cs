using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, as PyTorch's <c>torch.optim.SGD</c>.
/// Plain gradient descent is momentum 0; whether it is full-batch gradient descent, SGD or
/// mini-batch SGD is decided by how many samples the gradients were computed from.
/// <code>
/// g ← g + weightDecay·p
/// b ← g at the first step, then b ← momentum·b + (1 − dampening)·g      (only when momentum ≠ 0)
/// g ← g + momentum·b  if nesterov,  else  g ← b
/// p ← p − lr·g
/// </code>
/// </summary>
public sealed class SGD : Optimizer
{
    /// <param name="parameters">The tensors to update.</param>
    /// <param name="lr">Learning rate (PyTorch has no default for SGD).</param>
    /// <param name="momentum">Momentum factor μ; 0 is plain gradient descent.</param>
    /// <param name="dampening">Dampening τ of the momentum.</param>
    /// <param name="nesterov">Nesterov momentum; needs momentum &gt; 0 and dampening 0.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient.</param>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0)
        : base(parameters, Create(lr, momentum, dampening, nesterov, weightDecay))
    {
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    public double Momentum { get; }
    public double Dampening { get; }
    public bool Nesterov { get; }
    public double WeightDecay { get; }

    private static unsafe NativeFactory Create(double lr, double momentum, double dampening, bool nesterov, double weightDecay)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.NonNegative(momentum);
        Hyperparameter.NonNegative(weightDecay);
        if (nesterov && !(momentum > 0 && dampening == 0))
            throw new ArgumentException(
                $"Expected momentum > 0 and dampening = 0 with nesterov=True. Received: momentum={Hyperparameter.Format(momentum)}, dampening={Hyperparameter.Format(dampening)}",
                nameof(nesterov));
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_sgd(p, n, lr, momentum, dampening, nesterov ? 1 : 0, weightDecay, out h);
    }
}
