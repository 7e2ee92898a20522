using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>Builds a <see cref="Sequential"/> from <see cref="LayerSpec"/>s, for training and again when a model file is loaded.</summary>
public static class NetworkBuilder
{
    /// <summary>The network for inputs of <paramref name="inputSize"/> features. Weights get <paramref name="initializer"/> when given.</summary>
    public static Sequential Build(IReadOnlyList<LayerSpec> layers, int inputSize, Initializer? initializer = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 1 && layers[0].Kind == LayerSpec.KerasStack)
            return SequentialNetwork.Build(layers[0].Stack ?? [], layers[0].StackInputShape ?? [inputSize], initializer).Network;
        var modules = new List<Module>();
        long width = inputSize;
        foreach (var spec in layers)
        {
            switch (spec.Kind)
            {
                case LayerSpec.Dense:
                    if (spec.Units < 1) throw new ArgumentException($"Expected at least 1 unit. Received: Units={spec.Units}.", nameof(layers));
                    var linear = new Linear(width, spec.Units);
                    if (initializer is not null) Init.Apply(linear, initializer);
                    modules.Add(linear);
                    width = spec.Units;
                    if (spec.BatchNormalization) modules.Add(new BatchNorm1d(width));
                    if (spec.Activation != ActivationKind.Identity) modules.Add(Activation.Create(spec.Activation));
                    if (spec.Dropout > 0) modules.Add(new Dropout(spec.Dropout));
                    break;
                default:
                    throw new ArgumentException($"Expected a layer kind this version knows ({LayerSpec.Dense}). Received: Kind={spec.Kind}.", nameof(layers));
            }
        }
        return new Sequential(modules);
    }

    /// <summary>True when the network starts with an Embedding, so its float feature values are token ids to pass as int64.</summary>
    public static bool TakesTokenIds(IReadOnlyList<LayerSpec> layers) =>
        layers.Count == 1 && layers[0] is { Kind: LayerSpec.KerasStack, Stack: [{ Kind: "Embedding" }, ..] };
}
