namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// An error reported by ONNX Runtime (its message is kept verbatim, prefixed with what MlNetDeep
/// was doing), or a failure to load or configure ONNX Runtime itself.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>
    /// ONNX Runtime's <c>OrtErrorCode</c> (1 FAIL, 2 INVALID_ARGUMENT, 3 NO_SUCHFILE, 4 NO_MODEL,
    /// 5 ENGINE_ERROR, 6 RUNTIME_EXCEPTION, 7 INVALID_PROTOBUF, 8 MODEL_LOADED,
    /// 9 NOT_IMPLEMENTED, 10 INVALID_GRAPH, 11 EP_FAIL); 0 when the error was raised by
    /// MlNetDeep rather than by an ONNX Runtime call.
    /// </summary>
    public int ErrorCode { get; }

    /// <summary>Creates the exception with ONNX Runtime's error code (0 if none) and a message.</summary>
    public OnnxRuntimeException(int errorCode, string message, Exception? innerException = null)
        : base(message, innerException) => ErrorCode = errorCode;

    /// <summary>Creates the exception for an error raised by MlNetDeep (error code 0).</summary>
    public OnnxRuntimeException(string message, Exception? innerException = null)
        : this(0, message, innerException) { }
}
