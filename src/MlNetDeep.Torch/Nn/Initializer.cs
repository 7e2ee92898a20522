namespace MlNetDeep.Torch.Nn;

/// <summary>
/// A weight initialisation picked by name, for trainer options: <c>Initializer.HeNormal</c>,
/// <c>Initializer.Normal(0, 0.01)</c> or <c>Initializer.FromName("glorot_uniform")</c>. The
/// formulas are in <see cref="Init"/>; <see cref="Init.Apply"/> applies one to a whole module.
/// </summary>
public sealed class Initializer
{
    private readonly Func<Tensor, Tensor> _apply;

    private Initializer(string name, Func<Tensor, Tensor> apply)
    {
        Name = name;
        _apply = apply;
    }

    /// <summary>The name <see cref="FromName"/> accepts for this initializer, e.g. "he_normal".</summary>
    public string Name { get; }

    public static Initializer Zeros { get; } = new("zeros", Init.Zeros);
    public static Initializer UniformFanIn { get; } = new("uniform_fan_in", Init.UniformFanIn);
    public static Initializer XavierNormal { get; } = new("xavier_normal", t => Init.XavierNormal(t));
    public static Initializer XavierUniform { get; } = new("xavier_uniform", t => Init.XavierUniform(t));
    public static Initializer HeNormal { get; } = new("he_normal", Init.HeNormal);
    public static Initializer HeUniform { get; } = new("he_uniform", Init.HeUniform);

    public static Initializer Constant(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"Expected a finite value. Received: value={value}");
        return new(FormattableString.Invariant($"constant({value:R})"), t => Init.Constant(t, value));
    }

    public static Initializer Normal(double mean = 0, double std = 1)
    {
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, $"Expected a finite mean. Received: mean={mean}");
        if (!(std >= 0) || double.IsInfinity(std))
            throw new ArgumentOutOfRangeException(nameof(std), std, $"Expected a finite std >= 0. Received: std={std}");
        return new(FormattableString.Invariant($"normal({mean:R}, {std:R})"), t => Init.Normal(t, mean, std));
    }

    /// <summary>
    /// The initializer with this name, case-insensitive: zeros, uniform_fan_in (or default),
    /// xavier_normal / glorot_normal, xavier_uniform / glorot_uniform, he_normal /
    /// kaiming_normal, he_uniform / kaiming_uniform.
    /// </summary>
    public static Initializer FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "zeros" => Zeros,
            "uniform_fan_in" or "default" => UniformFanIn,
            "xavier_normal" or "glorot_normal" => XavierNormal,
            "xavier_uniform" or "glorot_uniform" => XavierUniform,
            "he_normal" or "kaiming_normal" => HeNormal,
            "he_uniform" or "kaiming_uniform" => HeUniform,
            _ => throw new ArgumentException(
                $"Expected one of zeros, uniform_fan_in, xavier_normal, xavier_uniform, he_normal, he_uniform (or their Keras/PyTorch aliases). Received: name={name}",
                nameof(name)),
        };
    }

    /// <summary>Initialises <paramref name="tensor"/> in place and returns it.</summary>
    public Tensor Apply(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return _apply(tensor);
    }

    public override string ToString() => Name;
}
