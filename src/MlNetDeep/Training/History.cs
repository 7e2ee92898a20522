using MlNetDeep.Torch;

namespace MlNetDeep.Training;

/// <summary>
/// What a fit did, epoch by epoch (Keras' <c>History</c>): <c>history["val_loss"]</c> is the
/// validation loss of every epoch, <see cref="Epochs"/> has the full records (learning rate,
/// time, gradient norms, dead ReLUs), and the summary properties say how training ended.
/// </summary>
public sealed class History
{
    private readonly List<EpochRecord> _epochs = new();
    private readonly List<string> _warnings = new();

    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>Warnings raised during the fit (vanishing gradients, missing monitored values, ...).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The values of one log entry ("loss", "val_accuracy", "lr", ...) over the epochs that have it.</summary>
    public IReadOnlyList<double> this[string name] =>
        _epochs.Where(e => e.Logs.ContainsKey(name)).Select(e => e.Logs[name]).ToList();

    /// <summary>Names of the log entries recorded, in first-seen order.</summary>
    public IReadOnlyList<string> Keys => _epochs.SelectMany(e => e.Logs.Keys).Distinct().ToList();

    /// <summary>True when the named entry was recorded in some epoch.</summary>
    public bool Contains(string name) => _epochs.Any(e => e.Logs.ContainsKey(name));

    /// <summary>Epochs completed.</summary>
    public int EpochCount => _epochs.Count;

    /// <summary>Optimizer steps taken in all.</summary>
    public long StepCount => _epochs.Sum(e => (long)e.Steps);

    /// <summary>The device the model was trained on.</summary>
    public Device Device { get; internal set; } = Device.Cpu;

    /// <summary>True when a callback stopped training before the last planned epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>The epoch (from 0) after which training stopped early, or null.</summary>
    public int? StoppedEpoch { get; internal set; }

    /// <summary>Rows trained on and rows validated on.</summary>
    public long TrainingRows { get; internal set; }
    public long ValidationRows { get; internal set; }

    internal void Add(EpochRecord record) => _epochs.Add(record);

    internal void AddWarning(string message) => _warnings.Add(message);
}
