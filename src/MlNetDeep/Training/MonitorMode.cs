namespace MlNetDeep.Training;

/// <summary>Whether a monitored value improves by going down (<see cref="Min"/>) or up (<see cref="Max"/>);
/// <see cref="Auto"/> decides from its name as Keras does.</summary>
public enum MonitorMode
{
    Auto = 0,
    Min = 1,
    Max = 2,
}

/// <summary>Resolves <see cref="MonitorMode.Auto"/> from the monitored name.</summary>
internal static class Monitoring
{
    /// <summary>Losses and errors are minimised, accuracies and the like maximised. Any other name is minimised when
    /// <paramref name="unknownIsMin"/> (Keras' ModelCheckpoint and ReduceLROnPlateau), else it must say which (Keras' EarlyStopping).</summary>
    public static MonitorMode Resolve(MonitorMode mode, string monitor, string callback, bool unknownIsMin = false)
    {
        if (!Enum.IsDefined(mode)) throw TrainingOptions.Fail("mode", mode, "Auto, Min or Max");
        if (mode != MonitorMode.Auto) return mode;
        var name = monitor.StartsWith("val_", StringComparison.Ordinal) ? monitor[4..] : monitor;
        if (name.Contains("loss") || name.Contains("error") || name is "mae" or "mse" or "rmse" or "lr") return MonitorMode.Min;
        if (name.Contains("acc") || name.Contains("auc") || name.Contains("precision") || name.Contains("recall") || name.StartsWith("f1", StringComparison.Ordinal))
            return MonitorMode.Max;
        if (unknownIsMin) return MonitorMode.Min;
        throw new ArgumentException($"{callback} received monitor={monitor}, but cannot tell whether it should be maximized or minimized. " +
            "Pass mode: MonitorMode.Max to use the highest value, or MonitorMode.Min to use the lowest.", nameof(monitor));
    }

    public static void CheckName(string monitor)
    {
        if (string.IsNullOrWhiteSpace(monitor)) throw TrainingOptions.Fail(nameof(monitor), monitor, "a log name such as val_loss");
    }

    public static string Available(IReadOnlyDictionary<string, double> logs) => string.Join(",", logs.Keys);
}
