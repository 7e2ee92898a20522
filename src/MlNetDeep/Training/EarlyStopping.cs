namespace MlNetDeep.Training;

/// <summary>
/// Stops training when a monitored value has stopped improving, with Keras' semantics exactly
/// (<c>keras.callbacks.EarlyStopping</c>):
/// <code>
/// improved = mode == Min ? current &lt; best − minDelta : current &gt; best + minDelta
/// each epoch: wait += 1
///             if improved: best = current; remember the weights;
///                          if no baseline, or current also beats the baseline: wait = 0
///             else if wait ≥ patience and epoch &gt; 0: stop
/// at the end: restore the best epoch's weights (restoreBestWeights)
/// </code>
/// With a baseline, training stops after <c>patience</c> epochs that fail to beat it. With
/// <c>restoreBestWeights</c> the model ends with the weights of the best epoch seen (the first
/// epoch's when none improved), whether training stopped early or ran to the end.
/// </summary>
public sealed class EarlyStopping : Callback, IDisposable
{
    private WeightSnapshot? _bestWeights;

    /// <param name="monitor">The log entry to watch: "val_loss", "loss", "val_accuracy", ...</param>
    /// <param name="minDelta">The smallest change that counts as an improvement (its sign is ignored).</param>
    /// <param name="patience">Epochs without improvement after which training stops.</param>
    /// <param name="mode">Min, Max, or Auto (from the name: losses and errors min, accuracies max).</param>
    /// <param name="baseline">A value the monitored entry must beat for the patience count to restart.</param>
    /// <param name="restoreBestWeights">Whether to put back the best epoch's weights when training ends.</param>
    /// <param name="verbose">Whether to print when stopping and restoring.</param>
    /// <param name="startFromEpoch">Warm-up epochs (from 0) during which nothing is watched.</param>
    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, MonitorMode mode = MonitorMode.Auto,
        double? baseline = null, bool restoreBestWeights = false, bool verbose = false, int startFromEpoch = 0)
    {
        Monitoring.CheckName(monitor);
        if (double.IsNaN(minDelta)) throw TrainingOptions.Fail(nameof(minDelta), minDelta, "a number");
        if (patience < 0) throw TrainingOptions.Fail(nameof(patience), patience, "0 or more");
        if (startFromEpoch < 0) throw TrainingOptions.Fail(nameof(startFromEpoch), startFromEpoch, "0 or more");
        StartFromEpoch = startFromEpoch;
        MonitorName = monitor;
        MinDelta = Math.Abs(minDelta);
        Patience = patience;
        Mode = Monitoring.Resolve(mode, monitor, nameof(EarlyStopping));
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
        Verbose = verbose;
        Reset();
    }

    public string MonitorName { get; }
    public double MinDelta { get; }
    public int Patience { get; }

    /// <summary>Min or Max (Auto already resolved).</summary>
    public MonitorMode Mode { get; }
    public double? Baseline { get; }
    public bool RestoreBestWeights { get; }
    public bool Verbose { get; }

    /// <summary>Epochs before this one (from 0) are ignored.</summary>
    public int StartFromEpoch { get; }

    /// <summary>Epochs since the last improvement (that also beat the baseline).</summary>
    public int Wait { get; private set; }

    /// <summary>The best monitored value so far (±∞ before the first).</summary>
    public double Best { get; private set; }

    /// <summary>The epoch (from 0) of <see cref="Best"/>.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The epoch (from 0) at which this callback stopped training, or 0 when it did not (as Keras).</summary>
    public int StoppedEpoch { get; private set; }

    private void Reset()
    {
        Wait = 0;
        StoppedEpoch = 0;
        BestEpoch = 0;
        Best = Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        _bestWeights?.Dispose();
        _bestWeights = null;
    }

    public override void OnTrainBegin(TrainingContext context) => Reset();

    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        if (!logs.TryGetValue(MonitorName, out var current))
        {
            context.Warn($"Early stopping conditioned on metric `{MonitorName}` which is not available. Available metrics are: {Monitoring.Available(logs)}");
            return;
        }
        if (epoch < StartFromEpoch) return;
        if (RestoreBestWeights && _bestWeights is null)
        {
            // If no epoch ever improves, the first epoch's weights are the best.
            _bestWeights = new WeightSnapshot(context.Model);
            BestEpoch = epoch;
        }

        Wait++;
        if (IsImprovement(current, Best))
        {
            Best = current;
            BestEpoch = epoch;
            if (RestoreBestWeights)
            {
                _bestWeights?.Dispose();
                _bestWeights = new WeightSnapshot(context.Model);
            }
            // Only restart the wait if we beat both the baseline and our previous best.
            if (Baseline is not { } b || IsImprovement(current, b)) Wait = 0;
            return;
        }

        if (Wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            context.StopTraining = true;
        }
    }

    public override void OnTrainEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StoppedEpoch > 0 && Verbose) context.Log($"Epoch {StoppedEpoch + 1}: early stopping");
        if (RestoreBestWeights && _bestWeights is not null)
        {
            if (Verbose) context.Log($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
            _bestWeights.Restore(context.Model);
        }
    }

    private bool IsImprovement(double value, double reference) =>
        Mode == MonitorMode.Min ? value + MinDelta < reference : value - MinDelta > reference;

    /// <summary>Releases the copy of the best weights.</summary>
    public void Dispose()
    {
        _bestWeights?.Dispose();
        _bestWeights = null;
    }
}
