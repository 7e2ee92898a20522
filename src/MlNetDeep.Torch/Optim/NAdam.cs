using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// NAdam (Adam with Nesterov momentum), as PyTorch 1.13's <c>torch.optim.NAdam</c>, including
/// its momentum-decay schedule.
/// <code>
/// t ← t + 1 ;  g ← g + weightDecay·p
/// μₜ = beta1·(1 − ½·0.96^(t·momentumDecay)) ;  Π ← Π·μₜ
/// m ← beta1·m + (1 − beta1)·g ;  v ← beta2·v + (1 − beta2)·g²
/// d = √(v / (1 − beta2ᵗ)) + eps
/// p ← p − lr·(1 − μₜ)/(1 − Π) · g/d − lr·μₜ₊₁/(1 − Π·μₜ·μₜ₊₁) · m/d
/// </code>
/// </summary>
public sealed class NAdam : Optimizer
{
    public NAdam(IEnumerable<Tensor> parameters, double lr = 2e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0, double momentumDecay = 4e-3)
        : base(parameters, Create(lr, beta1, beta2, eps, weightDecay, momentumDecay))
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        MomentumDecay = momentumDecay;
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public double MomentumDecay { get; }

    private static unsafe NativeFactory Create(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.UnitInterval(beta1);
        Hyperparameter.UnitInterval(beta2);
        Hyperparameter.NonNegative(eps);
        Hyperparameter.NonNegative(weightDecay);
        Hyperparameter.NonNegative(momentumDecay);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_nadam(p, n, lr, beta1, beta2, eps, weightDecay, momentumDecay, out h);
    }
}
