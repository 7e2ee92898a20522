using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

namespace MlNetDeep.Training;

/// <summary>
/// What callbacks see of a running fit (Keras' <c>callback.model</c>): the model, the optimizer,
/// the history so far, and the stop flag. The training loop creates one per fit; tests and
/// custom loops may create their own to drive callbacks directly.
/// </summary>
public sealed class TrainingContext
{
    private readonly TextWriter? _output;

    /// <param name="model">The module being trained.</param>
    /// <param name="optimizer">Its optimizer (null when a callback that needs none is driven by hand).</param>
    /// <param name="output">Where messages are written; null prints nothing (warnings are still recorded).</param>
    /// <param name="history">The history to record into; a new one when null.</param>
    public TrainingContext(Module model, Optimizer? optimizer = null, TextWriter? output = null, History? history = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Optimizer = optimizer;
        _output = output;
        History = history ?? new History();
    }

    public Module Model { get; }

    public Optimizer? Optimizer { get; }

    public History History { get; }

    /// <summary>Set to true to end training (Keras' <c>model.stop_training</c>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>The number of epochs asked for.</summary>
    public int Epochs { get; init; }

    /// <summary>Optimizer steps per epoch.</summary>
    public int StepsPerEpoch { get; init; }

    /// <summary>Prints a message on its own line (unless the fit is silent).</summary>
    public void Log(string message) => _output?.WriteLine(message);

    /// <summary>Records a warning in <see cref="History.Warnings"/> and prints it (unless the fit is silent).</summary>
    public void Warn(string message)
    {
        History.AddWarning(message);
        _output?.WriteLine("WARNING: " + message);
    }
}
