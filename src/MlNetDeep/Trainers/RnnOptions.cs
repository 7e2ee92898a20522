namespace MlNetDeep.Trainers;

/// <summary>
/// Options of the recurrent trainers (<c>Trainers.Rnn</c>): the shared <see cref="DeepTrainerOptions"/> plus the recurrent stack.
/// On Int64 token ids the network is Embedding(vocabulary, <see cref="EmbeddingDimension"/>) → recurrent stack → last time step →
/// [Dropout] → dense head; on a float window of T values it reads T steps of one value (no embedding).
/// <see cref="DeepTrainerOptions.Dropout"/> is applied between stacked recurrent layers and after the last time step.
/// </summary>
public sealed class RnnOptions : DeepTrainerOptions
{
    /// <summary>The recurrent cell.</summary>
    public RecurrentCell Cell { get; set; } = RecurrentCell.Lstm;

    /// <summary>Hidden units of each recurrent layer (the course's sunspots network: 50).</summary>
    public int HiddenSize { get; set; } = 64;

    /// <summary>Stacked recurrent layers.</summary>
    public int Layers { get; set; } = 1;

    /// <summary>Reads the sequence in both directions and concatenates the two last states.</summary>
    public bool Bidirectional { get; set; }

    /// <summary>Embedding dimension for token-id features.</summary>
    public int EmbeddingDimension { get; set; } = 64;

    /// <summary>Vocabulary size of token-id features; null reads the column's <c>VocabularySize</c> annotation (set by MapTokensToSequence).</summary>
    public int? VocabularySize { get; set; }

    /// <summary>Units of dense layers (ReLU) between the recurrent stack and the output; empty for none.</summary>
    public int[] DenseLayers { get; set; } = [];

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!Enum.IsDefined(Cell)) throw Fail(nameof(Cell), Cell, "a RecurrentCell");
        if (HiddenSize < 1) throw Fail(nameof(HiddenSize), HiddenSize, "at least 1 unit");
        if (Layers < 1) throw Fail(nameof(Layers), Layers, "at least 1 layer");
        if (EmbeddingDimension < 1) throw Fail(nameof(EmbeddingDimension), EmbeddingDimension, "at least 1 dimension");
        if (VocabularySize is { } v && v < 2) throw Fail(nameof(VocabularySize), v, "at least 2 ids (padding and one token)");
        if (DenseLayers is null) throw Fail(nameof(DenseLayers), "null", "an array of layer sizes (possibly empty)");
        for (int i = 0; i < DenseLayers.Length; i++)
            if (DenseLayers[i] < 1) throw Fail($"{nameof(DenseLayers)}[{i}]", DenseLayers[i], "at least 1 unit");
    }

    /// <summary>The layers for token ids of <paramref name="vocabulary"/> ids (null: a numeric window), then the output layer.</summary>
    internal List<LayerSpec> Specs(int? vocabulary, int outputUnits)
    {
        var layers = new List<LayerSpec>();
        if (vocabulary is { } v) layers.Add(new LayerSpec { Kind = LayerSpec.Embedding, Vocabulary = v, Units = EmbeddingDimension });
        layers.Add(new LayerSpec { Kind = LayerSpec.Recurrent, Cell = Cell, Units = HiddenSize, Layers = Layers, Bidirectional = Bidirectional, Dropout = Dropout });
        foreach (var units in DenseLayers)
            layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = units, Activation = Torch.Nn.ActivationKind.Relu, Dropout = Dropout });
        layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = outputUnits, Activation = Torch.Nn.ActivationKind.Identity });
        return layers;
    }

    /// <summary>The options behind the catalogs' plain-arguments <c>Rnn(...)</c> overloads.</summary>
    internal static RnnOptions FromArguments(string labelColumnName, string featureColumnName, RecurrentCell cell, int hiddenSize,
        int layers, bool bidirectional, double dropout, int epochs, int batchSize, double learningRate) => new()
    {
        LabelColumnName = labelColumnName,
        FeatureColumnName = featureColumnName,
        Cell = cell,
        HiddenSize = hiddenSize,
        Layers = layers,
        Bidirectional = bidirectional,
        Dropout = dropout,
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = learningRate,
    };
}
