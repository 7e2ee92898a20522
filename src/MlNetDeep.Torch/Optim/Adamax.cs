using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Adamax, as PyTorch's <c>torch.optim.Adamax</c>: Adam with the infinity norm in place of the
/// root-mean-square.
/// <code>
/// t ← t + 1 ;  g ← g + weightDecay·p
/// m ← beta1·m + (1 − beta1)·g
/// u ← max(beta2·u, |g| + eps)
/// p ← p − lr/(1 − beta1ᵗ) · m/u
/// </code>
/// </summary>
public sealed class Adamax : Optimizer
{
    public Adamax(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0)
        : base(parameters, Create(lr, beta1, beta2, eps, weightDecay))
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }

    private static unsafe NativeFactory Create(double lr, double beta1, double beta2, double eps, double weightDecay)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.UnitInterval(beta1);
        Hyperparameter.UnitInterval(beta2);
        Hyperparameter.NonNegative(eps);
        Hyperparameter.NonNegative(weightDecay);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_adamax(p, n, lr, beta1, beta2, eps, weightDecay, out h);
    }
}
