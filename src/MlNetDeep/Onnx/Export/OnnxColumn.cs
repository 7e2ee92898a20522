namespace MlNetDeep.Onnx;

/// <summary>
/// The ONNX value that holds a pipeline column while a pipeline is exported: its value name in the
/// graph, its element type and its width. Every column is a rank-2 tensor [batch, <see cref="Width"/>]:
/// a scalar column has width 1, a vector column its (flattened) size. Keys are int64 indices
/// (1..n, 0 = missing), as the pipeline's key values are.
/// </summary>
/// <param name="ValueName">The name of the value in the graph.</param>
/// <param name="DataType">The element type.</param>
/// <param name="Width">The size of the second dimension.</param>
public sealed record OnnxColumn(string ValueName, OnnxDataType DataType, long Width);
