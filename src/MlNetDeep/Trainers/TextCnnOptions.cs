namespace MlNetDeep.Trainers;

/// <summary>
/// Options of the text convolution trainers (<c>Trainers.TextCnn</c>): the shared <see cref="DeepTrainerOptions"/> plus the
/// embedding and the filters. The network is Embedding(vocabulary, <see cref="EmbeddingDimension"/>) → <see cref="Filters"/>
/// filters of <see cref="KernelSize"/> tokens (ReLU) → max over time → [Dropout] → [dense layers] → output. One kernel size:
/// the network is a plain <c>Sequential</c>, which has no parallel branches (Kim's 3/4/5 concatenation).
/// <see cref="DeepTrainerOptions.Dropout"/> defaults to 0.5 here.
/// </summary>
public sealed class TextCnnOptions : DeepTrainerOptions
{
    /// <summary>Options with Kim's defaults (100 filters of 3 tokens, dropout 0.5).</summary>
    public TextCnnOptions() => Dropout = 0.5;

    /// <summary>Embedding dimension.</summary>
    public int EmbeddingDimension { get; set; } = 64;

    /// <summary>Vocabulary size; null reads the column's <c>VocabularySize</c> annotation (set by MapTokensToSequence).</summary>
    public int? VocabularySize { get; set; }

    /// <summary>Convolution filters.</summary>
    public int Filters { get; set; } = 100;

    /// <summary>Tokens each filter spans (at most the sequence length).</summary>
    public int KernelSize { get; set; } = 3;

    /// <summary>Units of dense layers (ReLU) between the pooled filters and the output; empty for none.</summary>
    public int[] DenseLayers { get; set; } = [];

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (EmbeddingDimension < 1) throw Fail(nameof(EmbeddingDimension), EmbeddingDimension, "at least 1 dimension");
        if (VocabularySize is { } v && v < 2) throw Fail(nameof(VocabularySize), v, "at least 2 ids (padding and one token)");
        if (Filters < 1) throw Fail(nameof(Filters), Filters, "at least 1 filter");
        if (KernelSize < 1) throw Fail(nameof(KernelSize), KernelSize, "at least 1 token");
        if (DenseLayers is null) throw Fail(nameof(DenseLayers), "null", "an array of layer sizes (possibly empty)");
        for (int i = 0; i < DenseLayers.Length; i++)
            if (DenseLayers[i] < 1) throw Fail($"{nameof(DenseLayers)}[{i}]", DenseLayers[i], "at least 1 unit");
    }

    internal List<LayerSpec> Specs(int vocabulary, int outputUnits)
    {
        var layers = new List<LayerSpec>
        {
            new() { Kind = LayerSpec.Embedding, Vocabulary = vocabulary, Units = EmbeddingDimension },
            new() { Kind = LayerSpec.TextConvolution, Units = Filters, KernelSize = KernelSize, Dropout = Dropout },
        };
        foreach (var units in DenseLayers)
            layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = units, Activation = Torch.Nn.ActivationKind.Relu, Dropout = Dropout });
        layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = outputUnits, Activation = Torch.Nn.ActivationKind.Identity });
        return layers;
    }

    /// <summary>The options behind the catalogs' plain-arguments <c>TextCnn(...)</c> overloads.</summary>
    internal static TextCnnOptions FromArguments(string labelColumnName, string featureColumnName, int filters, int kernelSize,
        int embeddingDimension, double dropout, int epochs, int batchSize, double learningRate) => new()
    {
        LabelColumnName = labelColumnName,
        FeatureColumnName = featureColumnName,
        Filters = filters,
        KernelSize = kernelSize,
        EmbeddingDimension = embeddingDimension,
        Dropout = dropout,
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = learningRate,
    };
}
