using System.Globalization;

namespace MlNetDeep.Training;

/// <summary>
/// Keras' <c>ReduceLROnPlateau</c> callback: when the monitored value has not improved by more
/// than <c>minDelta</c> for <c>patience</c> epochs, multiplies the optimizer's learning rate by
/// <c>factor</c> (never below <c>minLr</c>), then waits <c>cooldown</c> epochs before counting
/// again. (PyTorch's scheduler of the same name, whose threshold is relative by default, is
/// <see cref="MlNetDeep.Torch.Optim.ReduceLROnPlateau"/>; <see cref="TrainingOptions.PlateauSchedule"/> runs it.)
/// <code>
/// if cooldown_counter &gt; 0: cooldown_counter −= 1; wait = 0
/// if improved(current, best): best = current; wait = 0
/// else if cooldown_counter == 0:
///     wait += 1
///     if wait ≥ patience and lr &gt; minLr: lr = max(lr·factor, minLr); cooldown_counter = cooldown; wait = 0
/// </code>
/// </summary>
public sealed class ReduceLROnPlateau : Callback
{
    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, MonitorMode mode = MonitorMode.Auto,
        double minDelta = 1e-4, int cooldown = 0, double minLr = 0, bool verbose = false)
    {
        Monitoring.CheckName(monitor);
        if (!(factor < 1.0 && factor >= 0)) throw TrainingOptions.Fail(nameof(factor), factor, "a factor in [0, 1) (ReduceLROnPlateau does not support a factor >= 1.0)");
        if (patience < 0) throw TrainingOptions.Fail(nameof(patience), patience, "0 or more");
        if (!(minDelta >= 0)) throw TrainingOptions.Fail(nameof(minDelta), minDelta, "0 or more");
        if (cooldown < 0) throw TrainingOptions.Fail(nameof(cooldown), cooldown, "0 or more");
        if (!(minLr >= 0)) throw TrainingOptions.Fail(nameof(minLr), minLr, "0 or more");
        MonitorName = monitor;
        Factor = factor;
        Patience = patience;
        Mode = Monitoring.Resolve(mode, monitor, nameof(ReduceLROnPlateau), unknownIsMin: true);
        MinDelta = minDelta;
        Cooldown = cooldown;
        MinLearningRate = minLr;
        Verbose = verbose;
        Reset();
    }

    public string MonitorName { get; }
    public double Factor { get; }
    public int Patience { get; }
    public MonitorMode Mode { get; }
    public double MinDelta { get; }
    public int Cooldown { get; }
    public double MinLearningRate { get; }
    public bool Verbose { get; }

    public double Best { get; private set; }
    public int Wait { get; private set; }
    public int CooldownCounter { get; private set; }

    private void Reset()
    {
        Best = Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        Wait = 0;
        CooldownCounter = 0;
    }

    public override void OnTrainBegin(TrainingContext context) => Reset();

    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        var optimizer = context.Optimizer ?? throw new InvalidOperationException("ReduceLROnPlateau needs the context's optimizer.");
        if (!logs.TryGetValue(MonitorName, out var current))
        {
            context.Warn($"Learning rate reduction is conditioned on metric `{MonitorName}` which is not available. Available metrics are: {Monitoring.Available(logs)}");
            return;
        }
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            Wait = 0;
        }
        if (Mode == MonitorMode.Min ? current < Best - MinDelta : current > Best + MinDelta)
        {
            Best = current;
            Wait = 0;
        }
        else if (CooldownCounter <= 0)
        {
            Wait++;
            if (Wait >= Patience)
            {
                var old = optimizer.LearningRate;
                if (old > MinLearningRate)
                {
                    var reduced = Math.Max(old * Factor, MinLearningRate);
                    optimizer.LearningRate = reduced;
                    if (Verbose) context.Log(string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {reduced}."));
                    CooldownCounter = Cooldown;
                    Wait = 0;
                }
            }
        }
    }
}
