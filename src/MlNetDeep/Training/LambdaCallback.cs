namespace MlNetDeep.Training;

/// <summary>
/// A callback made of delegates, as Keras' <c>LambdaCallback</c>, for small hooks without a class:
/// <c>new LambdaCallback(onBatchEnd: (ctx, b) =&gt; { if (b.Loss &lt; 0.01) ctx.StopTraining = true; })</c>.
/// </summary>
public sealed class LambdaCallback : Callback
{
    private readonly Action<TrainingContext>? _onTrainBegin;
    private readonly Action<TrainingContext, int>? _onEpochBegin;
    private readonly Action<TrainingContext, BatchLogs>? _onBatchEnd;
    private readonly Action<TrainingContext, int, IReadOnlyDictionary<string, double>>? _onEpochEnd;
    private readonly Action<TrainingContext>? _onTrainEnd;

    public LambdaCallback(Action<TrainingContext>? onTrainBegin = null, Action<TrainingContext, int>? onEpochBegin = null,
        Action<TrainingContext, BatchLogs>? onBatchEnd = null, Action<TrainingContext, int, IReadOnlyDictionary<string, double>>? onEpochEnd = null,
        Action<TrainingContext>? onTrainEnd = null)
    {
        _onTrainBegin = onTrainBegin;
        _onEpochBegin = onEpochBegin;
        _onBatchEnd = onBatchEnd;
        _onEpochEnd = onEpochEnd;
        _onTrainEnd = onTrainEnd;
    }

    public override void OnTrainBegin(TrainingContext context) => _onTrainBegin?.Invoke(context);
    public override void OnEpochBegin(TrainingContext context, int epoch) => _onEpochBegin?.Invoke(context, epoch);
    public override void OnBatchEnd(TrainingContext context, BatchLogs logs) => _onBatchEnd?.Invoke(context, logs);
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) => _onEpochEnd?.Invoke(context, epoch, logs);
    public override void OnTrainEnd(TrainingContext context) => _onTrainEnd?.Invoke(context);
}
