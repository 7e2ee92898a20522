using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// Options of the convolutional network trainers (<c>Trainers.Cnn</c>): the shared <see cref="DeepTrainerOptions"/> plus the
/// convolution blocks and the dense head. The network is, per block, Conv2d → [BatchNorm2d] → activation → [MaxPool2d] →
/// [Dropout]; then Flatten → per dense layer Dense → [BatchNorm] → activation → [Dropout]; then the output layer. The default is
/// the TensorFlow tutorial CNN: conv32 3×3 ReLU → pool 2 → conv64 3×3 → pool 2 → conv64 3×3 → flatten → dense64 ReLU → output.
/// <see cref="DeepTrainerOptions.BatchNormalization"/> and <see cref="DeepTrainerOptions.Dropout"/> apply to every block and dense layer.
/// </summary>
public sealed class CnnOptions : DeepTrainerOptions
{
    /// <summary>The TensorFlow tutorial's convolution blocks.</summary>
    public static IReadOnlyList<ConvBlock> TutorialBlocks { get; } = [new(32, 3, 2), new(64, 3, 2), new(64, 3, 0)];

    /// <summary>The convolution blocks, in order.</summary>
    public ConvBlock[] ConvBlocks { get; set; } = [.. TutorialBlocks];

    /// <summary>Units of each dense layer after the flatten (the tutorial: [64]).</summary>
    public int[] DenseLayers { get; set; } = [64];

    /// <summary>The dense layers' activation.</summary>
    public ActivationKind DenseActivation { get; set; } = ActivationKind.Relu;

    /// <summary>Apply the feature column's AugmentImages augmentation to training batches when the column carries it (default true).</summary>
    public bool UseAugmentation { get; set; } = true;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (ConvBlocks is null) throw Fail(nameof(ConvBlocks), "null", "an array of convolution blocks (possibly empty)");
        for (int i = 0; i < ConvBlocks.Length; i++)
        {
            var b = ConvBlocks[i] ?? throw Fail($"{nameof(ConvBlocks)}[{i}]", "null", "a ConvBlock");
            if (b.Filters < 1) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.Filters)}", b.Filters, "at least 1 filter");
            if (b.KernelSize < 1) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.KernelSize)}", b.KernelSize, "a kernel size of at least 1");
            if (b.Stride < 1) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.Stride)}", b.Stride, "a stride of at least 1");
            if (b.Padding < -1) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.Padding)}", b.Padding, "a padding >= 0, or -1 for same");
            if (b.Padding == -1 && b.Stride != 1) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.Stride)}", b.Stride, "stride 1 with same padding");
            if (b.PoolSize < 0) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.PoolSize)}", b.PoolSize, "a pool size >= 0 (0 for none)");
            if (!ElementWise(b.Activation)) throw Fail($"{nameof(ConvBlocks)}[{i}].{nameof(ConvBlock.Activation)}", b.Activation, "an element-wise activation");
        }
        if (DenseLayers is null) throw Fail(nameof(DenseLayers), "null", "an array of layer sizes (possibly empty)");
        for (int i = 0; i < DenseLayers.Length; i++)
            if (DenseLayers[i] < 1) throw Fail($"{nameof(DenseLayers)}[{i}]", DenseLayers[i], "at least 1 unit");
        if (!ElementWise(DenseActivation)) throw Fail(nameof(DenseActivation), DenseActivation, "an element-wise activation");
    }

    private static bool ElementWise(ActivationKind a) =>
        Enum.IsDefined(a) && a is not (ActivationKind.Maxout or ActivationKind.PRelu or ActivationKind.Softmax or ActivationKind.LogSoftmax);

    /// <summary>The blocks, the flatten, the dense layers and the output layer of <paramref name="outputUnits"/> units as specs.</summary>
    internal List<LayerSpec> Layers(int outputUnits)
    {
        var layers = new List<LayerSpec>();
        foreach (var b in ConvBlocks)
        {
            var pooled = b.PoolSize > 0;
            layers.Add(new LayerSpec
            {
                Kind = LayerSpec.Conv2d, Units = b.Filters, KernelSize = b.KernelSize, Stride = b.Stride, Padding = b.Padding,
                Activation = b.Activation, BatchNormalization = BatchNormalization, Dropout = pooled ? 0 : Dropout,
            });
            if (pooled) layers.Add(new LayerSpec { Kind = LayerSpec.MaxPool2d, KernelSize = b.PoolSize, Dropout = Dropout });
        }
        layers.Add(new LayerSpec { Kind = LayerSpec.Flatten });
        foreach (var units in DenseLayers)
            layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = units, Activation = DenseActivation, BatchNormalization = BatchNormalization, Dropout = Dropout });
        layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = outputUnits, Activation = ActivationKind.Identity });
        return layers;
    }

    /// <summary>The options behind the catalogs' plain-arguments <c>Cnn(...)</c> overloads; null keeps a default.</summary>
    internal static CnnOptions FromArguments(string labelColumnName, string featureColumnName, ConvBlock[]? convBlocks, int[]? denseLayers,
        int epochs, int batchSize, double learningRate, bool batchNormalization, double dropout)
    {
        var options = new CnnOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            BatchNormalization = batchNormalization,
            Dropout = dropout,
        };
        if (convBlocks is not null) options.ConvBlocks = convBlocks;
        if (denseLayers is not null) options.DenseLayers = denseLayers;
        return options;
    }
}
