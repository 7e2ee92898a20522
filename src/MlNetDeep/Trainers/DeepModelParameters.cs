using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;

namespace MlNetDeep.Trainers;

/// <summary>
/// A trained network and what it was built from: the architecture as <see cref="LayerSpec"/>s, the input shape, the label
/// mapping and the training <see cref="History"/> (empty for a model loaded from a file). Owned by a
/// <see cref="DeepPredictionTransformer"/>; the same class serves every deep trainer.
/// </summary>
public sealed class DeepModelParameters
{
    internal DeepModelParameters(DeepTask task, Sequential module, IReadOnlyList<LayerSpec> layers, long[] inputShape, LabelMapping labels, History history)
    {
        Task = task;
        Module = module;
        Layers = layers;
        InputShape = inputShape;
        Labels = labels;
        History = history;
    }

    /// <summary>What the network predicts.</summary>
    public DeepTask Task { get; }

    /// <summary>The network (evaluation mode, on the CPU). Freeze layers or fine-tune it directly for transfer learning.</summary>
    public Sequential Module { get; }

    /// <summary>The architecture the network was built from.</summary>
    public IReadOnlyList<LayerSpec> Layers { get; }

    /// <summary>Whether the network starts with an embedding, so its input is Int64 token ids.</summary>
    public bool TakesTokenIds => NetworkBuilder.TakesTokenIds(Layers);

    /// <summary>The shape of one example's features (no batch dimension).</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>How labels map to outputs and back.</summary>
    public LabelMapping Labels { get; }

    /// <summary>Per-epoch losses, metrics, learning rates, gradient norms and dead ReLUs of the training run.</summary>
    public History History { get; }

    /// <summary>The Keras-like summary: layers, output shapes, parameter counts.</summary>
    public string Summary() => ModelSummary.Summary(Module, [.. InputShape]);

    /// <summary>The summary as data.</summary>
    public ModelSummary SummaryTable() => ModelSummary.Create(Module, [.. InputShape]);
}
