namespace MlNetDeep.Torch.Nn;

/// <summary>
/// The activation functions MlNetDeep provides, by name. Each is a layer (<see cref="Activation"/>,
/// <see cref="PReLU"/>, <see cref="Maxout"/>) and a tensor method (<see cref="Tensor.Relu"/>, ...).
/// The values are the native kind codes.
/// </summary>
public enum ActivationKind
{
    /// <summary>Linear: y = x.</summary>
    Identity = 0,
    /// <summary>Heaviside step: y = 1 if x &gt; 0 else 0; its gradient is 0 everywhere.</summary>
    BinaryStep = 1,
    /// <summary>y = 1 / (1 + e^−x).</summary>
    Sigmoid = 2,
    /// <summary>y = tanh(x).</summary>
    Tanh = 3,
    /// <summary>y = max(0, x).</summary>
    Relu = 4,
    /// <summary>y = max(0, x) + α·min(0, x), α fixed (default 0.01).</summary>
    LeakyRelu = 5,
    /// <summary>y = max(0, x) + α·min(0, x), α learned (see <see cref="PReLU"/>).</summary>
    PRelu = 6,
    /// <summary>y = x if x &gt; 0 else α(e^x − 1), α default 1.</summary>
    Elu = 7,
    /// <summary>y = λ·(x if x &gt; 0 else α(e^x − 1)) with PyTorch's fixed λ ≈ 1.0507, α ≈ 1.6733.</summary>
    Selu = 8,
    /// <summary>Swish / SiLU: y = x·σ(x).</summary>
    Swish = 9,
    /// <summary>y = x·Φ(x), Φ the standard normal CDF (exact, not the tanh approximation).</summary>
    Gelu = 10,
    /// <summary>y = log(1 + e^(βx)) / β, and y = x where βx &gt; threshold (defaults β = 1, threshold = 20).</summary>
    Softplus = 11,
    /// <summary>y_i = e^(x_i) / Σ_j e^(x_j) along one dimension.</summary>
    Softmax = 12,
    /// <summary>y_i = x_i − log Σ_j e^(x_j) along one dimension.</summary>
    LogSoftmax = 13,
    /// <summary>Max over groups of k consecutive features of the last dimension (see <see cref="Maxout"/>).</summary>
    Maxout = 14,
}
