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
}
