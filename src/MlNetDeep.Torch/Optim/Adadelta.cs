using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Adadelta, as PyTorch's <c>torch.optim.Adadelta</c>: steps scaled by the ratio of running
/// root-mean-squares of past updates and of gradients.
/// <code>
/// g ← g + weightDecay·p
/// v ← rho·v + (1 − rho)·g²
/// Δ = √(u + eps) / √(v + eps) · g
/// u ← rho·u + (1 − rho)·Δ²
/// p ← p − lr·Δ
/// </code>
/// </summary>
public sealed class Adadelta : Optimizer
{
    public Adadelta(IEnumerable<Tensor> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weightDecay = 0)
        : base(parameters, Create(lr, rho, eps, weightDecay))
    {
        Rho = rho;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    public double Rho { get; }
    public double Eps { get; }
    public double WeightDecay { get; }

    private static unsafe NativeFactory Create(double lr, double rho, double eps, double weightDecay)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.ClosedUnitInterval(rho);
        Hyperparameter.NonNegative(eps);
        Hyperparameter.NonNegative(weightDecay);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_adadelta(p, n, lr, rho, eps, weightDecay, out h);
    }
}
