using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// Options of the <c>Trainers.Sequential</c> trainers: the shared <see cref="DeepTrainerOptions"/> (loss, optimizer, epochs, callbacks, …)
/// plus the user's own layer stack (<see cref="Layers"/>, made with <see cref="Trainers.Layers"/>) and the example shape. The stack's
/// output must have one value per class (multiclass) or one value (binary, regression). A final softmax (multiclass) or sigmoid
/// (binary) on the output is dropped: the losses take logits and the prediction transformer applies it, as Keras' <c>from_logits</c>.
/// The shared <see cref="DeepTrainerOptions.Dropout"/> and <see cref="DeepTrainerOptions.BatchNormalization"/> are not used: put
/// those layers in the stack.
/// </summary>
public sealed class SequentialOptions : DeepTrainerOptions
{
    /// <summary>The layer stack, input to output.</summary>
    public IList<LayerDef> Layers { get; set; } = new List<LayerDef>();

    /// <summary>The shape of one example, e.g. [1, 28, 28] for images; null is the feature vector as it is.</summary>
    public long[]? InputShape { get; set; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (Layers is null || Layers.Count == 0) throw Fail(nameof(Layers), Layers is null ? "null" : "[]", "at least one layer");
        for (int i = 0; i < Layers.Count; i++)
            if (Layers[i] is null) throw Fail($"{nameof(Layers)}[{i}]", "null", "a layer");
        if (InputShape is { } s && (s.Length == 0 || s.Any(d => d < 1))) throw Fail(nameof(InputShape), $"[{string.Join(", ", s)}]", "positive dimensions");
    }

    // The stack with a final softmax/sigmoid folded into the loss.
    internal List<LayerDef> TrainableStack(DeepTask task)
    {
        var layers = Layers.ToList();
        var last = layers[^1];
        var folded = task switch
        {
            DeepTask.MulticlassClassification => ActivationKind.Softmax,
            DeepTask.BinaryClassification => ActivationKind.Sigmoid,
            _ => (ActivationKind?)null,
        };
        if (folded is { } f && last.Activation == f)
        {
            if (last.Kind == "Activation") layers.RemoveAt(layers.Count - 1);
            else layers[^1] = new LayerDef
            {
                Kind = last.Kind, Units = last.Units, KernelSize = last.KernelSize, Strides = last.Strides, Padding = last.Padding,
                Rate = last.Rate, InputDim = last.InputDim, ReturnSequences = last.ReturnSequences, Inner = last.Inner, Activation = ActivationKind.Identity,
            };
        }
        return layers;
    }

    /// <summary>The options behind the catalogs' plain-arguments <c>Sequential(...)</c> overloads.</summary>
    internal static SequentialOptions FromArguments(IEnumerable<LayerDef> layers, LossKind loss, OptimizerKind optimizer,
        string labelColumnName, string featureColumnName, long[]? inputShape, int epochs, int batchSize, double learningRate) => new()
    {
        Layers = (layers ?? throw new ArgumentNullException(nameof(layers))).ToList(),
        Loss = loss,
        Optimizer = optimizer,
        LabelColumnName = labelColumnName,
        FeatureColumnName = featureColumnName,
        InputShape = inputShape,
        Epochs = epochs,
        BatchSize = batchSize,
        LearningRate = learningRate,
    };
}
