using System.Globalization;
using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Training;

/// <summary>
/// Saves the model's state (parameters and buffers, <see cref="ModuleState.Save(Module, string)"/>)
/// at the end of epochs, as Keras' <c>ModelCheckpoint</c> with <c>save_weights_only=True</c>:
/// every epoch, or with <c>saveBestOnly</c> only when the monitored value beats the best so far
/// (strictly), so the file ends holding the best epoch's weights. "{epoch}" in the path is
/// replaced by the epoch number from 1. Load it back with <c>module.Load(path)</c>.
/// </summary>
public sealed class ModelCheckpoint : Callback
{
    /// <param name="path">The file to write; "{epoch}" is replaced by the epoch number (from 1).</param>
    /// <param name="monitor">The log entry that decides "best".</param>
    /// <param name="saveBestOnly">Save only when the monitored value improves.</param>
    /// <param name="mode">Min, Max, or Auto (from the name).</param>
    /// <param name="verbose">Whether to print a line when saving (or not).</param>
    public ModelCheckpoint(string path, string monitor = "val_loss", bool saveBestOnly = false, MonitorMode mode = MonitorMode.Auto, bool verbose = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw TrainingOptions.Fail(nameof(path), path, "a file path");
        Monitoring.CheckName(monitor);
        Path = path;
        MonitorName = monitor;
        SaveBestOnly = saveBestOnly;
        Mode = Monitoring.Resolve(mode, monitor, nameof(ModelCheckpoint), unknownIsMin: true);
        Verbose = verbose;
        Best = Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public string Path { get; }
    public string MonitorName { get; }
    public bool SaveBestOnly { get; }
    public MonitorMode Mode { get; }
    public bool Verbose { get; }

    /// <summary>The best monitored value saved so far.</summary>
    public double Best { get; private set; }

    /// <summary>The epoch (from 0) last saved, or null.</summary>
    public int? LastSavedEpoch { get; private set; }

    /// <summary>The file written for <paramref name="epoch"/> (from 0).</summary>
    public string PathFor(int epoch) => Path.Replace("{epoch}", (epoch + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        var file = PathFor(epoch);
        if (!SaveBestOnly)
        {
            if (Verbose) context.Log($"Epoch {epoch + 1}: saving model to {file}");
            Save(context, file, epoch);
            return;
        }
        if (!logs.TryGetValue(MonitorName, out var current))
        {
            context.Warn($"Can save best model only with {MonitorName} available, skipping. Available metrics are: {Monitoring.Available(logs)}");
            return;
        }
        if (Mode == MonitorMode.Min ? current < Best : current > Best)
        {
            if (Verbose) context.Log(string.Create(CultureInfo.InvariantCulture,
                $"Epoch {epoch + 1}: {MonitorName} improved from {Best:F5} to {current:F5}, saving model to {file}"));
            Best = current;
            Save(context, file, epoch);
        }
        else if (Verbose)
        {
            context.Log(string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}: {MonitorName} did not improve from {Best:F5}"));
        }
    }

    private void Save(TrainingContext context, string file, int epoch)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        context.Model.Save(file);
        LastSavedEpoch = epoch;
    }
}
