namespace MlNetDeep.Onnx;

/// <summary>
/// What <c>ml.Model.ConvertToOnnx</c> wrote: the graph inputs (the pipeline columns to feed, each
/// [batch, width]), the graph outputs, and the steps left out when only the exportable tail was
/// exported (then the inputs are the columns as they are after the last skipped step).
/// </summary>
public sealed class OnnxExportResult
{
    internal OnnxExportResult(IReadOnlyList<OnnxExportColumn> inputs, IReadOnlyList<OnnxExportColumn> outputs, IReadOnlyList<string> skippedSteps)
    {
        Inputs = inputs; Outputs = outputs; SkippedSteps = skippedSteps;
    }

    /// <summary>The ONNX operator set of the default domain the file imports.</summary>
    public int OpsetVersion => OnnxGraphBuilder.OpsetVersion;

    /// <summary>The graph inputs, in the order of the pipeline's input schema.</summary>
    public IReadOnlyList<OnnxExportColumn> Inputs { get; }

    /// <summary>The graph outputs.</summary>
    public IReadOnlyList<OnnxExportColumn> Outputs { get; }

    /// <summary>Steps that were not exported ("#index TypeName: reason"); empty for a whole-chain export.</summary>
    public IReadOnlyList<string> SkippedSteps { get; }
}
