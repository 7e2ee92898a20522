using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

namespace MlNetDeep.Training;

/// <summary>
/// Everything <see cref="TrainingLoop.Fit"/> needs besides the model and the data. Defaults are
/// in <see cref="Defaults"/> (Keras' <c>fit</c> defaults where Keras has one). Checked by
/// <see cref="Validate"/>, which the loop calls first; messages name the option and the value.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Default values, in one place.</summary>
    public static class Defaults
    {
        public const int Epochs = 1;
        public const int BatchSize = 32;
        public const bool Shuffle = true;
        public const double LearningRate = 1e-3;
        public const int EvaluationBatchSize = 1024;
        public const int ProbeRows = 256;
        public const double VanishingGradientRatio = 1e-4;
        public const double VanishingGradientFloor = 1e-7;
        public const string PlateauMonitor = "val_loss";
    }

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; set; } = Defaults.Epochs;

    /// <summary>Rows per optimizer step: 1 is stochastic gradient descent, at least the row count is full-batch
    /// gradient descent, anything between is mini-batch.</summary>
    public int BatchSize { get; set; } = Defaults.BatchSize;

    /// <summary>Reorders the training rows every epoch, from a generator seeded once per fit (see <see cref="Seed"/>).</summary>
    public bool Shuffle { get; set; } = Defaults.Shuffle;

    /// <summary>When set, libtorch's generator is seeded with it at the start of the fit (shuffling, dropout).
    /// Seed also before building the model for reproducible initial weights.</summary>
    public ulong? Seed { get; set; }

    /// <summary>The loss to minimise (required). Its reduction must be Mean or Sum.</summary>
    public Loss? Loss { get; set; }

    /// <summary>Builds the optimizer over the trainable parameters (frozen ones are left out). Default: Adam(lr 1e-3).</summary>
    public Func<IEnumerable<Tensor>, Optimizer> Optimizer { get; set; } = parameters => new Adam(parameters, Defaults.LearningRate);

    /// <summary>What the output means, for metrics; null infers it from <see cref="Loss"/> (BCEWithLogitsLoss → binary logits,
    /// BCELoss → binary probabilities, cross-entropies → multiclass, anything else → regression).</summary>
    public TrainingTask? Task { get; set; }

    /// <summary>Fraction of the rows, taken from the END of the data before any shuffling (as Keras' validation_split),
    /// held out for validation when no validation set is given. In [0, 1).</summary>
    public double ValidationFraction { get; set; }

    /// <summary>Weight per class for classification losses: example i's loss is multiplied by ClassWeights[y_i] and the
    /// batch loss is the mean of the weighted losses (Keras' class_weight). Binary targets use index 0 and 1.
    /// Training loss only; validation loss is unweighted.</summary>
    public IReadOnlyList<double>? ClassWeights { get; set; }

    /// <summary>L1 penalty <c>λ₁·Σ|w|</c> over the trainable weights (parameters with at least 2 dimensions; biases are not penalised).</summary>
    public double L1 { get; set; }

    /// <summary>L2 penalty <c>λ₂·Σw²</c> over the trainable weights (parameters with at least 2 dimensions).</summary>
    public double L2 { get; set; }

    /// <summary>When set, gradients are scaled so that their global 2-norm is at most this, before each step.</summary>
    public double? ClipNorm { get; set; }

    /// <summary>When set, every gradient element is clamped to ±this before each step.</summary>
    public double? ClipValue { get; set; }

    /// <summary>A learning-rate schedule over the optimizer, stepped once at the end of every epoch.</summary>
    public Func<Optimizer, LRScheduler>? LearningRateSchedule { get; set; }

    /// <summary>PyTorch's ReduceLROnPlateau over the optimizer, stepped at the end of every epoch with <see cref="PlateauMonitor"/>.
    /// (The Keras-style callback is <see cref="ReduceLROnPlateau"/>.)</summary>
    public Func<Optimizer, MlNetDeep.Torch.Optim.ReduceLROnPlateau>? PlateauSchedule { get; set; }

    /// <summary>The log entry <see cref="PlateauSchedule"/> watches, e.g. "val_loss" or "loss".</summary>
    public string PlateauMonitor { get; set; } = Defaults.PlateauMonitor;

    /// <summary>Callbacks, called in this order.</summary>
    public IList<Callback> Callbacks { get; set; } = new List<Callback>();

    /// <summary>Where to train: the model and the data are moved there. An unavailable device fails; there is no fallback.</summary>
    public Device Device { get; set; } = Device.Cpu;

    public Verbosity Verbosity { get; set; } = Verbosity.Auto;

    /// <summary>Where lines and messages go; null is the console.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>
    /// Applied to each training batch's features before the forward pass (batch, epoch, batch index) → new batch, e.g. image
    /// augmentation; never to validation or evaluation data. Null leaves batches as they are.
    /// </summary>
    public Func<Tensor, int, long, Tensor>? AugmentBatch { get; set; }

    /// <summary>Records each parameter's gradient norm, averaged over the epoch's batches (a few native calls per parameter per step).</summary>
    public bool TrackGradientNorms { get; set; } = true;

    /// <summary>Rows of the training data run through a <see cref="Sequential"/> at each epoch's end to count dead ReLU units; 0 turns it off.</summary>
    public int ProbeRows { get; set; } = Defaults.ProbeRows;

    /// <summary>A weight's gradient norm below this fraction of the largest layer's raises a vanishing-gradient warning.</summary>
    public double VanishingGradientRatio { get; set; } = Defaults.VanishingGradientRatio;

    /// <summary>A weight's gradient norm below this raises a vanishing-gradient warning whatever the other layers do.</summary>
    public double VanishingGradientFloor { get; set; } = Defaults.VanishingGradientFloor;

    /// <summary>Rows per forward pass when evaluating the validation set (all rows are covered; this only bounds memory).</summary>
    public int EvaluationBatchSize { get; set; } = Defaults.EvaluationBatchSize;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw Fail(nameof(Epochs), Epochs, "at least 1");
        if (BatchSize < 1) throw Fail(nameof(BatchSize), BatchSize, "at least 1");
        if (Loss is null) throw new ArgumentNullException(nameof(Loss), "Expected a loss. Received: Loss=null.");
        if (Loss.Reduction == Reduction.None) throw Fail(nameof(Loss), $"{Loss.Name} with Reduction.None", "a loss reduced by Mean or Sum");
        if (Optimizer is null) throw new ArgumentNullException(nameof(Optimizer), "Expected an optimizer factory. Received: Optimizer=null.");
        if (Task is { } t && !Enum.IsDefined(t)) throw Fail(nameof(Task), t, "a TrainingTask");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw Fail(nameof(ValidationFraction), ValidationFraction, "a value in [0, 1)");
        if (ClassWeights is { } w)
        {
            if (w.Count == 0) throw Fail(nameof(ClassWeights), "[]", "at least one weight");
            for (int i = 0; i < w.Count; i++)
                if (!(w[i] >= 0 && double.IsFinite(w[i]))) throw Fail($"{nameof(ClassWeights)}[{i}]", w[i], "a finite, non-negative weight");
        }
        if (!(L1 >= 0 && double.IsFinite(L1))) throw Fail(nameof(L1), L1, "a finite, non-negative value");
        if (!(L2 >= 0 && double.IsFinite(L2))) throw Fail(nameof(L2), L2, "a finite, non-negative value");
        if (ClipNorm is { } n && !(n > 0)) throw Fail(nameof(ClipNorm), n, "a positive value");
        if (ClipValue is { } v && !(v > 0)) throw Fail(nameof(ClipValue), v, "a positive value");
        if (PlateauSchedule is not null && string.IsNullOrWhiteSpace(PlateauMonitor)) throw Fail(nameof(PlateauMonitor), PlateauMonitor, "a log name such as val_loss");
        if (Callbacks is null) throw new ArgumentNullException(nameof(Callbacks), "Expected a list (possibly empty). Received: Callbacks=null.");
        for (int i = 0; i < Callbacks.Count; i++)
            if (Callbacks[i] is null) throw Fail($"{nameof(Callbacks)}[{i}]", "null", "a callback");
        if (!Enum.IsDefined(Verbosity)) throw Fail(nameof(Verbosity), Verbosity, "a Verbosity");
        if (ProbeRows < 0) throw Fail(nameof(ProbeRows), ProbeRows, "0 or more");
        if (!(VanishingGradientRatio >= 0)) throw Fail(nameof(VanishingGradientRatio), VanishingGradientRatio, "0 or more");
        if (!(VanishingGradientFloor >= 0)) throw Fail(nameof(VanishingGradientFloor), VanishingGradientFloor, "0 or more");
        if (EvaluationBatchSize < 1) throw Fail(nameof(EvaluationBatchSize), EvaluationBatchSize, "at least 1");
    }

    internal static ArgumentException Fail(string name, object? value, string expected) =>
        new($"Expected {expected}. Received: {name}={value}.", name);
}
