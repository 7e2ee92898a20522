using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: every column is already [batch, width] (a scalar is [batch, 1]), so Concat on axis 1.
public sealed partial class ColumnConcatenatingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var i in _inputs)
            if (!context.CanRead(i, out reason)) return false;
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var parts = _inputs.Select(context.GetColumn).ToArray();
        var y = parts.Length == 1
            ? context.Builder.AddNode("Identity", [parts[0].ValueName])
            : context.Builder.AddNode("Concat", parts.Select(p => p.ValueName).ToArray(), OnnxAttribute.Int("axis", 1));
        context.SetColumn(_output, y, parts[0].DataType, parts.Sum(p => p.Width));
    }
}
