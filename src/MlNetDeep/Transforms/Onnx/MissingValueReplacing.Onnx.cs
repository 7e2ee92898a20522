using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: Where(IsNaN(x), replacement per slot, x).
public sealed partial class MissingValueReplacingTransformer : IOnnxExportable
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
        var b = context.Builder;
        for (int j = 0; j < _columns.Length; j++)
        {
            var x = context.GetColumn(_columns[j].Input);
            var replacement = OnnxOps.Constant(b, "replacement", x.DataType, _values[j], 1, x.Width);
            var y = b.AddNode("Where", [b.AddNode("IsNaN", [x.ValueName]), replacement, x.ValueName]);
            context.SetColumn(_columns[j].Output, y, x.DataType, x.Width);
        }
    }
}
