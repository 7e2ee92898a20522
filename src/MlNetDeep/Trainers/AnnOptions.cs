using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// Options of the dense network trainers (<c>Trainers.Ann</c>): the shared <see cref="DeepTrainerOptions"/> plus the hidden
/// layers. The network is Dense(h₁) → [BatchNorm] → activation → [Dropout] → … → Dense(output), the output being one logit
/// (binary), one logit per class (multiclass) or one value (regression).
/// </summary>
public sealed class AnnOptions : DeepTrainerOptions
{
    /// <summary>Units of each hidden layer, in order (the course's churn network: [7, 6]).</summary>
    public int[] HiddenLayers { get; set; } = [16];

    /// <summary>The activation of every hidden layer, unless <see cref="Activations"/> is set.</summary>
    public ActivationKind Activation { get; set; } = ActivationKind.Relu;

    /// <summary>One activation per hidden layer; overrides <see cref="Activation"/>.</summary>
    public ActivationKind[]? Activations { get; set; }

    /// <summary>The options behind the catalogs' plain-arguments <c>Ann(...)</c> overloads; null keeps a default.</summary>
    internal static AnnOptions FromArguments(string labelColumnName, string featureColumnName, int[]? hiddenLayers,
        int epochs, int batchSize, double learningRate, ActivationKind? activation)
    {
        var options = new AnnOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
        };
        if (hiddenLayers is not null) options.HiddenLayers = hiddenLayers;
        if (activation is not null) options.Activation = activation.Value;
        return options;
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (HiddenLayers is null) throw Fail(nameof(HiddenLayers), "null", "an array of layer sizes (possibly empty)");
        for (int i = 0; i < HiddenLayers.Length; i++)
            if (HiddenLayers[i] < 1) throw Fail($"{nameof(HiddenLayers)}[{i}]", HiddenLayers[i], "at least 1 unit");
        if (!Enum.IsDefined(Activation) || Activation is ActivationKind.Maxout or ActivationKind.PRelu or ActivationKind.Softmax or ActivationKind.LogSoftmax)
            throw Fail(nameof(Activation), Activation, "an element-wise activation");
        if (Activations is { } a)
        {
            if (a.Length != HiddenLayers.Length) throw Fail(nameof(Activations), $"{a.Length} activations", $"one per hidden layer ({HiddenLayers.Length})");
            for (int i = 0; i < a.Length; i++)
                if (!Enum.IsDefined(a[i]) || a[i] is ActivationKind.Maxout or ActivationKind.PRelu or ActivationKind.Softmax or ActivationKind.LogSoftmax)
                    throw Fail($"{nameof(Activations)}[{i}]", a[i], "an element-wise activation");
        }
    }

    /// <summary>The hidden layers as specs, then the output layer of <paramref name="outputUnits"/> units.</summary>
    internal List<LayerSpec> Layers(int outputUnits)
    {
        var layers = new List<LayerSpec>();
        for (int i = 0; i < HiddenLayers.Length; i++)
            layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = HiddenLayers[i], Activation = Activations?[i] ?? Activation, BatchNormalization = BatchNormalization, Dropout = Dropout });
        layers.Add(new LayerSpec { Kind = LayerSpec.Dense, Units = outputUnits, Activation = ActivationKind.Identity });
        return layers;
    }
}
