using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;

namespace MlNetDeep.Trainers;

/// <summary>
/// Options every deep trainer shares (Keras' <c>compile</c> + <c>fit</c> arguments). Trainer-specific options derive from it as
/// sealed classes (<see cref="AnnOptions"/>). Defaults are in <see cref="Defaults"/>; <see cref="Validate"/> throws an
/// <see cref="ArgumentException"/> naming the option and the value received. <see cref="ToTrainingOptions"/> turns them into the
/// one <see cref="TrainingLoop"/>'s options.
/// </summary>
public abstract class DeepTrainerOptions
{
    private protected DeepTrainerOptions() { }

    /// <summary>Default values, in one place.</summary>
    public static class Defaults
    {
        public const string LabelColumnName = "Label";
        public const string FeatureColumnName = "Features";
        public const int Epochs = 10;
        public const int BatchSize = 32;
        public const double LearningRate = 1e-3;
        public const OptimizerKind Optimizer = OptimizerKind.Adam;
        public const string Device = "cpu";
    }

    /// <summary>The label column: bool (binary), key or text (multiclass), float (regression).</summary>
    public string LabelColumnName { get; set; } = Defaults.LabelColumnName;

    /// <summary>The features column: a float vector of known size.</summary>
    public string FeatureColumnName { get; set; } = Defaults.FeatureColumnName;

    /// <summary>Passes over the training rows (early stopping may end sooner).</summary>
    public int Epochs { get; set; } = Defaults.Epochs;

    /// <summary>Rows per step: 1 is SGD, at least the row count is batch gradient descent, otherwise mini-batch.</summary>
    public int BatchSize { get; set; } = Defaults.BatchSize;

    /// <summary>The optimizer's initial learning rate.</summary>
    public double LearningRate { get; set; } = Defaults.LearningRate;

    /// <summary>The optimizer (its other hyperparameters at PyTorch's defaults).</summary>
    public OptimizerKind Optimizer { get; set; } = Defaults.Optimizer;

    /// <summary>The loss; <see cref="LossKind.Default"/> picks it from the task.</summary>
    public LossKind Loss { get; set; } = LossKind.Default;

    /// <summary>Weight initializer of the layers' weights (biases start at zero); null keeps PyTorch's default initialization.</summary>
    public Initializer? Initializer { get; set; }

    /// <summary>Dropout rate after each hidden layer's activation; 0 adds no dropout.</summary>
    public double Dropout { get; set; }

    /// <summary>Adds batch normalization between each hidden layer and its activation.</summary>
    public bool BatchNormalization { get; set; }

    /// <summary>Fraction of the training rows, taken from the end (Keras' validation_split), held out for validation. In [0, 1).</summary>
    public double ValidationFraction { get; set; }

    /// <summary>A separate validation set (same columns as the training data); takes precedence over <see cref="ValidationFraction"/>.</summary>
    public IDataView? ValidationData { get; set; }

    /// <summary>Reorders the training rows every epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>One weight per class (binary: false, true) multiplying each example's training loss.</summary>
    public IReadOnlyList<double>? ClassWeights { get; set; }

    /// <summary>L1 penalty on the weights.</summary>
    public double L1 { get; set; }

    /// <summary>L2 penalty on the weights.</summary>
    public double L2 { get; set; }

    /// <summary>Scales gradients so that their global norm is at most this.</summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>Clamps every gradient element to ±this.</summary>
    public double? GradientClipValue { get; set; }

    /// <summary>A learning-rate schedule over the optimizer, stepped at every epoch's end (e.g. <c>o =&gt; new StepLR(o, 10, 0.5)</c>).</summary>
    public Func<Optimizer, LRScheduler>? LearningRateSchedule { get; set; }

    /// <summary>Seed of the weights, shuffling and dropout; null takes the next seed of the <see cref="MLContext"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>"cpu" or "cuda:N". A device that is not there fails the fit; there is no silent fallback.</summary>
    public string Device { get; set; } = Defaults.Device;

    /// <summary>Callbacks (<see cref="EarlyStopping"/>, <see cref="ModelCheckpoint"/>, <see cref="Training.ReduceLROnPlateau"/>, <see cref="LambdaCallback"/>).</summary>
    public IList<Callback> Callbacks { get; set; } = new List<Callback>();

    /// <summary>Progress output: a bar in a terminal, a line per epoch otherwise, or nothing.</summary>
    public Verbosity Verbosity { get; set; } = Verbosity.Auto;

    /// <summary>Where progress lines go; null is the console.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Cancels the fit between steps (an <see cref="OperationCanceledException"/> is thrown).</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// Transfer learning: start from this trained model's network (its architecture and weights, this trainer's own architecture
    /// options are then not used) instead of a fresh one. The output layer (the head) is replaced by a new, freshly initialized one
    /// when the new task needs another output size or <see cref="ReplaceHead"/> is set; the other layers keep their trained weights.
    /// </summary>
    public DeepPredictionTransformer? InitialModel { get; set; }

    /// <summary>With <see cref="InitialModel"/>: a new head even when the output size is unchanged.</summary>
    public bool ReplaceHead { get; set; }

    /// <summary>With <see cref="InitialModel"/>: layers (indices into the network's layers, as <c>Summary()</c> lists them) whose parameters are not trained.</summary>
    public IReadOnlyList<int>? FreezeLayers { get; set; }

    /// <summary>With <see cref="InitialModel"/>: freezes every layer before the head (the layer holding the last parameters), fine-tuning the head only.</summary>
    public bool FreezeBase { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option and its value.</summary>
    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(LabelColumnName)) throw Fail(nameof(LabelColumnName), $"'{LabelColumnName}'", "a column name");
        if (string.IsNullOrWhiteSpace(FeatureColumnName)) throw Fail(nameof(FeatureColumnName), $"'{FeatureColumnName}'", "a column name");
        if (Epochs < 1) throw Fail(nameof(Epochs), Epochs, "at least 1");
        if (BatchSize < 1) throw Fail(nameof(BatchSize), BatchSize, "at least 1");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) throw Fail(nameof(LearningRate), LearningRate, "a positive, finite value");
        if (!Enum.IsDefined(Optimizer)) throw Fail(nameof(Optimizer), Optimizer, "an OptimizerKind");
        if (!Enum.IsDefined(Loss)) throw Fail(nameof(Loss), Loss, "a LossKind");
        if (!(Dropout >= 0 && Dropout < 1)) throw Fail(nameof(Dropout), Dropout, "a value in [0, 1)");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw Fail(nameof(ValidationFraction), ValidationFraction, "a value in [0, 1)");
        if (!(L1 >= 0 && double.IsFinite(L1))) throw Fail(nameof(L1), L1, "a finite, non-negative value");
        if (!(L2 >= 0 && double.IsFinite(L2))) throw Fail(nameof(L2), L2, "a finite, non-negative value");
        if (GradientClipNorm is { } n && !(n > 0)) throw Fail(nameof(GradientClipNorm), n, "a positive value");
        if (GradientClipValue is { } v && !(v > 0)) throw Fail(nameof(GradientClipValue), v, "a positive value");
        if (ClassWeights is { } w)
            for (int i = 0; i < w.Count; i++)
                if (!(w[i] >= 0 && double.IsFinite(w[i]))) throw Fail($"{nameof(ClassWeights)}[{i}]", w[i], "a finite, non-negative weight");
        ParseDevice();
        if (Callbacks is null) throw Fail(nameof(Callbacks), "null", "a list (possibly empty)");
        if (!Enum.IsDefined(Verbosity)) throw Fail(nameof(Verbosity), Verbosity, "a Verbosity");
        if (FreezeLayers is { } frozen)
            for (int i = 0; i < frozen.Count; i++)
                if (frozen[i] < 0) throw Fail($"{nameof(FreezeLayers)}[{i}]", frozen[i], "a layer index (0 or more)");
        if (InitialModel is null && (FreezeLayers is { Count: > 0 } || FreezeBase || ReplaceHead))
            throw Fail(nameof(InitialModel), "null", $"a trained model to start from when {nameof(FreezeLayers)}, {nameof(FreezeBase)} or {nameof(ReplaceHead)} is set");
    }

    /// <summary>The parsed <see cref="Device"/>, or an exception naming the option.</summary>
    public Device ParseDevice()
    {
        try { return Torch.Device.Parse(Device ?? ""); }
        catch (Exception e) when (e is ArgumentException or FormatException) { throw Fail(nameof(Device), $"'{Device}'", "\"cpu\" or \"cuda:N\""); }
    }

    /// <summary>The loss for <paramref name="task"/>: <see cref="Loss"/>, or the task's default.</summary>
    public Loss CreateLoss(DeepTask task)
    {
        var kind = Loss != LossKind.Default ? Loss : task switch
        {
            DeepTask.BinaryClassification => LossKind.BinaryCrossEntropy,
            DeepTask.MulticlassClassification => LossKind.SparseCategoricalCrossEntropy,
            _ => LossKind.MeanSquaredError,
        };
        var fits = kind switch
        {
            LossKind.BinaryCrossEntropy => task == DeepTask.BinaryClassification,
            LossKind.SparseCategoricalCrossEntropy => task == DeepTask.MulticlassClassification,
            _ => task == DeepTask.Regression,
        };
        if (!fits) throw Fail(nameof(Loss), kind, $"a loss for {task}");
        return kind switch
        {
            LossKind.BinaryCrossEntropy => new BCEWithLogitsLoss(),
            LossKind.SparseCategoricalCrossEntropy => new SparseCategoricalCrossEntropy(),
            LossKind.MeanSquaredError => new MSELoss(),
            LossKind.MeanAbsoluteError => new L1Loss(),
            _ => new HuberLoss(),
        };
    }

    /// <summary>A factory of the chosen optimizer at <see cref="LearningRate"/>.</summary>
    public Func<IEnumerable<Tensor>, Optimizer> CreateOptimizer()
    {
        var lr = LearningRate;
        return Optimizer switch
        {
            OptimizerKind.Sgd => p => new SGD(p, lr),
            OptimizerKind.Adam => p => new Adam(p, lr),
            OptimizerKind.AdamW => p => new AdamW(p, lr),
            OptimizerKind.Adamax => p => new Adamax(p, lr),
            OptimizerKind.NAdam => p => new NAdam(p, lr),
            OptimizerKind.RMSprop => p => new RMSprop(p, lr),
            OptimizerKind.Adagrad => p => new Adagrad(p, lr),
            OptimizerKind.Adadelta => p => new Adadelta(p, lr),
            _ => p => new Ftrl(p, lr),
        };
    }

    /// <summary>The <see cref="TrainingLoop"/>'s options for these trainer options (loss, optimizer, schedule, callbacks, device, seed).</summary>
    public TrainingOptions ToTrainingOptions(DeepTask task, ulong seed) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        Shuffle = Shuffle,
        Seed = seed,
        Loss = CreateLoss(task),
        Optimizer = CreateOptimizer(),
        Task = task switch
        {
            DeepTask.BinaryClassification => TrainingTask.BinaryLogits,
            DeepTask.MulticlassClassification => TrainingTask.Multiclass,
            _ => TrainingTask.Regression,
        },
        ValidationFraction = ValidationData is null ? ValidationFraction : 0,
        ClassWeights = ClassWeights,
        L1 = L1,
        L2 = L2,
        ClipNorm = GradientClipNorm,
        ClipValue = GradientClipValue,
        LearningRateSchedule = LearningRateSchedule,
        Callbacks = Callbacks,
        Device = ParseDevice(),
        Verbosity = Verbosity,
        Output = Output,
    };

    private protected static ArgumentException Fail(string name, object? value, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Expected {expected}. Received: {name}={value}."), name);
}
