namespace MlNetDeep.Onnx;

/// <summary>
/// A graph input or output of an exported pipeline: the pipeline column it stands for, its name in
/// the ONNX file, element type and shape [batch, <see cref="Width"/>] (batch is dynamic).
/// </summary>
/// <param name="ColumnName">The pipeline column.</param>
/// <param name="OnnxName">The graph input or output name (the column name, or "column.output" for an output whose name is taken by an input).</param>
/// <param name="DataType">The element type.</param>
/// <param name="Width">The size of the second dimension (1 for a scalar column).</param>
public sealed record OnnxExportColumn(string ColumnName, string OnnxName, OnnxDataType DataType, long Width);
