using MlNetDeep.Data;
using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: Cast between numbers, booleans and keys (a key casts as its index). Float to integer
// maps NaN to 0 first (Where(IsNaN)), as ValueConverter does; values out of the integer's range are
// undefined in ONNX where .NET saturates. Text is neither parsed nor formatted: ONNX's Cast from and
// to string does not follow .NET's invariant-culture rules ("R" round-trip formatting, NaN for
// unparsable floats, errors for unparsable integers).
public sealed partial class TypeConvertingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        foreach (var spec in _columns)
        {
            if (!context.CanRead(spec.Input, out reason)) return false;
            var src = context.Schema[spec.Input].Type.GetItemType();
            var dst = spec.Kind.ToType(spec.Output);
            if (src is TextDataViewType || dst is TextDataViewType)
            {
                reason = $"converting column '{spec.Input}' to or from text: ONNX's Cast does not parse or format numbers as .NET's invariant culture does";
                return false;
            }
            if (!OnnxExportContext.TryGetElementType(dst, out _))
            {
                reason = $"column '{spec.Output}' would be {dst}, which has no ONNX element type here";
                return false;
            }
        }
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        var b = context.Builder;
        foreach (var spec in _columns)
        {
            var x = context.GetColumn(spec.Input);
            OnnxExportContext.TryGetElementType(spec.Kind.ToType(spec.Output), out var to);
            var v = x.ValueName;
            if (OnnxOps.IsFloating(x.DataType) && to is OnnxDataType.Int32 or OnnxDataType.Int64)
                v = b.AddNode("Where", [b.AddNode("IsNaN", [v]), OnnxOps.Scalar(b, "zero", x.DataType, 0), v]);
            var y = x.DataType == to ? b.AddNode("Identity", [v]) : OnnxOps.Cast(b, v, to);
            context.SetColumn(spec.Output, y, to, x.Width);
        }
    }
}
