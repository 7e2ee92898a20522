namespace MlNetDeep.Onnx;

/// <summary>
/// A fitted pipeline step (transformer) that writes itself into an ONNX graph, so that
/// <c>ml.Model.ConvertToOnnx</c> can export any chain made of such steps. The exporter walks the
/// chain in order; for each step it calls <see cref="CanExport"/> (a pre-flight check that adds
/// nothing to the graph) and then <see cref="Export"/>, with <see cref="OnnxExportContext.Schema"/>
/// set to the schema entering the step. A step reads its input columns with
/// <see cref="OnnxExportContext.GetColumn"/> (every column is a [batch, width] tensor), adds
/// nodes through <see cref="OnnxExportContext.Builder"/> and declares each output column with
/// <see cref="OnnxExportContext.SetColumn(string, string, OnnxDataType, long)"/>. Columns the
/// step's output schema no longer has are dropped by the exporter, so a step only declares what it adds.
/// <para>A trained network's transformer exports its module with <see cref="ModuleExporter.AddModule"/>:</para>
/// <code>
/// public bool CanExport(OnnxExportContext ctx, out string? reason)
/// {
///     if (!ctx.CanRead(_featureColumn, out reason)) return false;              // e.g. made by a step that cannot export
///     if (!ModuleExporter.CanExport(_module, out var problems)) { reason = string.Join("; ", problems); return false; }
///     return true;
/// }
///
/// public void Export(OnnxExportContext ctx)
/// {
///     var x = ctx.GetColumn(_featureColumn);                                   // float [batch, k]
///     var logits = ModuleExporter.AddModule(ctx.Builder, _module, x.ValueName, [x.Width], prefix: "net_");
///     var p = ctx.Builder.AddNode("Sigmoid", [logits]);                        // [batch, 1]
///     ctx.SetColumn("Score", logits, OnnxDataType.Float, 1);
///     ctx.SetColumn("Probability", p, OnnxDataType.Float, 1);
///     var label = ctx.Builder.AddNode("Greater", [p, ctx.Builder.AddInitializer("half", [0.5f])]);
///     ctx.SetColumn("PredictedLabel", label, OnnxDataType.Bool, 1);
/// }
/// </code>
/// A network whose input is not flat (an image [c, h, w], a sequence [t, f]) reshapes the
/// [batch, width] column first (<c>Reshape</c> with an int64 shape constant such as [0, c, h, w]).
/// </summary>
public interface IOnnxExportable
{
    /// <summary>
    /// Whether the step can be written into the graph of <paramref name="context"/> given the columns
    /// it holds; when not, <paramref name="reason"/> says why in the user's words. Adds nothing to the graph.
    /// </summary>
    bool CanExport(OnnxExportContext context, out string? reason);

    /// <summary>Adds the step's nodes and declares its output columns; called only after <see cref="CanExport"/> returned true.</summary>
    void Export(OnnxExportContext context);
}
