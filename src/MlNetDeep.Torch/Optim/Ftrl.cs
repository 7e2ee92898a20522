using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// FTRL-Proximal ("Follow The Regularized Leader", McMahan et al. 2013) as Keras and TensorFlow
/// define it (<c>keras.optimizers.Ftrl</c>; PyTorch has no twin). Its L1 term sets small weights
/// to exactly zero, which suits large sparse linear models. Arguments and defaults are Keras'.
/// With n the squared-gradient accumulator, z the linear term and c = learningRatePower:
/// <code>
/// g' = g + 2·l2ShrinkageRegularizationStrength·p
/// n' = n + g²                                          (n starts at initialAccumulatorValue)
/// z ← z + g' − (n'^(−c) − n^(−c)) / lr · p              (z starts at 0)
/// q = n'^(−c) / lr + 2·(l2RegularizationStrength + beta/(2·lr))
/// p ← (clip(z, −l1, l1) − z) / q                        (0 wherever |z| ≤ l1RegularizationStrength)
/// n ← n'
/// </code>
/// </summary>
public sealed class Ftrl : Optimizer
{
    public Ftrl(IEnumerable<Tensor> parameters, double learningRate = 0.001, double learningRatePower = -0.5,
        double initialAccumulatorValue = 0.1, double l1RegularizationStrength = 0, double l2RegularizationStrength = 0,
        double l2ShrinkageRegularizationStrength = 0, double beta = 0)
        : base(parameters, Create(learningRate, learningRatePower, initialAccumulatorValue, l1RegularizationStrength,
            l2RegularizationStrength, l2ShrinkageRegularizationStrength, beta))
    {
        LearningRatePower = learningRatePower;
        InitialAccumulatorValue = initialAccumulatorValue;
        L1RegularizationStrength = l1RegularizationStrength;
        L2RegularizationStrength = l2RegularizationStrength;
        L2ShrinkageRegularizationStrength = l2ShrinkageRegularizationStrength;
        Beta = beta;
    }

    public double LearningRatePower { get; }
    public double InitialAccumulatorValue { get; }
    public double L1RegularizationStrength { get; }
    public double L2RegularizationStrength { get; }
    public double L2ShrinkageRegularizationStrength { get; }
    public double Beta { get; }

    private static unsafe NativeFactory Create(double learningRate, double learningRatePower, double initialAccumulatorValue,
        double l1RegularizationStrength, double l2RegularizationStrength, double l2ShrinkageRegularizationStrength, double beta)
    {
        Hyperparameter.NonNegative(learningRate);
        Hyperparameter.NonPositive(learningRatePower);
        Hyperparameter.NonNegative(initialAccumulatorValue);
        Hyperparameter.NonNegative(l1RegularizationStrength);
        Hyperparameter.NonNegative(l2RegularizationStrength);
        Hyperparameter.NonNegative(l2ShrinkageRegularizationStrength);
        Hyperparameter.NonNegative(beta);
        return (IntPtr* p, int n, out IntPtr h) => mlnd_optimizer_ftrl(p, n, learningRate, learningRatePower, initialAccumulatorValue,
            l1RegularizationStrength, l2RegularizationStrength, l2ShrinkageRegularizationStrength, beta, out h);
    }
}
