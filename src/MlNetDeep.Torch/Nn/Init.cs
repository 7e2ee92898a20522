using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Weight initialisation, in place and outside autograd (PyTorch's torch.nn.init). Draws come
/// from libtorch's generator: <see cref="Torch.ManualSeed"/> makes them reproducible.
/// Fans follow PyTorch: for a weight of shape [out, in, k1, k2, ...],
/// <c>fan_in = in·k1·k2·…</c> and <c>fan_out = out·k1·k2·…</c> (Linear: [out, in]).
/// <code>
/// UniformFanIn:  U(−b, b),  b = 1/√fan_in           (PyTorch's Linear/Conv default)
/// XavierNormal:  N(0, σ²),  σ = gain·√(2/(fan_in + fan_out))   (Glorot)
/// XavierUniform: U(−b, b),  b = gain·√(6/(fan_in + fan_out))
/// HeNormal:      N(0, σ²),  σ = √(2/fan_in)          (Kaiming, for ReLU)
/// HeUniform:     U(−b, b),  b = √(6/fan_in)
/// </code>
/// </summary>
public static class Init
{
    /// <summary>PyTorch's _calculate_fan_in_and_fan_out for a weight of the given shape (at least 2 dimensions).</summary>
    public static (long FanIn, long FanOut) FanInAndFanOut(ReadOnlySpan<long> shape)
    {
        if (shape.Length < 2)
            throw new ArgumentException(
                $"Fan in and fan out can not be computed for a tensor with fewer than 2 dimensions. Received: shape=[{string.Join(", ", shape.ToArray())}]",
                nameof(shape));
        long receptive = 1;
        for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <inheritdoc cref="FanInAndFanOut(ReadOnlySpan{long})"/>
    public static (long FanIn, long FanOut) FanInAndFanOut(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return FanInAndFanOut(tensor.Shape);
    }

    /// <summary>Fills with draws from U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Tensor Uniform(Tensor tensor, double low = 0, double high = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!(low <= high) || double.IsInfinity(low) || double.IsInfinity(high))
            throw new ArgumentException($"Expected finite bounds with low <= high. Received: low={low}, high={high}", nameof(low));
        Check(mlnd_init_uniform_(tensor.Handle, low, high));
        return tensor;
    }

    /// <summary>Fills with draws from N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
    public static Tensor Normal(Tensor tensor, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, $"Expected a finite mean. Received: mean={mean}");
        if (!(std >= 0) || double.IsInfinity(std))
            throw new ArgumentOutOfRangeException(nameof(std), std, $"Expected a finite std >= 0. Received: std={std}");
        Check(mlnd_init_normal_(tensor.Handle, mean, std));
        return tensor;
    }

    public static Tensor Zeros(Tensor tensor) => Constant(tensor, 0);

    public static Tensor Constant(Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.Fill(value);
    }

    /// <summary>U(±1/√fan_in): what PyTorch's Linear and Conv layers start from.</summary>
    public static Tensor UniformFanIn(Tensor tensor)
    {
        var (fanIn, _) = FanInAndFanOut(tensor);
        var bound = 1 / Math.Sqrt(fanIn);
        return Uniform(tensor, -bound, bound);
    }

    /// <summary>Glorot normal: σ = gain·√(2/(fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, double gain = 1)
    {
        var (fanIn, fanOut) = FanInAndFanOut(tensor);
        return Normal(tensor, 0, CheckGain(gain) * Math.Sqrt(2.0 / (fanIn + fanOut)));
    }

    /// <summary>Glorot uniform: U(±b), b = gain·√(6/(fan_in + fan_out)).</summary>
    public static Tensor XavierUniform(Tensor tensor, double gain = 1)
    {
        var (fanIn, fanOut) = FanInAndFanOut(tensor);
        var bound = CheckGain(gain) * Math.Sqrt(6.0 / (fanIn + fanOut));
        return Uniform(tensor, -bound, bound);
    }

    /// <summary>He (Kaiming) normal for ReLU networks: σ = √(2/fan_in).</summary>
    public static Tensor HeNormal(Tensor tensor)
    {
        var (fanIn, _) = FanInAndFanOut(tensor);
        return Normal(tensor, 0, Math.Sqrt(2.0 / fanIn));
    }

    /// <summary>He (Kaiming) uniform for ReLU networks: U(±b), b = √(6/fan_in).</summary>
    public static Tensor HeUniform(Tensor tensor)
    {
        var (fanIn, _) = FanInAndFanOut(tensor);
        var bound = Math.Sqrt(6.0 / fanIn);
        return Uniform(tensor, -bound, bound);
    }

    /// <summary>
    /// Re-initialises <paramref name="module"/>: every parameter with at least 2 dimensions (the
    /// weights of Linear, Conv, recurrent layers) gets <paramref name="weights"/>, every parameter
    /// whose own name starts with "bias" is set to zero; other parameters (e.g. a batch norm's
    /// scale) keep their values.
    /// </summary>
    public static void Apply(Module module, Initializer weights)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (name, tensor) in module.NamedParameters())
        {
            using (tensor)
            {
                var leaf = name[(name.LastIndexOf('.') + 1)..];
                if (tensor.Dim >= 2) weights.Apply(tensor);
                else if (leaf.StartsWith("bias", StringComparison.Ordinal)) Zeros(tensor);
            }
        }
    }

    private static double CheckGain(double gain) =>
        gain > 0 && double.IsFinite(gain) ? gain : throw new ArgumentOutOfRangeException(nameof(gain), gain, $"Expected a positive, finite gain. Received: gain={gain}");
}
