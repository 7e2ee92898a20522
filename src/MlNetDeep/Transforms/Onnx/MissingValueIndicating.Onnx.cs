using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: IsNaN.
public sealed partial class MissingValueIndicatorTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var (_, input) in _columns)
            if (!context.CanRead(input, out reason)) return false;
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        foreach (var (output, input) in _columns)
        {
            var x = context.GetColumn(input);
            context.SetColumn(output, context.Builder.AddNode("IsNaN", [x.ValueName]), OnnxDataType.Bool, x.Width);
        }
    }
}
