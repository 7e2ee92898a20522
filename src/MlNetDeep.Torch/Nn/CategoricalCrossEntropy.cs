using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Categorical cross-entropy with one-hot or probability targets, as Keras'
/// CategoricalCrossentropy: per sample <c>−Σ_c w_c·y_c·ln p_c</c> over the class dimension.
/// <list type="bullet">
/// <item><c>fromLogits: true</c>: <c>ln p = log_softmax(prediction)</c> (stable; then equal to
/// PyTorch's CrossEntropyLoss with probability targets, class weights included).</item>
/// <item><c>fromLogits: false</c> (Keras' default): the prediction holds probabilities (e.g. a
/// softmax output); it is renormalised to sum to 1 and clipped to [ε, 1 − ε] before the log.</item>
/// </list>
/// <see cref="Reduction.Mean"/> averages over samples. Prediction and target must have the
/// same shape; for class-index targets use <see cref="SparseCategoricalCrossEntropy"/>.
/// </summary>
public sealed class CategoricalCrossEntropy : Loss
{
    /// <summary>Keras' default clipping epsilon (backend.epsilon()).</summary>
    public const double DefaultEpsilon = 1e-7;

    private readonly Tensor? _weight;

    /// <param name="fromLogits">True when the prediction is raw scores, false when it is probabilities.</param>
    /// <param name="weight">Optional weight per class, shape [C] (a copy is kept).</param>
    /// <param name="epsilon">Clipping of probabilities when <paramref name="fromLogits"/> is false; in (0, 0.5).</param>
    /// <param name="axis">The class dimension (Keras: the last one).</param>
    /// <param name="reduction">How the per-sample losses are combined.</param>
    public CategoricalCrossEntropy(bool fromLogits = false, Tensor? weight = null, double epsilon = DefaultEpsilon, int axis = -1,
        Reduction reduction = Reduction.Mean) : base(reduction)
    {
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"Expected a value in (0, 0.5). Received: epsilon={epsilon}");
        FromLogits = fromLogits;
        Epsilon = epsilon;
        Axis = axis;
        _weight = Own(weight);
    }

    public bool FromLogits { get; }
    public double Epsilon { get; }
    public int Axis { get; }
    public bool HasWeight => _weight is not null;

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_categorical_cross_entropy(prediction.Handle, target.Handle, HandleOrNull(_weight), FromLogits ? 1 : 0,
            Epsilon, Axis, NativeReduction, out var r), r);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _weight?.Dispose();
    }
}
