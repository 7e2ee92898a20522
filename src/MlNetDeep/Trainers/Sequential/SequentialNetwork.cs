using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// Turns a Keras-style <see cref="LayerDef"/> stack into a <see cref="Sequential"/>, tracking the example shape (no batch axis) so
/// every layer gets its input size: Dense acts on the last axis; Conv2D/MaxPooling2D need [C, H, W]; LSTM/GRU run batch-first over
/// [T, F] and keep the last step (<see cref="LastTimeStep"/>) unless they return sequences; Embedding maps [T] ids to [T, D].
/// </summary>
public static class SequentialNetwork
{
    /// <summary>The network for examples of <paramref name="inputShape"/>, and the shape of one output.</summary>
    public static (Sequential Network, long[] OutputShape) Build(IReadOnlyList<LayerDef> layers, IReadOnlyList<long> inputShape, Initializer? initializer = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(inputShape);
        var shape = inputShape.ToArray();
        var modules = new List<Module>();
        for (int i = 0; i < layers.Count; i++)
        {
            var l = layers[i] ?? throw new ArgumentException($"Expected a layer. Received: layers[{i}]=null.", nameof(layers));
            shape = Add(modules, l, shape, i);
            if (l.Kind != "Activation" && l.Activation != ActivationKind.Identity) modules.Add(Activation(l.Activation));
        }
        var network = new Sequential(modules);
        if (initializer is not null) Init.Apply(network, initializer);
        return (network, shape);
    }

    private static Module Activation(ActivationKind kind) => kind is ActivationKind.Softmax or ActivationKind.LogSoftmax
        ? new Torch.Nn.Activation(kind) : Torch.Nn.Activation.Create(kind);

    private static long[] Add(List<Module> modules, LayerDef l, long[] shape, int index)
    {
        ArgumentException Wrong(string expected) =>
            new($"Expected {expected} for layer {index} ({l}). Received: input shape [{string.Join(", ", shape)}].", "layers");
        switch (l.Kind)
        {
            case "Dense":
                modules.Add(new Linear(shape[^1], l.Units));
                return [.. shape[..^1], l.Units];
            case "Conv2D":
            {
                if (shape.Length != 3) throw Wrong("[channels, height, width]");
                long k = l.KernelSize, s = Math.Max(1, l.Strides);
                var same = l.Padding == "same";
                modules.Add(new Conv2d(shape[0], l.Units, k, s, same ? Padding.Same : Padding.Valid));
                long h = same ? (shape[1] + s - 1) / s : (shape[1] - k) / s + 1, w = same ? (shape[2] + s - 1) / s : (shape[2] - k) / s + 1;
                if (h < 1 || w < 1) throw Wrong($"an image of at least {k}×{k}");
                return [l.Units, h, w];
            }
            case "MaxPooling2D":
            {
                if (shape.Length != 3) throw Wrong("[channels, height, width]");
                long k = l.KernelSize, s = l.Strides < 1 ? k : l.Strides;
                modules.Add(new MaxPool2d(k, s));
                long h = (shape[1] - k) / s + 1, w = (shape[2] - k) / s + 1;
                if (h < 1 || w < 1) throw Wrong($"an image of at least {k}×{k}");
                return [shape[0], h, w];
            }
            case "Flatten":
                modules.Add(new Flatten());
                return [shape.Aggregate(1L, (a, b) => a * b)];
            case "Dropout":
                modules.Add(new Torch.Nn.Dropout(l.Rate));
                return shape;
            case "Activation":
                modules.Add(Activation(l.Activation));
                return shape;
            case "BatchNormalization":
                if (shape.Length == 3) modules.Add(new BatchNorm2d(shape[0]));
                else if (shape.Length is 1 or 2) modules.Add(new BatchNorm1d(shape[0]));
                else throw Wrong("a vector, [C, L] or [C, H, W]");
                return shape;
            case "Embedding":
                if (shape.Length != 1) throw Wrong("a vector of token ids");
                modules.Add(new Embedding(l.InputDim, l.Units));
                return [shape[0], l.Units];
            case "LSTM" or "GRU" or "Bidirectional":
            {
                if (shape.Length != 2) throw Wrong("a sequence [time, features]");
                var cell = l.Kind == "Bidirectional" ? l.Inner!.Kind : l.Kind;
                var both = l.Kind == "Bidirectional";
                modules.Add(cell == "LSTM" ? new LSTM(shape[1], l.Units, batchFirst: true, bidirectional: both) : new GRU(shape[1], l.Units, batchFirst: true, bidirectional: both));
                long width = both ? 2L * l.Units : l.Units;
                if (l.ReturnSequences) return [shape[0], width];
                modules.Add(new LastTimeStep(batchFirst: true));
                return [width];
            }
            default:
                throw new ArgumentException($"Expected a layer kind (Dense, Conv2D, MaxPooling2D, Flatten, Dropout, BatchNormalization, Embedding, LSTM, GRU, Bidirectional, Activation). Received: layers[{index}].Kind={l.Kind}.", "layers");
        }
    }
}
