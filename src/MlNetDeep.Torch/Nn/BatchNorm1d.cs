namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Batch normalization of each channel C of input (N, C) or (N, C, L), as PyTorch's BatchNorm1d:
/// <code>
/// train: y = (x − mean_batch) / √(var_batch + eps) · weight + bias      (biased var_batch)
///        running_mean ← (1 − m)·running_mean + m·mean_batch
///        running_var  ← (1 − m)·running_var  + m·var_batch·n/(n − 1)    (m = momentum, or 1/num_batches_tracked when momentum is null)
/// eval:  y = (x − running_mean) / √(running_var + eps) · weight + bias
/// </code>
/// Parameters <c>weight</c> (ones) and <c>bias</c> (zeros) exist when <c>affine</c>; buffers
/// <c>running_mean</c>, <c>running_var</c> and <c>num_batches_tracked</c> when <c>trackRunningStats</c>
/// (without them, evaluation also uses batch statistics).
/// </summary>
public sealed class BatchNorm1d : Module
{
    /// <param name="momentum">Weight of the newest batch in the running statistics, in [0, 1]; null for a cumulative average.</param>
    public BatchNorm1d(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true,
        Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(BatchNormalization.Create(1, numFeatures, eps, momentum, affine, trackRunningStats, device, dtype, out var h), h)
    {
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Affine = affine;
        TrackRunningStats = trackRunningStats;
    }

    public long NumFeatures { get; }
    public double Eps { get; }
    public double? Momentum { get; }
    public bool Affine { get; }
    public bool TrackRunningStats { get; }
}
