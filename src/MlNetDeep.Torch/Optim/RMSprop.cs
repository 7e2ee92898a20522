using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// RMSprop, as PyTorch's <c>torch.optim.RMSprop</c>: steps divided by a running root-mean-square
/// of the gradients (centered: by their running standard deviation).
/// <code>
/// g ← g + weightDecay·p
/// v ← alpha·v + (1 − alpha)·g²
/// d = √(v − ḡ²) + eps  with  ḡ ← alpha·ḡ + (1 − alpha)·g   (centered)
/// d = √v + eps                                           (otherwise)
/// b ← momentum·b + g/d ;  p ← p − lr·b                   (momentum &gt; 0)
/// p ← p − lr·g/d                                         (otherwise)
/// </code>
/// </summary>
public sealed class RMSprop : Optimizer
{
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false)
        : base(parameters, Create(lr, alpha, eps, weightDecay, momentum, centered))
    {
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
    }

    public double Alpha { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public double Momentum { get; }
    public bool Centered { get; }

    private static unsafe NativeFactory Create(double lr, double alpha, double eps, double weightDecay, double momentum, bool centered)
    {
        Hyperparameter.NonNegative(lr);
        Hyperparameter.NonNegative(alpha);
        Hyperparameter.NonNegative(eps);
        Hyperparameter.NonNegative(weightDecay);
        Hyperparameter.NonNegative(momentum);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_rmsprop(p, n, lr, alpha, eps, weightDecay, momentum, centered ? 1 : 0, out h);
    }
}
