using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>Builds a <see cref="Sequential"/> from <see cref="LayerSpec"/>s, for training and again when a model file is loaded.</summary>
public static class NetworkBuilder
{
    /// <summary>The network for inputs of <paramref name="inputSize"/> features. Weights get <paramref name="initializer"/> when given.</summary>
    public static Sequential Build(IReadOnlyList<LayerSpec> layers, int inputSize, Initializer? initializer = null) =>
        Build(layers, [inputSize], initializer);

    /// <summary>
    /// The network for examples of <paramref name="inputShape"/> (no batch dimension): [F] for dense layers, [C, H, W] for
    /// convolution and pooling (a Flatten turns [C, H, W] into a vector). Weights get <paramref name="initializer"/> when given.
    /// </summary>
    public static Sequential Build(IReadOnlyList<LayerSpec> layers, IReadOnlyList<long> inputShape, Initializer? initializer = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(inputShape);
        if (layers.Count == 1 && layers[0].Kind == LayerSpec.KerasStack)
            return SequentialNetwork.Build(layers[0].Stack ?? [], layers[0].StackInputShape ?? [.. inputShape], initializer).Network;
        var modules = new List<Module>();
        // The current example shape: [width] once flat, [C, H, W] while spatial.
        long[] shape = inputShape.Count == 1 ? [inputShape[0]] : [.. inputShape];
        foreach (var spec in layers)
        {
            switch (spec.Kind)
            {
                case LayerSpec.Dense:
                    if (spec.Units < 1) throw new ArgumentException($"Expected at least 1 unit. Received: Units={spec.Units}.", nameof(layers));
                    if (shape.Length != 1) throw new ArgumentException($"Expected a Flatten before a Dense layer on [{string.Join(", ", shape)}] inputs. Received: Kind={spec.Kind}.", nameof(layers));
                    var linear = new Linear(shape[0], spec.Units);
                    if (initializer is not null) Init.Apply(linear, initializer);
                    modules.Add(linear);
                    shape = [spec.Units];
                    if (spec.BatchNormalization) modules.Add(new BatchNorm1d(spec.Units));
                    break;
                case LayerSpec.Conv2d:
                    {
                        Spatial(shape, spec);
                        if (spec.Units < 1) throw new ArgumentException($"Expected at least 1 filter. Received: Units={spec.Units}.", nameof(layers));
                        if (spec.KernelSize < 1) throw new ArgumentException($"Expected a kernel size of at least 1. Received: KernelSize={spec.KernelSize}.", nameof(layers));
                        if (spec.Padding < -1) throw new ArgumentException($"Expected a padding >= 0, or -1 for same. Received: Padding={spec.Padding}.", nameof(layers));
                        var stride = spec.Stride == 0 ? 1 : spec.Stride;
                        if (stride < 1 || (spec.Padding == -1 && stride != 1)) throw new ArgumentException($"Expected a stride of at least 1 (1 with same padding). Received: Stride={spec.Stride}.", nameof(layers));
                        long pad = spec.Padding == -1 ? -1 : spec.Padding;
                        var conv = new Conv2d(shape[0], spec.Units, spec.KernelSize, stride, pad == -1 ? Padding.Same : Padding.Explicit(pad));
                        if (initializer is not null) Init.Apply(conv, initializer);
                        modules.Add(conv);
                        long h = pad == -1 ? shape[1] : (shape[1] + 2 * pad - spec.KernelSize) / stride + 1;
                        long w = pad == -1 ? shape[2] : (shape[2] + 2 * pad - spec.KernelSize) / stride + 1;
                        if (h < 1 || w < 1) throw new ArgumentException($"Expected a kernel that fits the [{string.Join(", ", shape)}] input. Received: KernelSize={spec.KernelSize}.", nameof(layers));
                        shape = [spec.Units, h, w];
                        if (spec.BatchNormalization) modules.Add(new BatchNorm2d(spec.Units));
                        break;
                    }
                case LayerSpec.MaxPool2d:
                    {
                        Spatial(shape, spec);
                        if (spec.KernelSize < 1) throw new ArgumentException($"Expected a pool size of at least 1. Received: KernelSize={spec.KernelSize}.", nameof(layers));
                        var stride = spec.Stride == 0 ? spec.KernelSize : spec.Stride;
                        if (stride < 1) throw new ArgumentException($"Expected a stride of at least 1. Received: Stride={spec.Stride}.", nameof(layers));
                        long h = (shape[1] - spec.KernelSize) / stride + 1, w = (shape[2] - spec.KernelSize) / stride + 1;
                        if (shape[1] < spec.KernelSize || shape[2] < spec.KernelSize)
                            throw new ArgumentException($"Expected a pool that fits the [{string.Join(", ", shape)}] input. Received: KernelSize={spec.KernelSize}.", nameof(layers));
                        modules.Add(new MaxPool2d(spec.KernelSize, stride));
                        shape = [shape[0], h, w];
                        break;
                    }
                case LayerSpec.Flatten:
                    Spatial(shape, spec);
                    modules.Add(new Flatten());
                    shape = [shape[0] * shape[1] * shape[2]];
                    break;
                case LayerSpec.Embedding or LayerSpec.Recurrent or LayerSpec.TextConvolution:
                    // Sequence layers add their own activation and dropout; what follows them sees
                    // their features per step (an embedding's dimension, a recurrent layer's last step).
                    shape = [SequenceLayers.Add(modules, spec, shape[^1], first: modules.Count == 0)];
                    continue;
                default:
                    throw new ArgumentException($"Expected a layer kind this version knows ({LayerSpec.Dense}, {LayerSpec.Conv2d}, {LayerSpec.MaxPool2d}, {LayerSpec.Flatten}, {LayerSpec.Embedding}, {LayerSpec.Recurrent}, {LayerSpec.TextConvolution}). Received: Kind={spec.Kind}.", nameof(layers));
            }
            if (spec.Activation != ActivationKind.Identity) modules.Add(Activation.Create(spec.Activation));
            if (spec.Dropout > 0) modules.Add(new Dropout(spec.Dropout));
        }
        return new Sequential(modules);
    }

    private static void Spatial(long[] shape, LayerSpec spec)
    {
        if (shape.Length != 3)
            throw new ArgumentException($"Expected [channels, height, width] inputs for a {spec.Kind} layer. Received: [{string.Join(", ", shape)}].", "layers");
    }

    /// <summary>True when the network starts with an Embedding, so its float feature values are token ids to pass as int64.</summary>
    public static bool TakesTokenIds(IReadOnlyList<LayerSpec> layers) =>
        layers.Count > 0 && (layers[0].Kind == LayerSpec.Embedding
            || layers[0] is { Kind: LayerSpec.KerasStack, Stack: [{ Kind: "Embedding" }, ..] });
}
