namespace MlNetDeep.Onnx.Runtime;

/// <summary>Where ONNX Runtime runs a session's graph.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>ONNX Runtime's built-in CPU provider (always available).</summary>
    Cpu = 0,
    /// <summary>NVIDIA GPUs through CUDA. Opening a session fails with a clear
    /// <see cref="OnnxRuntimeException"/> when the loaded ONNX Runtime has no CUDA support (the
    /// library from the npm package onnxruntime-node on linux x64 has none).</summary>
    Cuda = 1,
}
