using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Transforms;

/// <summary>
/// An autoencoder's architecture as plain data (saved as JSON in model files) and the one place that turns it into modules:
/// a single <see cref="Sequential"/> whose first <see cref="EncoderLength"/> layers are the encoder.
/// </summary>
internal sealed class AutoencoderNetwork
{
    public AutoencoderKind Kind { get; set; }
    public long[] InputShape { get; set; } = [];
    public int[] HiddenLayers { get; set; } = [];
    public int CodeSize { get; set; }
    public int[] ConvolutionFilters { get; set; } = [];
    public ActivationKind Activation { get; set; }
    public ActivationKind OutputActivation { get; set; }
    public bool BatchNormalization { get; set; }
    public double Dropout { get; set; }

    /// <summary>Input values per row.</summary>
    public int InputSize => (int)InputShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>How many of the built network's layers form the encoder.</summary>
    public int EncoderLength { get; set; }

    public static AutoencoderNetwork From(AutoencoderOptions o, int inputSize)
    {
        long[] shape = [inputSize];
        if (o.Kind == AutoencoderKind.Convolutional)
        {
            if (o.ImageShape is { } s)
            {
                if (s[0] * s[1] * s[2] != inputSize)
                    throw new ArgumentException($"Expected an image shape of {inputSize} values. Received: ImageShape=[{string.Join(", ", s)}].", nameof(o));
                shape = [.. s];
            }
            else
            {
                var side = (long)Math.Round(Math.Sqrt(inputSize));
                if (side * side != inputSize)
                    throw new ArgumentException($"Expected ImageShape for a non-square input. Received: ImageShape=null with {inputSize} values.", nameof(o));
                shape = [1, side, side];
            }
            if (shape[1] >> o.ConvolutionFilters.Length < 1 || shape[2] >> o.ConvolutionFilters.Length < 1)
                throw new ArgumentException($"Expected an image large enough for {o.ConvolutionFilters.Length} 2×2 poolings. Received: ImageShape=[{string.Join(", ", shape)}].", nameof(o));
        }
        return new AutoencoderNetwork
        {
            Kind = o.Kind,
            InputShape = shape,
            HiddenLayers = [.. o.HiddenLayers],
            CodeSize = o.CodeSize,
            ConvolutionFilters = [.. o.ConvolutionFilters],
            Activation = o.Activation,
            OutputActivation = o.OutputActivation,
            BatchNormalization = o.BatchNormalization,
            Dropout = o.Dropout,
        };
    }

    /// <summary>Builds the network (and sets <see cref="EncoderLength"/>); weights get <paramref name="initializer"/> when given.</summary>
    public Sequential Build(Initializer? initializer = null)
    {
        var layers = new List<Module>();
        long width;
        if (Kind == AutoencoderKind.Convolutional)
        {
            long channels = InputShape[0], height = InputShape[1], imageWidth = InputShape[2];
            foreach (var f in ConvolutionFilters)
            {
                layers.Add(new Conv2d(channels, f, 3, padding: Padding.Same));
                if (Activation != ActivationKind.Identity) layers.Add(Torch.Nn.Activation.Create(Activation));
                layers.Add(new MaxPool2d(2));
                channels = f;
                height /= 2;
                imageWidth /= 2;
            }
            layers.Add(new Flatten());
            width = channels * height * imageWidth;
        }
        else
        {
            width = InputSize;
            foreach (var h in HiddenLayers) width = Dense(layers, width, h, hidden: true);
        }
        Dense(layers, width, CodeSize, hidden: false);
        EncoderLength = layers.Count;
        width = CodeSize;
        foreach (var h in HiddenLayers.Reverse()) width = Dense(layers, width, h, hidden: true);
        layers.Add(new Linear(width, InputSize));
        if (OutputActivation != ActivationKind.Identity) layers.Add(Torch.Nn.Activation.Create(OutputActivation));
        var network = new Sequential(layers);
        if (initializer is not null) Init.Apply(network, initializer);
        return network;
    }

    // A dense layer; hidden ones get batch norm, the activation and dropout as asked, the code layer none of them.
    private int Dense(List<Module> layers, long width, int units, bool hidden)
    {
        layers.Add(new Linear(width, units));
        if (!hidden) return units;
        if (BatchNormalization) layers.Add(new BatchNorm1d(units));
        if (Activation != ActivationKind.Identity) layers.Add(Torch.Nn.Activation.Create(Activation));
        if (Dropout > 0) layers.Add(new Torch.Nn.Dropout(Dropout));
        return units;
    }
}
