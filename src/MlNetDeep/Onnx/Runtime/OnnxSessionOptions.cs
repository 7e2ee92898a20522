namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// How an <see cref="OnnxSession"/> runs: thread counts, graph optimization level and execution
/// provider. Defaults (in <see cref="Defaults"/>) let ONNX Runtime choose thread counts, apply
/// every graph optimization and run on the CPU.
/// </summary>
public sealed class OnnxSessionOptions
{
    /// <summary>The default of every option.</summary>
    public static class Defaults
    {
        /// <summary>0: ONNX Runtime picks the number of threads inside an operator.</summary>
        public const int IntraOpThreads = 0;
        /// <summary>0: ONNX Runtime picks the number of threads across operators.</summary>
        public const int InterOpThreads = 0;
        /// <summary>Every graph optimization.</summary>
        public const OnnxGraphOptimizationLevel GraphOptimizationLevel = OnnxGraphOptimizationLevel.All;
        /// <summary>The CPU.</summary>
        public const OnnxExecutionProvider ExecutionProvider = OnnxExecutionProvider.Cpu;
        /// <summary>The first GPU.</summary>
        public const int CudaDeviceId = 0;
    }

    private int _intraOpThreads = Defaults.IntraOpThreads;
    private int _interOpThreads = Defaults.InterOpThreads;
    private OnnxGraphOptimizationLevel _graphOptimizationLevel = Defaults.GraphOptimizationLevel;
    private OnnxExecutionProvider _executionProvider = Defaults.ExecutionProvider;
    private int _cudaDeviceId = Defaults.CudaDeviceId;

    /// <summary>Threads used inside one operator (0 lets ONNX Runtime choose).</summary>
    public int IntraOpThreads
    {
        get => _intraOpThreads;
        set => _intraOpThreads = NonNegative(value, nameof(IntraOpThreads), "a thread count >= 0 (0 lets ONNX Runtime choose)");
    }

    /// <summary>Threads used to run independent operators at once (0 lets ONNX Runtime choose).</summary>
    public int InterOpThreads
    {
        get => _interOpThreads;
        set => _interOpThreads = NonNegative(value, nameof(InterOpThreads), "a thread count >= 0 (0 lets ONNX Runtime choose)");
    }

    /// <summary>How much ONNX Runtime optimizes the graph when the session is created.</summary>
    public OnnxGraphOptimizationLevel GraphOptimizationLevel
    {
        get => _graphOptimizationLevel;
        set => _graphOptimizationLevel = Defined(value, nameof(GraphOptimizationLevel));
    }

    /// <summary>Where the graph runs. Asking for CUDA from an ONNX Runtime without CUDA support
    /// makes <see cref="OnnxSession.Open"/> fail with a clear <see cref="OnnxRuntimeException"/>.</summary>
    public OnnxExecutionProvider ExecutionProvider
    {
        get => _executionProvider;
        set => _executionProvider = Defined(value, nameof(ExecutionProvider));
    }

    /// <summary>The GPU used when <see cref="ExecutionProvider"/> is CUDA.</summary>
    public int CudaDeviceId
    {
        get => _cudaDeviceId;
        set => _cudaDeviceId = NonNegative(value, nameof(CudaDeviceId), "a device index >= 0");
    }

    private static int NonNegative(int value, string name, string expected) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"Expected {expected}. Received: {name}={value}");

    private static T Defined<T>(T value, string name) where T : struct, Enum =>
        Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Expected one of {string.Join(", ", Enum.GetNames<T>())}. Received: {name}={value}");
}
