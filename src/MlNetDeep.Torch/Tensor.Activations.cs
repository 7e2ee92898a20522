using MlNetDeep.Torch.Nn;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Activation functions as tensor methods; the same functions as layers are in Nn/Activation.cs,
// Nn/PReLU.cs and Nn/Maxout.cs. Hyper-parameter defaults are PyTorch's.
public sealed partial class Tensor
{
    private Tensor Activate(ActivationKind kind, double p0 = 0, double p1 = 0) =>
        Wrap(mlnd_activation_apply(Handle, (int)kind, p0, p1, out var r), r);

    /// <summary>Heaviside step: 1 where x &gt; 0, else 0. Its gradient is 0 everywhere.</summary>
    public Tensor BinaryStep() => Activate(ActivationKind.BinaryStep);

    /// <summary>1 / (1 + e^−x), element-wise.</summary>
    public Tensor Sigmoid() => Activate(ActivationKind.Sigmoid);

    public Tensor Tanh() => Activate(ActivationKind.Tanh);

    /// <summary>max(0, x), element-wise.</summary>
    public Tensor Relu() => Activate(ActivationKind.Relu);

    /// <summary>max(0, x) + negativeSlope·min(0, x), element-wise.</summary>
    public Tensor LeakyRelu(double negativeSlope = Activation.Defaults.LeakyReluSlope) => Activate(ActivationKind.LeakyRelu, negativeSlope);

    /// <summary>max(0, x) + weight·min(0, x), with one slope or one per channel (dimension 1).</summary>
    public Tensor Prelu(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return Wrap(mlnd_activation_prelu(Handle, weight.Handle, out var r), r);
    }

    /// <summary>x where x &gt; 0, else alpha·(e^x − 1).</summary>
    public Tensor Elu(double alpha = Activation.Defaults.EluAlpha) => Activate(ActivationKind.Elu, alpha);

    /// <summary>Scaled ELU with PyTorch's constants (λ ≈ 1.0507, α ≈ 1.6733).</summary>
    public Tensor Selu() => Activate(ActivationKind.Selu);

    /// <summary>Swish / SiLU: x·σ(x).</summary>
    public Tensor Silu() => Activate(ActivationKind.Swish);

    /// <summary>Same as <see cref="Silu"/>.</summary>
    public Tensor Swish() => Silu();

    /// <summary>x·Φ(x), Φ the standard normal CDF.</summary>
    public Tensor Gelu() => Activate(ActivationKind.Gelu);

    /// <summary>log(1 + e^(beta·x)) / beta, and x itself where beta·x &gt; threshold.</summary>
    public Tensor Softplus(double beta = Activation.Defaults.SoftplusBeta, double threshold = Activation.Defaults.SoftplusThreshold) =>
        Activate(ActivationKind.Softplus, beta, threshold);

    /// <summary>e^(x_i) / Σ_j e^(x_j) along <paramref name="dim"/> (negative counts from the end).</summary>
    public Tensor Softmax(int dim) => Activate(ActivationKind.Softmax, dim);

    /// <summary>x_i − log Σ_j e^(x_j) along <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim) => Activate(ActivationKind.LogSoftmax, dim);

    /// <summary>Max over groups of <paramref name="pieces"/> consecutive elements of the last dimension: (…, F) → (…, F / pieces).</summary>
    public Tensor Maxout(int pieces)
    {
        var shape = Shape;
        if (shape.Length == 0) throw new InvalidOperationException("Maxout needs at least one dimension; this tensor is a scalar.");
        Nn.Maxout.CheckPieces(pieces, shape[^1]);
        return Activate(ActivationKind.Maxout, pieces);
    }
}
