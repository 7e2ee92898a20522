using MlNetDeep.Onnx;

namespace MlNetDeep;

// ONNX export of fitted pipelines (ml.Model.ConvertToOnnx / CanConvertToOnnx).
public sealed partial class ModelOperationsCatalog
{
    /// <summary>
    /// Writes <paramref name="model"/> as one ONNX graph (default domain, opset
    /// <see cref="OnnxGraphBuilder.OpsetVersion"/>, dynamic batch): graph inputs are the input
    /// columns of <paramref name="inputData"/> that the pipeline reads, named after them ([batch, 1]
    /// for a scalar, [batch, k] for a vector; float/double/int32/int64/bool/string elements);
    /// outputs are the columns the pipeline computes (or <paramref name="outputColumnNames"/>),
    /// named after them ("name.output" where an input already has the name). Every step must
    /// implement <see cref="IOnnxExportable"/> and accept its inputs, else an
    /// <see cref="OnnxExportException"/> names the step and why; with
    /// <paramref name="exportableTailOnly"/> the steps after the last such step are exported and
    /// the result lists the skipped steps and the columns to feed. Only the schema of
    /// <paramref name="inputData"/> is used.
    /// </summary>
    public OnnxExportResult ConvertToOnnx(ITransformer model, IDataView inputData, Stream stream, bool exportableTailOnly = false, IEnumerable<string>? outputColumnNames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputData);
        ArgumentNullException.ThrowIfNull(stream);
        return PipelineExporter.Export(model, inputData.Schema, stream, exportableTailOnly, outputColumnNames);
    }

    /// <summary>Writes <paramref name="model"/> as an ONNX file at <paramref name="filePath"/> (replaced if it exists); see the stream overload.</summary>
    public OnnxExportResult ConvertToOnnx(ITransformer model, IDataView inputData, string filePath, bool exportableTailOnly = false, IEnumerable<string>? outputColumnNames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputData);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using var buffer = new MemoryStream(); // nothing is written when the export fails
        var result = PipelineExporter.Export(model, inputData.Schema, buffer, exportableTailOnly, outputColumnNames);
        File.WriteAllBytes(filePath, buffer.ToArray());
        return result;
    }

    /// <summary>
    /// Pre-flight check of <see cref="ConvertToOnnx(ITransformer, IDataView, Stream, bool, IEnumerable{string}?)"/>:
    /// true when every step can be exported; otherwise <paramref name="problems"/> lists each step that
    /// cannot, as "#index TypeName: reason" (a step reading a column made by such a step is listed too).
    /// </summary>
    public bool CanConvertToOnnx(ITransformer model, IDataView inputData, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputData);
        problems = PipelineExporter.Problems(model, inputData.Schema);
        return problems.Count == 0;
    }
}
