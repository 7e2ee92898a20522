using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>
/// Settings of <c>ml.Transforms.ApplyOnnxModel(options)</c> (ML.NET's <c>OnnxOptions</c> names, plus
/// the batch size and graph optimization level). Defaults are in <see cref="Defaults"/>.
/// </summary>
public sealed class OnnxOptions
{
    /// <summary>The default of every option.</summary>
    public static class Defaults
    {
        /// <summary>Rows scored per ONNX Runtime run.</summary>
        public const int BatchSize = 256;
        /// <summary>0: ONNX Runtime picks thread counts.</summary>
        public const int Threads = 0;
        /// <summary>Every graph optimization.</summary>
        public const OnnxGraphOptimizationLevel GraphOptimizationLevel = OnnxGraphOptimizationLevel.All;
    }

    private int _batchSize = Defaults.BatchSize;

    /// <summary>The ONNX model file (read once; its bytes are kept and saved with the model).</summary>
    public string ModelFile { get; set; } = "";

    /// <summary>Pipeline columns fed to the ONNX inputs of the same names; null or empty: every model input.</summary>
    public string[]? InputColumns { get; set; }

    /// <summary>ONNX outputs added as columns of the same names; null or empty: every model output.</summary>
    public string[]? OutputColumns { get; set; }

    /// <summary>The CUDA device to run on; null runs on the CPU.</summary>
    public int? GpuDeviceId { get; set; }

    /// <summary>With <see cref="GpuDeviceId"/>: run on the CPU when ONNX Runtime has no CUDA support
    /// (instead of failing).</summary>
    public bool FallbackToCpu { get; set; }

    /// <summary>Threads inside one operator (0 lets ONNX Runtime choose).</summary>
    public int IntraOpNumThreads { get; set; } = Defaults.Threads;

    /// <summary>Threads across operators (0 lets ONNX Runtime choose).</summary>
    public int InterOpNumThreads { get; set; } = Defaults.Threads;

    /// <summary>How much ONNX Runtime rewrites the graph when the session is created.</summary>
    public OnnxGraphOptimizationLevel GraphOptimizationLevel { get; set; } = Defaults.GraphOptimizationLevel;

    /// <summary>Rows gathered into one ONNX Runtime run (1 or more; models whose batch dimension is
    /// fixed run one row at a time whatever this says).</summary>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, $"Expected a batch size >= 1. Received: BatchSize={value}");
    }

    /// <summary>The session options these settings ask for.</summary>
    internal OnnxSessionOptions SessionOptions(bool onCpu) => new()
    {
        IntraOpThreads = IntraOpNumThreads,
        InterOpThreads = InterOpNumThreads,
        GraphOptimizationLevel = GraphOptimizationLevel,
        ExecutionProvider = onCpu || GpuDeviceId is null ? OnnxExecutionProvider.Cpu : OnnxExecutionProvider.Cuda,
        CudaDeviceId = onCpu ? OnnxSessionOptions.Defaults.CudaDeviceId : GpuDeviceId ?? OnnxSessionOptions.Defaults.CudaDeviceId,
    };

    internal OnnxOptions Clone() => (OnnxOptions)MemberwiseClone();
}
