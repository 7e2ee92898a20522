using System.Runtime.InteropServices;

namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// The ONNX Runtime C API: loads libonnxruntime.so.1, asks <c>OrtGetApiBase()->GetApi</c> for
/// the function table of <see cref="ApiVersion"/> and reads the functions MlNetDeep calls from it
/// by their index in <c>struct OrtApi</c> (onnxruntime_c_api.h). The table only grows from one
/// version to the next, so these indices hold for every library that serves this version.
/// Every returned <c>OrtStatus*</c> goes through <see cref="Check"/>.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The API version whose table layout the indices below follow (ONNX Runtime 1.13);
    /// any later library serves it.</summary>
    public const uint ApiVersion = 13;

    /// <summary>The file name of the library; the build copies it next to the assemblies.</summary>
    public const string LibraryFileName = "libonnxruntime.so.1";

    /// <summary>Environment variable naming another ONNX Runtime library to load instead (for
    /// example a CUDA-enabled build).</summary>
    public const string LibraryVariable = "MLNETDEEP_ONNXRUNTIME";

    // Indices into struct OrtApi, counted from onnxruntime_c_api.h (ORT_API_VERSION 13).
    private const int IxGetErrorCode = 1, IxGetErrorMessage = 2, IxCreateEnv = 3, IxCreateSession = 7,
        IxCreateSessionFromArray = 8, IxRun = 9, IxCreateSessionOptions = 10,
        IxSetSessionGraphOptimizationLevel = 23, IxSetIntraOpNumThreads = 24, IxSetInterOpNumThreads = 25,
        IxSessionGetInputCount = 30, IxSessionGetOutputCount = 31, IxSessionGetInputTypeInfo = 33,
        IxSessionGetOutputTypeInfo = 34, IxSessionGetInputName = 36, IxSessionGetOutputName = 37,
        IxCreateTensorAsOrtValue = 48, IxCreateTensorWithDataAsOrtValue = 49, IxGetTensorMutableData = 51, IxFillStringTensor = 52,
        IxGetStringTensorDataLength = 53, IxGetStringTensorContent = 54, IxCastTypeInfoToTensorInfo = 55,
        IxGetOnnxTypeFromTypeInfo = 56, IxGetTensorElementType = 60, IxGetDimensionsCount = 61,
        IxGetDimensions = 62, IxGetSymbolicDimensions = 63, IxGetTensorTypeAndShape = 65, IxGetValueType = 67,
        IxCreateCpuMemoryInfo = 69, IxAllocatorFree = 76, IxGetAllocatorWithDefaultOptions = 78,
        IxReleaseEnv = 92, IxReleaseStatus = 93, IxReleaseMemoryInfo = 94, IxReleaseSession = 95,
        IxReleaseValue = 96, IxReleaseTypeInfo = 98, IxReleaseTensorTypeAndShapeInfo = 99,
        IxReleaseSessionOptions = 100, IxGetAvailableProviders = 125, IxReleaseAvailableProviders = 126,
        IxSessionOptionsAppendExecutionProvider_CUDA = 152;

    public readonly delegate* unmanaged[Cdecl]<IntPtr, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, IntPtr*, IntPtr> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr> Run;
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, int, IntPtr*, IntPtr> CreateTensorAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, nuint, IntPtr> FillStringTensor;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetStringTensorDataLength;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, nuint*, nuint, IntPtr> GetStringTensorContent;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, byte**, nuint, IntPtr> GetSymbolicDimensions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<IntPtr*, IntPtr> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<byte***, int*, IntPtr> GetAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<byte**, int, IntPtr> ReleaseAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr> SessionOptionsAppendExecutionProvider_CUDA;

    /// <summary>The path the library was loaded from.</summary>
    public string LibraryPath { get; }

    /// <summary>The library's version string, e.g. "1.30.0".</summary>
    public string Version { get; }

    private static readonly object Gate = new();
    private static OrtApi? _instance;

    /// <summary>The process-wide API table, loading the library on first use.</summary>
    public static OrtApi Get()
    {
        var api = Volatile.Read(ref _instance);
        if (api is not null) return api;
        lock (Gate) return _instance ??= new OrtApi();
    }

    private OrtApi()
    {
        (LibraryPath, IntPtr library) = LoadLibrary();
        var getApiBase = (delegate* unmanaged[Cdecl]<IntPtr*>)NativeLibrary.GetExport(library, "OrtGetApiBase");
        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        IntPtr* apiBase = getApiBase();
        var getApi = (delegate* unmanaged[Cdecl]<uint, IntPtr*>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        Version = Marshal.PtrToStringUTF8((IntPtr)getVersion()) ?? "";
        IntPtr* t = getApi(ApiVersion);
        if (t == null)
            throw new OnnxRuntimeException($"ONNX Runtime {Version} at {LibraryPath} does not serve C API version {ApiVersion}; MlNetDeep needs ONNX Runtime 1.13 or newer.");

        GetErrorCode = (delegate* unmanaged[Cdecl]<IntPtr, int>)t[IxGetErrorCode];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<IntPtr, byte*>)t[IxGetErrorMessage];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, IntPtr*, IntPtr>)t[IxCreateEnv];
        CreateSession = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, IntPtr*, IntPtr>)t[IxCreateSession];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, IntPtr, IntPtr*, IntPtr>)t[IxCreateSessionFromArray];
        Run = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)t[IxRun];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[IxCreateSessionOptions];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[IxSetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[IxSetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)t[IxSetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[IxSessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[IxSessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)t[IxSessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)t[IxSessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr>)t[IxSessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, byte**, IntPtr>)t[IxSessionGetOutputName];
        CreateTensorAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, int, IntPtr*, IntPtr>)t[IxCreateTensorAsOrtValue];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)t[IxCreateTensorWithDataAsOrtValue];
        FillStringTensor = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, nuint, IntPtr>)t[IxFillStringTensor];
        GetStringTensorDataLength = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[IxGetStringTensorDataLength];
        GetStringTensorContent = (delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, nuint*, nuint, IntPtr>)t[IxGetStringTensorContent];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr>)t[IxGetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[IxCastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[IxGetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[IxGetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)t[IxGetDimensionsCount];
        GetDimensions = (delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr>)t[IxGetDimensions];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<IntPtr, byte**, nuint, IntPtr>)t[IxGetSymbolicDimensions];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)t[IxGetTensorTypeAndShape];
        GetValueType = (delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)t[IxGetValueType];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr>)t[IxCreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr>)t[IxAllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)t[IxGetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseEnv];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseSession];
        ReleaseValue = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<IntPtr, void>)t[IxReleaseSessionOptions];
        GetAvailableProviders = (delegate* unmanaged[Cdecl]<byte***, int*, IntPtr>)t[IxGetAvailableProviders];
        ReleaseAvailableProviders = (delegate* unmanaged[Cdecl]<byte**, int, IntPtr>)t[IxReleaseAvailableProviders];
        SessionOptionsAppendExecutionProvider_CUDA = (delegate* unmanaged[Cdecl]<IntPtr, void*, IntPtr>)t[IxSessionOptionsAppendExecutionProvider_CUDA];
    }

    /// <summary>
    /// The one status check: a non-null <c>OrtStatus*</c> is read (code and message), released,
    /// and thrown as an <see cref="OnnxRuntimeException"/> whose message starts with
    /// <paramref name="context"/> when given.
    /// </summary>
    public void Check(IntPtr status, string? context = null)
    {
        if (status == IntPtr.Zero) return;
        int code = GetErrorCode(status);
        string message = Marshal.PtrToStringUTF8((IntPtr)GetErrorMessage(status)) ?? "";
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, context is null ? message : $"{context}: {message}");
    }

    /// <summary>As <see cref="Check(IntPtr, string?)"/> with the context "<paramref name="what"/> '<paramref name="name"/>'",
    /// built only on failure (runs check several statuses per call).</summary>
    public void Check(IntPtr status, string what, string name)
    {
        if (status != IntPtr.Zero) Check(status, $"{what} '{name}'");
    }

    /// <summary>The execution providers compiled into the library, e.g. "CPUExecutionProvider".</summary>
    public string[] AvailableProviders()
    {
        byte** names;
        int count;
        Check(GetAvailableProviders(&names, &count), "Listing ONNX Runtime's execution providers");
        try
        {
            var result = new string[count];
            for (int i = 0; i < count; i++) result[i] = Marshal.PtrToStringUTF8((IntPtr)names[i]) ?? "";
            return result;
        }
        finally
        {
            Check(ReleaseAvailableProviders(names, count));
        }
    }

    // Candidates in order: the variable's path, the application directory, this assembly's directory.
    private static (string Path, IntPtr Handle) LoadLibrary()
    {
        var candidates = new List<string>();
        var fromVariable = Environment.GetEnvironmentVariable(LibraryVariable);
        if (!string.IsNullOrEmpty(fromVariable)) candidates.Add(fromVariable);
        candidates.Add(Path.Combine(AppContext.BaseDirectory, LibraryFileName));
        var assemblyDir = Path.GetDirectoryName(typeof(OrtApi).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir)) candidates.Add(Path.Combine(assemblyDir, LibraryFileName));

        var failures = new List<string>();
        foreach (var path in candidates.Distinct())
        {
            if (!File.Exists(path)) { failures.Add($"{path} (missing)"); continue; }
            try
            {
                return (path, NativeLibrary.Load(path));
            }
            catch (DllNotFoundException e)
            {
                failures.Add($"{path} ({e.Message})");
            }
        }
        throw new OnnxRuntimeException(
            $"Cannot load the ONNX Runtime library {LibraryFileName}. Tried: {string.Join("; ", failures)}. " +
            $"Run scripts/setup.sh (it installs the npm package onnxruntime-node) and rebuild so the build copies " +
            $"the library next to the assemblies, or set {LibraryVariable} to the library's path.");
    }
}
