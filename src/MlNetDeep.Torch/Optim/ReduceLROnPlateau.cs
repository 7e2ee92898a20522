namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> when a watched metric (say the
/// validation loss) has not improved for more than <see cref="Patience"/> epochs, as PyTorch's
/// <c>ReduceLROnPlateau</c>. After a reduction it waits <see cref="Cooldown"/> epochs before
/// counting bad epochs again, and it never goes below <see cref="MinLearningRate"/>.
/// </summary>
public sealed class ReduceLROnPlateau
{
    public ReduceLROnPlateau(Optimizer optimizer, PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Relative, int cooldown = 0, double minLr = 0, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!Enum.IsDefined(mode)) throw Hyperparameter.Fail(nameof(mode), mode, "PlateauMode.Min or PlateauMode.Max");
        if (!Enum.IsDefined(thresholdMode)) throw Hyperparameter.Fail(nameof(thresholdMode), thresholdMode, "ThresholdMode.Relative or ThresholdMode.Absolute");
        if (!(factor >= 0 && factor < 1)) throw Hyperparameter.Fail(nameof(factor), factor, "0 <= factor < 1");
        Optimizer = optimizer;
        Mode = mode;
        Factor = factor;
        Patience = Hyperparameter.NonNegative(patience);
        Threshold = Hyperparameter.NonNegative(threshold);
        ThresholdMode = thresholdMode;
        Cooldown = Hyperparameter.NonNegative(cooldown);
        MinLearningRate = Hyperparameter.NonNegative(minLr);
        Eps = Hyperparameter.NonNegative(eps);
        Best = mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public Optimizer Optimizer { get; }
    public PlateauMode Mode { get; }

    /// <summary>The multiplier applied to the learning rate on a plateau (new_lr = lr · factor).</summary>
    public double Factor { get; }

    /// <summary>How many epochs without improvement are tolerated; the next one reduces the rate.</summary>
    public int Patience { get; }

    public double Threshold { get; }
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Epochs to wait after a reduction before bad epochs count again.</summary>
    public int Cooldown { get; }

    /// <summary>The learning rate is never reduced below this.</summary>
    public double MinLearningRate { get; }

    /// <summary>A reduction smaller than this is skipped.</summary>
    public double Eps { get; }

    /// <summary>The best metric seen so far (+∞ in min mode, −∞ in max mode before the first step).</summary>
    public double Best { get; private set; }

    /// <summary>Consecutive epochs without improvement, outside cooldown.</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>Epochs of cooldown left.</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>The number of <see cref="Step"/> calls so far.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Ends an epoch whose watched metric was <paramref name="metric"/>; may reduce the optimizer's learning rate.</summary>
    public void Step(double metric)
    {
        LastEpoch++;
        if (IsBetter(metric, Best))
        {
            Best = metric;
            NumBadEpochs = 0;
        }
        else
        {
            NumBadEpochs++;
        }

        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            NumBadEpochs = 0; // bad epochs during cooldown do not count
        }

        if (NumBadEpochs > Patience)
        {
            var old = Optimizer.LearningRate;
            var reduced = Math.Max(old * Factor, MinLearningRate);
            if (old - reduced > Eps) Optimizer.LearningRate = reduced;
            CooldownCounter = Cooldown;
            NumBadEpochs = 0;
        }
    }

    private bool IsBetter(double value, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Relative) => value < best * (1 - Threshold),
        (PlateauMode.Min, ThresholdMode.Absolute) => value < best - Threshold,
        (PlateauMode.Max, ThresholdMode.Relative) => value > best * (Threshold + 1),
        _ => value > best + Threshold,
    };
}
