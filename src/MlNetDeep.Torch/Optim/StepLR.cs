namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Gamma"/> every <see cref="StepSize"/> epochs, as
/// PyTorch's <c>StepLR</c>: lr(epoch) = base_lr · gamma^⌊epoch / step_size⌋.
/// </summary>
public sealed class StepLR : LRScheduler
{
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        StepSize = Hyperparameter.Positive(stepSize);
        Gamma = Hyperparameter.NonNegative(gamma);
    }

    public int StepSize { get; }
    public double Gamma { get; }

    protected override double NextLearningRate(double current) =>
        LastEpoch % StepSize == 0 ? current * Gamma : current;
}
