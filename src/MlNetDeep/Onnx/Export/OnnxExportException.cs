namespace MlNetDeep.Onnx;

/// <summary>A pipeline step cannot be exported to ONNX; the message names the step and says why.</summary>
public sealed class OnnxExportException : InvalidOperationException
{
    /// <summary>An exception about <paramref name="step"/>.</summary>
    public OnnxExportException(string step, string message) : base(message) => Step = step;

    /// <summary>The step ("#index TypeName"), or "" when the problem is not a step's.</summary>
    public string Step { get; }
}
