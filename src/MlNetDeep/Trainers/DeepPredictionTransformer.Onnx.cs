using MlNetDeep.Onnx;

namespace MlNetDeep.Trainers;

/// <summary>
/// ONNX export of a trained network's scoring: the network itself (through
/// <see cref="ModuleExporter"/>) and the task's output columns, exactly as <see cref="Transform"/>
/// computes them.
/// </summary>
public sealed partial class DeepPredictionTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        if (!context.CanRead(FeatureColumnName, out reason)) return false;
        if (!ModuleExporter.CanExport(Model.Module, out var problems))
        {
            reason = "the network has layers ONNX export does not support: " + string.Join("; ", problems);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Binary: <c>Score</c> = the logit, <c>Probability</c> = Sigmoid(Score), <c>PredictedLabel</c> =
    /// Score &gt; threshold. Multiclass: <c>Score</c> = Softmax(logits), <c>PredictedLabel</c> = the
    /// 1-based key of the arg-max (int64, as keys are in exported graphs). Regression: <c>Score</c>.
    /// </summary>
    public void Export(OnnxExportContext context)
    {
        var graph = context.Builder;
        var features = context.GetColumn(FeatureColumnName);
        var input = features.ValueName;
        var shape = Model.InputShape.ToArray();
        if (shape.Length > 1)
        {
            // The column is [batch, width]; the network wants [batch, c, h, w] or [batch, t, f].
            var target = graph.AddInitializer("net_input_shape", [0L, .. shape], shape.Length + 1);
            input = graph.AddNode("Reshape", [input, target]);
        }
        var output = ModuleExporter.AddModule(graph, Model.Module, input, shape, prefix: "net_");

        switch (Model.Task)
        {
            case DeepTask.BinaryClassification:
                context.SetColumn("Score", output, OnnxDataType.Float, 1);
                context.SetColumn("Probability", graph.AddNode("Sigmoid", [output]), OnnxDataType.Float, 1);
                var threshold = graph.AddInitializer("threshold", [Threshold], 1);
                context.SetColumn("PredictedLabel", graph.AddNode("Greater", [output, threshold]), OnnxDataType.Bool, 1);
                break;
            case DeepTask.MulticlassClassification:
                context.SetColumn("Score", graph.AddNode("Softmax", [output], OnnxAttribute.Int("axis", 1)), OnnxDataType.Float, OutputSize);
                var index = graph.AddNode("ArgMax", [output], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 1));
                var key = graph.AddNode("Add", [index, graph.AddInitializer("one", [1L], 1)]);
                context.SetColumn("PredictedLabel", key, OnnxDataType.Int64, 1);
                break;
            default:
                context.SetColumn("Score", output, OnnxDataType.Float, 1);
                break;
        }
    }
}
