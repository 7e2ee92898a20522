using MlNetDeep.Onnx;

namespace MlNetDeep.Transforms;

// ONNX export: no node; the exporter drops the columns the output schema no longer has, so
// SelectColumns and DropColumns decide only which columns can be graph outputs.
public sealed partial class ColumnSelectingTransformer : IOnnxExportable
{
    /// <inheritdoc/>
    public bool CanExport(OnnxExportContext context, out string? reason)
    {
        reason = null;
        return true;
    }

    /// <inheritdoc/>
    public void Export(OnnxExportContext context) { }
}
