using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Adagrad, as PyTorch's <c>torch.optim.Adagrad</c>: each element's step shrinks with the sum
/// of its squared gradients.
/// <code>
/// t ← t + 1 ;  g ← g + weightDecay·p
/// clr = lr / (1 + (t − 1)·lrDecay)
/// s ← s + g²                          (s starts at initialAccumulatorValue)
/// p ← p − clr · g / (√s + eps)
/// </code>
/// </summary>
public sealed class Adagrad : Optimizer
{
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10)
        : base(parameters, Create(lr, lrDecay, weightDecay, initialAccumulatorValue, eps))
    {
        LrDecay = lrDecay;
        WeightDecay = weightDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Eps = eps;
    }

    public double LrDecay { get; }
    public double WeightDecay { get; }
    public double InitialAccumulatorValue { get; }
    public double Eps { get; }

    private static unsafe NativeFactory Create(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.NonNegative(lrDecay);
        Hyperparameter.NonNegative(weightDecay);
        Hyperparameter.NonNegative(initialAccumulatorValue);
        Hyperparameter.NonNegative(eps);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_adagrad(p, n, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, out h);
    }
}
