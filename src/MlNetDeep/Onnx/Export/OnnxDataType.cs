namespace MlNetDeep.Onnx;

/// <summary>
/// Element types of ONNX tensors that MlNetDeep writes. The values are ONNX's
/// <c>TensorProto.DataType</c> codes, so they can be stored in a file as they are.
/// </summary>
public enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Double = 11,
}
