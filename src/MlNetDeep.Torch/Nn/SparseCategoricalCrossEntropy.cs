using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Cross-entropy with class-index targets (int64), exactly PyTorch's CrossEntropyLoss:
/// prediction [N, C] (or [N, C, d1, ...]) holds logits, target [N] (or [N, d1, ...]) holds
/// class indices; per sample <c>−w_y·log_softmax(x)_y</c>. With class weights, the mean divides
/// by the sum of the targets' weights; targets equal to <see cref="IgnoreIndex"/> count nowhere.
/// With <c>logProbabilities: true</c> the prediction already holds log-probabilities (a
/// log-softmax output) and this is PyTorch's NLLLoss.
/// </summary>
public sealed class SparseCategoricalCrossEntropy : Loss
{
    /// <summary>PyTorch's default ignore_index: no real class has it.</summary>
    public const long DefaultIgnoreIndex = -100;

    private readonly Tensor? _weight;

    /// <param name="weight">Optional weight per class, shape [C] (a copy is kept).</param>
    /// <param name="ignoreIndex">A target value that contributes neither loss nor gradient (e.g. padding).</param>
    /// <param name="logProbabilities">True when the prediction holds log-probabilities instead of logits.</param>
    /// <param name="reduction">How the per-sample losses are combined.</param>
    public SparseCategoricalCrossEntropy(Tensor? weight = null, long ignoreIndex = DefaultIgnoreIndex, bool logProbabilities = false,
        Reduction reduction = Reduction.Mean) : base(reduction)
    {
        IgnoreIndex = ignoreIndex;
        LogProbabilities = logProbabilities;
        _weight = Own(weight);
    }

    public long IgnoreIndex { get; }
    public bool LogProbabilities { get; }
    public bool HasWeight => _weight is not null;

    private protected override Tensor ComputeCore(Tensor prediction, Tensor target) =>
        Tensor.Wrap(mlnd_loss_sparse_categorical_cross_entropy(prediction.Handle, target.Handle, HandleOrNull(_weight),
            LogProbabilities ? 1 : 0, IgnoreIndex, NativeReduction, out var r), r);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _weight?.Dispose();
    }
}
