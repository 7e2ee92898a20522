using System.Globalization;
using System.Text;
using Spectre.Console;

namespace MlNetDeep.Training;

/// <summary>
/// Prints a fit's progress: a Spectre.Console progress bar per epoch when asked (or, in Auto,
/// when the console is interactive and not redirected), one plain line per epoch otherwise,
/// nothing when silent.
/// </summary>
internal sealed class EpochReporter
{
    private readonly IAnsiConsole? _console;

    public EpochReporter(Verbosity verbosity, TextWriter? output)
    {
        var mode = verbosity;
        if (mode == Verbosity.Auto)
            mode = output is null && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? Verbosity.ProgressBar : Verbosity.Line;
        Mode = mode;
        Writer = mode == Verbosity.Silent ? null : output ?? Console.Out;
        if (mode == Verbosity.ProgressBar)
            _console = output is null ? AnsiConsole.Console : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
    }

    /// <summary>Line, ProgressBar or Silent (Auto resolved).</summary>
    public Verbosity Mode { get; }

    /// <summary>Where lines go; null when silent.</summary>
    public TextWriter? Writer { get; }

    /// <summary>Runs an epoch's batches; <paramref name="batches"/> calls its argument after each step.</summary>
    public void RunBatches(int epoch, int epochs, int steps, Action<Action> batches)
    {
        if (_console is null)
        {
            batches(static () => { });
            return;
        }
        _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"Epoch {epoch + 1}/{epochs}", maxValue: steps);
                batches(() => task.Increment(1));
                task.Value = task.MaxValue;
            });
    }

    /// <summary>Prints the epoch's line (also after a progress bar).</summary>
    public void EpochEnd(string line) => Writer?.WriteLine(line); // plain, so that no console width wraps it

    /// <summary>"Epoch 3/20 - loss: 0.4123 - accuracy: 0.8211 - val_loss: ... - lr: 0.01 - 0.8s".</summary>
    public static string FormatLine(int epoch, int epochs, IReadOnlyDictionary<string, double> logs, TimeSpan duration)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}/{epochs}");
        foreach (var (name, value) in logs)
        {
            var formatted = name == "lr" ? value.ToString("G4", CultureInfo.InvariantCulture) : value.ToString("F4", CultureInfo.InvariantCulture);
            text.Append(" - ").Append(name).Append(": ").Append(formatted);
        }
        text.Append(CultureInfo.InvariantCulture, $" - {duration.TotalSeconds:F1}s");
        return text.ToString();
    }
}
