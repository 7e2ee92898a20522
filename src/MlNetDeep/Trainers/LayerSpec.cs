using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Trainers;

/// <summary>
/// One layer of a network architecture as plain data: written as JSON into a model file and turned back into modules by
/// <see cref="NetworkBuilder"/>, which knows a fixed set of kinds (a file never names a type to instantiate). Trainers
/// with new layer kinds add a constant here and a case in <see cref="NetworkBuilder"/>.
/// </summary>
public sealed class LayerSpec
{
    /// <summary>A whole Keras-style stack (<see cref="Stack"/>) built by <see cref="SequentialNetwork"/>; the only spec of its network.</summary>
    public const string KerasStack = "KerasStack";

    /// <summary>KerasStack: the layers.</summary>
    public List<LayerDef>? Stack { get; set; }

    /// <summary>KerasStack: the shape of one example (no batch axis).</summary>
    public long[]? StackInputShape { get; set; }

    /// <summary>A fully connected layer of <see cref="Units"/> units.</summary>
    public const string Dense = "Dense";

    /// <summary>A 2-D convolution of <see cref="Units"/> filters (<see cref="KernelSize"/>, <see cref="Stride"/>, <see cref="Padding"/>) on [C, H, W] inputs.</summary>
    public const string Conv2d = "Conv2d";

    /// <summary>Max pooling over <see cref="KernelSize"/>×<see cref="KernelSize"/> windows (stride <see cref="Stride"/>, the window when 0).</summary>
    public const string MaxPool2d = "MaxPool2d";

    /// <summary>Flattens [C, H, W] into a vector for the dense layers that follow.</summary>
    public const string Flatten = "Flatten";

    /// <summary>The kind (one of the constants).</summary>
    public string Kind { get; set; } = Dense;

    /// <summary>Output units.</summary>
    public int Units { get; set; }

    /// <summary>The activation after the layer (Identity for none).</summary>
    public ActivationKind Activation { get; set; } = ActivationKind.Identity;

    /// <summary>Batch normalization between the layer and its activation.</summary>
    public bool BatchNormalization { get; set; }

    /// <summary>Dropout rate after the activation; 0 for none.</summary>
    public double Dropout { get; set; }

    /// <summary>Conv2d and MaxPool2d: the square window's side; TextConvolution: the tokens a filter spans.</summary>
    public int KernelSize { get; set; }

    /// <summary>Conv2d and MaxPool2d: the step; 0 means 1 for Conv2d and the window for MaxPool2d.</summary>
    public int Stride { get; set; }

    /// <summary>Conv2d: zero padding on each side; -1 for "same" (output size = input size at stride 1).</summary>
    public int Padding { get; set; }

    // Sequence layers (RnnTrainer, TextCnnTrainer).

    /// <summary>A token embedding of <see cref="Vocabulary"/> ids into <see cref="Units"/> dimensions; the input is Int64 token ids.</summary>
    public const string Embedding = "Embedding";

    /// <summary>
    /// A recurrent stack (<see cref="Cell"/>, <see cref="Units"/> hidden units, <see cref="Layers"/> layers, <see cref="Bidirectional"/>,
    /// <see cref="Dropout"/> between layers and after) on batch-first sequences, followed by its last time step. As the first layer it reads the
    /// features as time steps of one value each (a forecasting window).
    /// </summary>
    public const string Recurrent = "Recurrent";

    /// <summary>
    /// Text convolution over embedded tokens [N, 1, T, E]: <see cref="Units"/> filters spanning <see cref="KernelSize"/> tokens and the
    /// whole embedding, ReLU, then the maximum over time, giving [N, Units].
    /// </summary>
    public const string TextConvolution = "TextConvolution";

    /// <summary>Vocabulary size of an <see cref="Embedding"/> (ids 0 … Vocabulary−1).</summary>
    public int Vocabulary { get; set; }

    /// <summary>The cell of a <see cref="Recurrent"/> layer.</summary>
    public RecurrentCell Cell { get; set; } = RecurrentCell.Lstm;

    /// <summary>Stacked layers of a <see cref="Recurrent"/> layer.</summary>
    public int Layers { get; set; } = 1;

    /// <summary>Whether a <see cref="Recurrent"/> layer also reads the sequence backwards (its output is then 2 × <see cref="Units"/>).</summary>
    public bool Bidirectional { get; set; }
}
