using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: Identity, so that the copy is a value of its own (it can be an output beside the original).
public sealed partial class ColumnCopyingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var (_, input) in _pairs)
            if (!context.CanRead(input, out reason)) return false;
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        foreach (var (output, input) in _pairs)
        {
            var x = context.GetColumn(input);
            context.SetColumn(output, context.Builder.AddNode("Identity", [x.ValueName]), x.DataType, x.Width);
        }
    }
}
