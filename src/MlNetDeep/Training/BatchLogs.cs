using MlNetDeep.Torch;

namespace MlNetDeep.Training;

/// <summary>What <see cref="Callback.OnBatchEnd"/> receives about the step just taken. Valid only during the call.</summary>
public sealed class BatchLogs
{
    private readonly Tensor _loss;

    internal BatchLogs(int epoch, int batch, long size, Tensor loss)
    {
        Epoch = epoch;
        Batch = batch;
        Size = size;
        _loss = loss;
    }

    /// <summary>The epoch, from 0.</summary>
    public int Epoch { get; }

    /// <summary>The batch within the epoch, from 0.</summary>
    public int Batch { get; }

    /// <summary>Rows in the batch.</summary>
    public long Size { get; }

    /// <summary>The batch's training loss (regularization included), read from the device on demand.</summary>
    public double Loss => _loss.Item();
}
