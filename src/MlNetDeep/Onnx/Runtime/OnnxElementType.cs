namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// The element type of an ONNX tensor; the values are ONNX's <c>TensorProto.DataType</c> codes.
/// Tensors of Float, Double, Int64, Int32, Bool, UInt8, Int8, Int16, UInt16, UInt32, UInt64 and
/// Float16 (as <see cref="Half"/>) can be passed to and read from a session.
/// </summary>
public enum OnnxElementType
{
    /// <summary>Not a tensor, or an unknown type.</summary>
    Undefined = 0,
    /// <summary>32-bit float (<see cref="float"/>).</summary>
    Float = 1,
    /// <summary>Unsigned byte (<see cref="byte"/>).</summary>
    UInt8 = 2,
    /// <summary>Signed byte (<see cref="sbyte"/>).</summary>
    Int8 = 3,
    /// <summary><see cref="ushort"/>.</summary>
    UInt16 = 4,
    /// <summary><see cref="short"/>.</summary>
    Int16 = 5,
    /// <summary><see cref="int"/>.</summary>
    Int32 = 6,
    /// <summary><see cref="long"/>.</summary>
    Int64 = 7,
    /// <summary>UTF-8 strings (not supported by <see cref="OnnxTensor"/>).</summary>
    String = 8,
    /// <summary><see cref="bool"/> (one byte per element).</summary>
    Bool = 9,
    /// <summary>IEEE half precision (<see cref="Half"/>).</summary>
    Float16 = 10,
    /// <summary>64-bit float (<see cref="double"/>).</summary>
    Double = 11,
    /// <summary><see cref="uint"/>.</summary>
    UInt32 = 12,
    /// <summary><see cref="ulong"/>.</summary>
    UInt64 = 13,
    /// <summary>Complex with float parts (not supported by <see cref="OnnxTensor"/>).</summary>
    Complex64 = 14,
    /// <summary>Complex with double parts (not supported by <see cref="OnnxTensor"/>).</summary>
    Complex128 = 15,
    /// <summary>bfloat16 (not supported by <see cref="OnnxTensor"/>).</summary>
    BFloat16 = 16,
}
