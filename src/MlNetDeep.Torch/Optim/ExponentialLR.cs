namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every epoch, as PyTorch's
/// <c>ExponentialLR</c>: lr(epoch) = base_lr · gamma^epoch.
/// </summary>
public sealed class ExponentialLR : LRScheduler
{
    public ExponentialLR(Optimizer optimizer, double gamma) : base(optimizer)
    {
        Gamma = Hyperparameter.NonNegative(gamma);
    }

    public double Gamma { get; }

    protected override double NextLearningRate(double current) => current * Gamma;
}
