namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// The process-wide ONNX Runtime objects every session shares: the one <c>OrtEnv</c> (ONNX
/// Runtime allows one per process) and the CPU memory description that input tensors over
/// managed memory are created with. Both live as long as the process.
/// </summary>
internal sealed unsafe class OrtEnvironment
{
    private const int LoggingLevelError = 3;     // ORT_LOGGING_LEVEL_ERROR: warnings stay off stderr
    private const int ArenaAllocator = 1;        // OrtArenaAllocator
    private const int MemTypeDefault = 0;        // OrtMemTypeDefault

    private static readonly Lazy<OrtEnvironment> Shared = new(() => new OrtEnvironment(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static OrtEnvironment Get() => Shared.Value;

    public OrtApi Api { get; }
    public OrtEnvHandle Env { get; }
    public OrtMemoryInfoHandle CpuMemory { get; }

    private OrtEnvironment()
    {
        Api = OrtApi.Get();
        IntPtr env, memory;
        fixed (byte* logId = "MlNetDeep\0"u8)
            Api.Check(Api.CreateEnv(LoggingLevelError, logId, &env), "Creating the ONNX Runtime environment");
        Env = new OrtEnvHandle(env);
        Api.Check(Api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memory), "Describing CPU memory for ONNX Runtime");
        CpuMemory = new OrtMemoryInfoHandle(memory);
    }
}
