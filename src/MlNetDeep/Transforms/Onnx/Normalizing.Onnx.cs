using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: y = (x − offset) · scale per slot (Sub, Mul), the log modes through Log with x ≤ 0 → 0,
// the CDF modes through Erf (Φ(z) = (1 + erf(z/√2)) / 2), slots fitted without information → 0.
public sealed partial class NormalizingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var p in _columns)
            if (!context.CanRead(p.InputColumnName, out reason)) return false;
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        foreach (var p in _columns)
        {
            var x = context.GetColumn(p.InputColumnName);
            var t = x.DataType;
            long w = x.Width;
            var zero = OnnxOps.Scalar(b, "zero", t, 0);
            string v = x.ValueName, nonPositive = "";
            if (p.UseLog)
            {
                nonPositive = b.AddNode("LessOrEqual", [x.ValueName, zero]);
                v = b.AddNode("Log", [x.ValueName]);
            }
            var y = b.AddNode("Mul", [b.AddNode("Sub", [v, OnnxOps.Constant(b, "offset", t, [.. p.Offset], 1, w)]), OnnxOps.Constant(b, "scale", t, [.. p.Scale], 1, w)]);
            if (p.UseCdf)
            {
                var erf = b.AddNode("Erf", [b.AddNode("Mul", [y, OnnxOps.Scalar(b, "inv_sqrt2", t, 1 / Math.Sqrt(2))])]);
                y = b.AddNode("Mul", [b.AddNode("Add", [erf, OnnxOps.Scalar(b, "one", t, 1)]), OnnxOps.Scalar(b, "half", t, 0.5)]);
            }
            if (p.Scale.Any(s => s == 0))
                y = b.AddNode("Where", [b.AddInitializer("no_information", p.Scale.Select(s => s == 0).ToArray(), 1, w), zero, y]);
            if (p.UseLog) y = b.AddNode("Where", [nonPositive, zero, y]);
            context.SetColumn(p.OutputColumnName, y, t, w);
        }
    }
}
