using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// A parameter-free activation layer, usable inside a <see cref="Sequential"/>:
/// <c>new Sequential(new Linear(4, 8), new Activation(ActivationKind.Relu), new Linear(8, 1))</c>.
/// Hyper-parameters take PyTorch's defaults; the static factories (<see cref="LeakyRelu"/>,
/// <see cref="Elu"/>, <see cref="Softplus"/>, <see cref="Softmax"/>, <see cref="LogSoftmax"/>) set
/// them. <see cref="ActivationKind.PRelu"/> (learnable) is the <see cref="PReLU"/> layer and
/// <see cref="ActivationKind.Maxout"/> (needs a piece count) the <see cref="Nn.Maxout"/> layer;
/// <see cref="Create"/> builds any kind with defaults.
/// </summary>
public sealed class Activation : Module
{
    /// <summary>Default hyper-parameters, as in PyTorch.</summary>
    public static class Defaults
    {
        public const double LeakyReluSlope = 0.01;
        public const double EluAlpha = 1.0;
        public const double SoftplusBeta = 1.0;
        public const double SoftplusThreshold = 20.0;
        public const int SoftmaxDim = -1;
    }

    /// <summary>An activation of the given kind with default hyper-parameters (softmax over the last dimension).</summary>
    public Activation(ActivationKind kind) : this(kind, DefaultP0(kind), DefaultP1(kind)) { }

    private Activation(ActivationKind kind, double p0, double p1) : base(Create(kind, p0, p1, out var h), h)
    {
        Kind = kind;
        P0 = p0;
        P1 = p1;
    }

    public ActivationKind Kind { get; }

    /// <summary>The first hyper-parameter: LeakyReLU slope, ELU alpha, Softplus beta, Softmax/LogSoftmax dimension; 0 otherwise.</summary>
    internal double P0 { get; }

    /// <summary>The second hyper-parameter: Softplus threshold; 0 otherwise.</summary>
    internal double P1 { get; }

    public override string Name => Kind.ToString();

    /// <summary>Any kind as a layer with default hyper-parameters: a <see cref="PReLU"/> with one shared slope for
    /// <see cref="ActivationKind.PRelu"/>; <see cref="ActivationKind.Maxout"/> needs its piece count, so use <see cref="Nn.Maxout"/>.</summary>
    public static Module Create(ActivationKind kind) => kind switch
    {
        ActivationKind.PRelu => new PReLU(),
        _ => new Activation(kind),
    };

    /// <summary>y = max(0, x) + negativeSlope·min(0, x).</summary>
    public static Activation LeakyRelu(double negativeSlope = Defaults.LeakyReluSlope)
    {
        if (!double.IsFinite(negativeSlope)) throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope, $"Expected a finite slope. Received: negativeSlope={negativeSlope}.");
        return new Activation(ActivationKind.LeakyRelu, negativeSlope, 0);
    }

    /// <summary>y = x if x &gt; 0 else alpha·(e^x − 1).</summary>
    public static Activation Elu(double alpha = Defaults.EluAlpha)
    {
        if (!double.IsFinite(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"Expected a finite alpha. Received: alpha={alpha}.");
        return new Activation(ActivationKind.Elu, alpha, 0);
    }

    /// <summary>y = log(1 + e^(beta·x)) / beta, and y = x where beta·x &gt; threshold (for numerical stability).</summary>
    public static Activation Softplus(double beta = Defaults.SoftplusBeta, double threshold = Defaults.SoftplusThreshold)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, $"Expected a positive, finite beta. Received: beta={beta}.");
        if (double.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"Expected a number. Received: threshold={threshold}.");
        return new Activation(ActivationKind.Softplus, beta, threshold);
    }

    /// <summary>Softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Activation Softmax(int dim = Defaults.SoftmaxDim) => new(ActivationKind.Softmax, dim, 0);

    /// <summary>Log-softmax along <paramref name="dim"/> (negative counts from the end).</summary>
    public static Activation LogSoftmax(int dim = Defaults.SoftmaxDim) => new(ActivationKind.LogSoftmax, dim, 0);

    private static double DefaultP0(ActivationKind kind) => kind switch
    {
        ActivationKind.LeakyRelu => Defaults.LeakyReluSlope,
        ActivationKind.Elu => Defaults.EluAlpha,
        ActivationKind.Softplus => Defaults.SoftplusBeta,
        ActivationKind.Softmax or ActivationKind.LogSoftmax => Defaults.SoftmaxDim,
        _ => 0,
    };

    private static double DefaultP1(ActivationKind kind) => kind == ActivationKind.Softplus ? Defaults.SoftplusThreshold : 0;

    private static int Create(ActivationKind kind, double p0, double p1, out IntPtr handle)
    {
        switch (kind)
        {
            case ActivationKind.PRelu:
                throw new ArgumentException($"PReLU has a learnable slope: use the PReLU layer or Activation.Create. Received: kind={kind}.", nameof(kind));
            case ActivationKind.Maxout:
                throw new ArgumentException($"Maxout needs a number of pieces: use the Maxout layer. Received: kind={kind}.", nameof(kind));
            case < ActivationKind.Identity or > ActivationKind.Maxout:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Expected an ActivationKind. Received: kind={(int)kind}.");
        }
        return mlnd_module_activation((int)kind, p0, p1, out handle);
    }
}
