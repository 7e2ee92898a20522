using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: the value → key step, then the key → vector step, each exporting itself.
public sealed partial class OneHotEncodingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason) => _toKey.CanExport(context, out reason);

    /// <inheritdoc/>
    public void Export(OnnxExportContext context)
    {
        context.ExportStep(_toKey);
        if (_toVector is not null) context.ExportStep(_toVector);
    }
}
