namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// Facts about the ONNX Runtime library MlNetDeep loaded: libonnxruntime.so.1 from the
/// application's directory (the build copies it there from the npm package onnxruntime-node
/// that scripts/setup.sh installs), or the file named by the MLNETDEEP_ONNXRUNTIME environment
/// variable. Reading any of these loads the library.
/// </summary>
public static class OnnxRuntime
{
    /// <summary>The library's version, e.g. "1.30.0".</summary>
    public static string Version => OrtApi.Get().Version;

    /// <summary>The full path of the loaded library.</summary>
    public static string LibraryPath => OrtApi.Get().LibraryPath;

    /// <summary>The execution providers compiled into the library, e.g. "CPUExecutionProvider".</summary>
    public static IReadOnlyList<string> AvailableProviders => OrtApi.Get().AvailableProviders();
}
