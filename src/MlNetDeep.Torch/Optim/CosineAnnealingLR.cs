namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Anneals the learning rate from its base value to <see cref="EtaMin"/> along half a cosine over
/// <see cref="TMax"/> epochs, then back up, as PyTorch's <c>CosineAnnealingLR</c> (SGDR without
/// restarts): lr(epoch) = eta_min + (base_lr − eta_min)·(1 + cos(π·epoch / T_max)) / 2.
/// Like PyTorch, each step applies the recursive form of that formula to the current rate.
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0) : base(optimizer)
    {
        TMax = Hyperparameter.Positive(tMax);
        EtaMin = Hyperparameter.NonNegative(etaMin);
    }

    /// <summary>Half-period in epochs (PyTorch's <c>T_max</c>).</summary>
    public int TMax { get; }

    /// <summary>The lowest learning rate (PyTorch's <c>eta_min</c>).</summary>
    public double EtaMin { get; }

    protected override double NextLearningRate(double current)
    {
        var t = LastEpoch;
        // At the bottom of each period the recursion divides by 1 + cos(π) = 0; PyTorch steps up by the closed form instead.
        if ((t - 1 - TMax) % (2 * TMax) == 0)
            return current + (BaseLearningRate - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2;
        return (1 + Math.Cos(Math.PI * t / TMax)) / (1 + Math.Cos(Math.PI * (t - 1) / TMax)) * (current - EtaMin) + EtaMin;
    }
}
