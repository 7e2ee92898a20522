using MlNetDeep.Torch.Nn;
using MlNetDeep.Trainers;

namespace MlNetDeep.Transforms;

/// <summary>
/// Options of <c>ml.Transforms.Autoencoder</c>: the shared deep-training options (epochs, batch size, optimizer, learning rate,
/// seed, callbacks, device, verbosity; the loss is always the mean squared reconstruction error) plus the architecture.
/// <see cref="DeepTrainerOptions.FeatureColumnName"/> is the input column; <see cref="DeepTrainerOptions.LabelColumnName"/> is not used.
/// <see cref="DeepTrainerOptions.Dropout"/> and <see cref="DeepTrainerOptions.BatchNormalization"/> apply to the hidden dense layers.
/// </summary>
public sealed class AutoencoderOptions : DeepTrainerOptions
{
    /// <summary>Dense (default) or convolutional encoder.</summary>
    public AutoencoderKind Kind { get; set; } = AutoencoderKind.Dense;

    /// <summary>Units of the hidden dense layers between the input and the code (the decoder uses them in reverse order).</summary>
    public int[] HiddenLayers { get; set; } = [128];

    /// <summary>The code size: the length of the <see cref="EncodedColumnName"/> vector.</summary>
    public int CodeSize { get; set; } = 32;

    /// <summary>Convolutional kind: the filters of each Conv(3×3) → MaxPool(2) block.</summary>
    public int[] ConvolutionFilters { get; set; } = [16, 32];

    /// <summary>Convolutional kind: [channels, height, width] of one input; null infers [1, s, s] from a square input of s² values.</summary>
    public long[]? ImageShape { get; set; }

    /// <summary>The hidden layers' activation.</summary>
    public ActivationKind Activation { get; set; } = ActivationKind.Relu;

    /// <summary>The reconstruction's activation: Sigmoid for inputs in [0, 1] (pixels), Identity for unbounded inputs.</summary>
    public ActivationKind OutputActivation { get; set; } = ActivationKind.Sigmoid;

    /// <summary>
    /// Denoising: when positive, each training input becomes x + factor·N(0, 1), clipped to the training data's minimum and maximum
    /// (drawn once per fit from the seed); the target stays the clean x. Prediction never adds noise.
    /// </summary>
    public double NoiseFactor { get; set; }

    /// <summary>The output column of the code (float vector of <see cref="CodeSize"/>).</summary>
    public string EncodedColumnName { get; set; } = "EncodedFeatures";

    /// <summary>The output column of the reconstruction (float vector of the input's size).</summary>
    public string ReconstructionColumnName { get; set; } = "Reconstruction";

    /// <summary>The output column of the row's mean squared reconstruction error (an anomaly score).</summary>
    public string ErrorColumnName { get; set; } = "ReconstructionError";

    /// <summary>Options with the autoencoder's defaults: 20 epochs, batch 64.</summary>
    public AutoencoderOptions()
    {
        Epochs = 20;
        BatchSize = 64;
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!Enum.IsDefined(Kind)) throw Fail(nameof(Kind), Kind, "an AutoencoderKind");
        if (HiddenLayers is null) throw Fail(nameof(HiddenLayers), "null", "an array of layer sizes (possibly empty)");
        for (int i = 0; i < HiddenLayers.Length; i++)
            if (HiddenLayers[i] < 1) throw Fail($"{nameof(HiddenLayers)}[{i}]", HiddenLayers[i], "at least 1 unit");
        if (CodeSize < 1) throw Fail(nameof(CodeSize), CodeSize, "at least 1");
        if (ConvolutionFilters is null || (Kind == AutoencoderKind.Convolutional && ConvolutionFilters.Length == 0))
            throw Fail(nameof(ConvolutionFilters), ConvolutionFilters is null ? "null" : "[]", "at least one filter count");
        for (int i = 0; i < ConvolutionFilters.Length; i++)
            if (ConvolutionFilters[i] < 1) throw Fail($"{nameof(ConvolutionFilters)}[{i}]", ConvolutionFilters[i], "at least 1 filter");
        if (ImageShape is { } s && (s.Length != 3 || s.Any(d => d < 1)))
            throw Fail(nameof(ImageShape), $"[{string.Join(", ", s)}]", "[channels, height, width], all positive");
        if (!Enum.IsDefined(Activation) || Activation is ActivationKind.Maxout or ActivationKind.PRelu or ActivationKind.Softmax or ActivationKind.LogSoftmax)
            throw Fail(nameof(Activation), Activation, "an element-wise activation");
        if (!Enum.IsDefined(OutputActivation) || OutputActivation is ActivationKind.Maxout or ActivationKind.PRelu or ActivationKind.Softmax or ActivationKind.LogSoftmax)
            throw Fail(nameof(OutputActivation), OutputActivation, "an element-wise activation");
        if (!(NoiseFactor >= 0 && double.IsFinite(NoiseFactor))) throw Fail(nameof(NoiseFactor), NoiseFactor, "a finite, non-negative value");
        foreach (var (name, value) in new[] { (nameof(EncodedColumnName), EncodedColumnName), (nameof(ReconstructionColumnName), ReconstructionColumnName), (nameof(ErrorColumnName), ErrorColumnName) })
            if (string.IsNullOrWhiteSpace(value)) throw Fail(name, $"'{value}'", "a column name");
        if (Loss is not (LossKind.Default or LossKind.MeanSquaredError)) throw Fail(nameof(Loss), Loss, "Default or MeanSquaredError (the reconstruction loss)");
    }
}
