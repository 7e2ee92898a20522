using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// AdamW, as PyTorch's <c>torch.optim.AdamW</c>: <see cref="Adam"/> with decoupled weight decay,
/// which shrinks the parameters directly instead of adding an L2 penalty to the gradient.
/// <code>
/// t ← t + 1 ;  p ← p·(1 − lr·weightDecay)
/// m ← beta1·m + (1 − beta1)·g
/// v ← beta2·v + (1 − beta2)·g²
/// v ← v_max = max(v_max, v)                              (amsgrad)
/// p ← p − lr/(1 − beta1ᵗ) · m / (√v / √(1 − beta2ᵗ) + eps)
/// </code>
/// </summary>
public sealed class AdamW : Optimizer
{
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 1e-2, bool amsgrad = false)
        : base(parameters, Create(lr, beta1, beta2, eps, weightDecay, amsgrad))
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        Amsgrad = amsgrad;
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool Amsgrad { get; }

    private static unsafe NativeFactory Create(double lr, double beta1, double beta2, double eps, double weightDecay, bool amsgrad)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.UnitInterval(beta1);
        Hyperparameter.UnitInterval(beta2);
        Hyperparameter.NonNegative(eps);
        Hyperparameter.NonNegative(weightDecay);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_adam(p, n, lr, beta1, beta2, eps, weightDecay, amsgrad ? 1 : 0, 1, out h);
    }
}
