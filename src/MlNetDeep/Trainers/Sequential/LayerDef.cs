using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// One Keras-style layer of a <see cref="SequentialTrainer"/>'s stack, as plain data (written as JSON into model files). Make
/// them with <see cref="Layers"/> (<c>Layers.Dense(64, "relu")</c>); <see cref="SequentialNetwork"/> turns a stack into modules.
/// Images are channels-first ([C, H, W]) as in PyTorch.
/// </summary>
public sealed class LayerDef
{
    /// <summary>The layer kind: Dense, Conv2D, MaxPooling2D, Flatten, Dropout, BatchNormalization, Embedding, LSTM, GRU, Bidirectional, Activation.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Dense units, LSTM/GRU hidden size, Conv2D filters.</summary>
    public int Units { get; set; }

    /// <summary>Conv2D kernel size, MaxPooling2D pool size.</summary>
    public int KernelSize { get; set; }

    /// <summary>Conv2D / MaxPooling2D stride (0: 1 for Conv2D, the pool size for pooling).</summary>
    public int Strides { get; set; }

    /// <summary>Conv2D padding: "valid" or "same".</summary>
    public string Padding { get; set; } = "valid";

    /// <summary>The activation applied after the layer (Identity for none).</summary>
    public ActivationKind Activation { get; set; } = ActivationKind.Identity;

    /// <summary>Dropout rate.</summary>
    public double Rate { get; set; }

    /// <summary>Embedding vocabulary size.</summary>
    public int InputDim { get; set; }

    /// <summary>LSTM/GRU: output the whole sequence instead of the last step.</summary>
    public bool ReturnSequences { get; set; }

    /// <summary>Bidirectional: the wrapped recurrent layer.</summary>
    public LayerDef? Inner { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        "Dense" or "LSTM" or "GRU" => $"{Kind}({Units}{(Activation == ActivationKind.Identity ? "" : ", " + Activation)})",
        "Conv2D" => $"Conv2D({Units}, {KernelSize})",
        "Dropout" => $"Dropout({Rate})",
        "Bidirectional" => $"Bidirectional({Inner})",
        _ => Kind,
    };
}
