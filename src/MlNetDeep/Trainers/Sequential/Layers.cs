using System.Globalization;
using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// Keras-style layer factories for <see cref="SequentialTrainer"/>: <c>Layers.Dense(64, "relu")</c>, <c>Layers.Conv2D(32, 3, "relu")</c>,
/// <c>Layers.MaxPooling2D(2)</c>, <c>Layers.Flatten()</c>, <c>Layers.Dropout(0.2)</c>, <c>Layers.BatchNormalization()</c>,
/// <c>Layers.Embedding(vocabulary, 32)</c>, <c>Layers.LSTM(64)</c>, <c>Layers.GRU(64)</c>, <c>Layers.Bidirectional(Layers.LSTM(32))</c>.
/// Activations by Keras name ("relu", "tanh", "sigmoid", "softmax", "elu", "selu", "gelu", "swish", "linear", …) or <see cref="ActivationKind"/>.
/// Arguments are checked here, naming the parameter and the value received.
/// </summary>
public static class Layers
{
    /// <summary>A fully connected layer on the last axis.</summary>
    public static LayerDef Dense(int units, string? activation = null) => Dense(units, Parse(activation));

    /// <inheritdoc cref="Dense(int, string?)"/>
    public static LayerDef Dense(int units, ActivationKind activation) =>
        new() { Kind = "Dense", Units = Positive(units, nameof(units)), Activation = activation };

    /// <summary>A 2-D convolution on [C, H, W] inputs: <paramref name="filters"/> square kernels, "valid" or "same" padding.</summary>
    public static LayerDef Conv2D(int filters, int kernelSize, string? activation = null, int strides = 1, string padding = "valid") =>
        Conv2D(filters, kernelSize, Parse(activation), strides, padding);

    /// <inheritdoc cref="Conv2D(int, int, string?, int, string)"/>
    public static LayerDef Conv2D(int filters, int kernelSize, ActivationKind activation, int strides = 1, string padding = "valid")
    {
        if (padding is not ("valid" or "same")) throw new ArgumentException($"Expected padding \"valid\" or \"same\". Received: padding={padding}.", nameof(padding));
        if (padding == "same" && strides != 1) throw new ArgumentException($"Expected strides=1 with \"same\" padding (as PyTorch). Received: strides={strides}.", nameof(strides));
        return new() { Kind = "Conv2D", Units = Positive(filters, nameof(filters)), KernelSize = Positive(kernelSize, nameof(kernelSize)), Strides = Positive(strides, nameof(strides)), Padding = padding, Activation = activation };
    }

    /// <summary>Max pooling over <paramref name="poolSize"/>² windows (stride: the pool size unless given).</summary>
    public static LayerDef MaxPooling2D(int poolSize = 2, int? strides = null) =>
        new() { Kind = "MaxPooling2D", KernelSize = Positive(poolSize, nameof(poolSize)), Strides = Positive(strides ?? poolSize, nameof(strides)) };

    /// <summary>Flattens each example to a vector.</summary>
    public static LayerDef Flatten() => new() { Kind = "Flatten" };

    /// <summary>Dropout of <paramref name="rate"/> in [0, 1) while training.</summary>
    public static LayerDef Dropout(double rate) =>
        rate >= 0 && rate < 1 ? new() { Kind = "Dropout", Rate = rate }
        : throw new ArgumentOutOfRangeException(nameof(rate), string.Create(CultureInfo.InvariantCulture, $"Expected a rate in [0, 1). Received: rate={rate}."));

    /// <summary>Batch normalization over the features (vectors) or channels ([C, L] and [C, H, W]).</summary>
    public static LayerDef BatchNormalization() => new() { Kind = "BatchNormalization" };

    /// <summary>An activation on its own.</summary>
    public static LayerDef Activation(string activation) => new() { Kind = "Activation", Activation = Parse(activation) };

    /// <inheritdoc cref="Activation(string)"/>
    public static LayerDef Activation(ActivationKind activation) => new() { Kind = "Activation", Activation = activation };

    /// <summary>Token ids (a float vector of ids in [0, inputDim)) to vectors of <paramref name="outputDim"/>.</summary>
    public static LayerDef Embedding(int inputDim, int outputDim) =>
        new() { Kind = "Embedding", InputDim = Positive(inputDim, nameof(inputDim)), Units = Positive(outputDim, nameof(outputDim)) };

    /// <summary>An LSTM over [T, F] sequences; the last step's output unless <paramref name="returnSequences"/>.</summary>
    public static LayerDef LSTM(int units, bool returnSequences = false) => new() { Kind = "LSTM", Units = Positive(units, nameof(units)), ReturnSequences = returnSequences };

    /// <summary>A GRU over [T, F] sequences; the last step's output unless <paramref name="returnSequences"/>.</summary>
    public static LayerDef GRU(int units, bool returnSequences = false) => new() { Kind = "GRU", Units = Positive(units, nameof(units)), ReturnSequences = returnSequences };

    /// <summary>Runs the recurrent <paramref name="layer"/> both ways and concatenates the outputs (2 × units).</summary>
    public static LayerDef Bidirectional(LayerDef layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Kind is not ("LSTM" or "GRU")) throw new ArgumentException($"Expected an LSTM or GRU layer. Received: layer={layer.Kind}.", nameof(layer));
        return new() { Kind = "Bidirectional", Inner = layer, Units = layer.Units, ReturnSequences = layer.ReturnSequences };
    }

    /// <summary>A Keras activation name as an <see cref="ActivationKind"/> (null, "" and "linear" are Identity).</summary>
    public static ActivationKind Parse(string? activation)
    {
        var name = (activation ?? "").Trim().ToLowerInvariant().Replace("_", "", StringComparison.Ordinal);
        switch (name)
        {
            case "" or "linear" or "identity" or "none": return ActivationKind.Identity;
            case "silu": return ActivationKind.Swish;
            case "leakyrelu": return ActivationKind.LeakyRelu;
        }
        foreach (var kind in Enum.GetValues<ActivationKind>())
            if (kind.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new ArgumentException($"Expected a Keras activation name ({string.Join(", ", Enum.GetNames<ActivationKind>().Select(n => n.ToLowerInvariant()))}). Received: activation={activation}.", nameof(activation));
    }

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, $"Expected a positive value. Received: {name}={value}.");
}
