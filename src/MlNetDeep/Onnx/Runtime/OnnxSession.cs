using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MlNetDeep.Onnx.Runtime;

/// <summary>
/// An ONNX model loaded into ONNX Runtime, ready to run.
/// <code>
/// using var session = OnnxSession.Open("model.onnx");
/// var outputs = session.Run(new Dictionary&lt;string, OnnxTensor&gt;
/// {
///     ["features"] = OnnxTensor.Create(rows, batch, 11),
/// });
/// float[] probabilities = outputs["probability"].ToArray&lt;float&gt;();
/// </code>
/// Inputs are checked against <see cref="Inputs"/> before ONNX Runtime sees them: names, element
/// types, ranks and fixed dimensions (dynamic ones, -1, take any size).
/// <para>Thread safety: <see cref="Run(IReadOnlyDictionary{string, OnnxTensor})"/> may be called
/// from many threads at once on one session (ONNX Runtime's <c>OrtSession::Run</c> is
/// thread-safe and this class keeps no per-run state); <see cref="Dispose"/> must not race with
/// runs.</para>
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private readonly OrtApi _api;
    private readonly OrtEnvironment _environment;
    private readonly OrtSessionHandle _session;
    private readonly OnnxNodeInfo[] _inputs;
    private readonly OnnxNodeInfo[] _outputs;
    private readonly Dictionary<string, int> _inputIndex;
    private readonly Dictionary<string, int> _outputIndex;
    // Null-terminated UTF-8 names and the arrays of pointers to them, allocated once on the
    // pinned object heap: their addresses never move and they live as long as this session.
    private readonly IntPtr[] _inputNamePointers;
    private readonly IntPtr[] _outputNamePointers;
    private readonly byte[][] _names;

    private OnnxSession(OrtEnvironment environment, OrtSessionHandle session)
    {
        _environment = environment;
        _api = environment.Api;
        _session = session;
        _inputs = ReadNodes(isInput: true);
        _outputs = ReadNodes(isInput: false);
        _inputIndex = Index(_inputs);
        _outputIndex = Index(_outputs);
        var names = new List<byte[]>();
        _inputNamePointers = PinNames(_inputs, names);
        _outputNamePointers = PinNames(_outputs, names);
        _names = names.ToArray();
    }

    /// <summary>Loads the ONNX model file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model (the message names the
    /// file), or the options ask for an execution provider it does not have.</exception>
    public static OnnxSession Open(string path, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new FileNotFoundException($"ONNX model file not found: {fullPath}", fullPath);
        var environment = OrtEnvironment.Get();
        var api = environment.Api;
        using var nativeOptions = CreateOptions(api, options ?? new OnnxSessionOptions());
        var utf8 = NullTerminated(fullPath);
        IntPtr session;
        fixed (byte* p = utf8)
            api.Check(api.CreateSession(environment.Env.Pointer, p, nativeOptions.Pointer, &session), $"Cannot load ONNX model '{fullPath}'");
        return new OnnxSession(environment, new OrtSessionHandle(session));
    }

    /// <summary>Loads an ONNX model from its serialized bytes.</summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model, or the options ask
    /// for an execution provider it does not have.</exception>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionOptions? options = null)
    {
        if (model.IsEmpty) throw new ArgumentException("Expected the bytes of an ONNX model. Received: an empty buffer", nameof(model));
        var environment = OrtEnvironment.Get();
        var api = environment.Api;
        using var nativeOptions = CreateOptions(api, options ?? new OnnxSessionOptions());
        IntPtr session;
        fixed (byte* p = model)
            api.Check(api.CreateSessionFromArray(environment.Env.Pointer, p, (nuint)model.Length, nativeOptions.Pointer, &session),
                $"Cannot load ONNX model from {model.Length} bytes");
        return new OnnxSession(environment, new OrtSessionHandle(session));
    }

    /// <summary>The model's inputs, in the model's order.</summary>
    public IReadOnlyList<OnnxNodeInfo> Inputs => _inputs;

    /// <summary>The model's outputs, in the model's order.</summary>
    public IReadOnlyList<OnnxNodeInfo> Outputs => _outputs;

    /// <summary>Runs the model on <paramref name="inputs"/> (one tensor per model input, by name)
    /// and returns every output by name, in the model's order.</summary>
    /// <exception cref="ArgumentException">An input is unknown or missing, or its element type, rank or
    /// a fixed dimension differs from the model's; the message names the input.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime fails while running.</exception>
    public IReadOnlyDictionary<string, OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs) =>
        RunCore(inputs, _outputNamePointers, _outputs);

    /// <summary>Runs the model and returns only the named outputs, in the order asked.</summary>
    public IReadOnlyDictionary<string, OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string> outputNames)
    {
        ArgumentNullException.ThrowIfNull(outputNames);
        var nodes = new OnnxNodeInfo[outputNames.Count];
        var pointers = new IntPtr[outputNames.Count];
        for (int i = 0; i < nodes.Length; i++)
        {
            if (!_outputIndex.TryGetValue(outputNames[i], out int k))
                throw new ArgumentException($"Unknown output '{outputNames[i]}'. Expected one of: {Describe(_outputs)}", nameof(outputNames));
            if (Array.IndexOf(pointers, _outputNamePointers[k], 0, i) >= 0)
                throw new ArgumentException($"Expected each output at most once. Received: '{outputNames[i]}' twice", nameof(outputNames));
            nodes[i] = _outputs[k];
            pointers[i] = _outputNamePointers[k];
        }
        return RunCore(inputs, pointers, nodes);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private Dictionary<string, OnnxTensor> RunCore(IReadOnlyDictionary<string, OnnxTensor> inputs, IntPtr[] outputNames, OnnxNodeInfo[] outputNodes)
    {
        ObjectDisposedException.ThrowIf(_session.IsClosed, this);
        var ordered = Validate(inputs);
        int n = ordered.Length, m = outputNodes.Length;
        var pins = new GCHandle[n];
        var values = new OrtValueHandle?[n];
        var valuePointers = new IntPtr[n];
        var outputPointers = new IntPtr[m];
        bool addedRef = false;
        try
        {
            for (int i = 0; i < n; i++)
            {
                var tensor = ordered[i];
                if (tensor.Data is string[] strings)
                {
                    values[i] = CreateStringTensor(strings, tensor.ShapeArray, _inputs[i].Name);
                }
                else
                {
                    // Numbers are read in place: the array stays pinned until the run returns.
                    pins[i] = GCHandle.Alloc(tensor.Data, GCHandleType.Pinned);
                    IntPtr value;
                    fixed (long* shape = tensor.ShapeArray)
                        _api.Check(_api.CreateTensorWithDataAsOrtValue(_environment.CpuMemory.Pointer, (void*)pins[i].AddrOfPinnedObject(),
                            (nuint)tensor.ByteLength, shape, (nuint)tensor.Rank, (int)tensor.ElementType, &value), "Creating input tensor", _inputs[i].Name);
                    values[i] = new OrtValueHandle(value);
                }
                valuePointers[i] = values[i]!.Pointer;
            }
            _session.DangerousAddRef(ref addedRef);
            fixed (IntPtr* inNames = _inputNamePointers, inValues = valuePointers, outNames = outputNames, outValues = outputPointers)
                _api.Check(_api.Run(_session.Pointer, IntPtr.Zero, inNames, inValues, (nuint)n, outNames, (nuint)m, outValues), "Running the ONNX model");
            var result = new Dictionary<string, OnnxTensor>(m);
            for (int j = 0; j < m; j++)
            {
                var output = new OrtValueHandle(outputPointers[j]);
                outputPointers[j] = IntPtr.Zero;
                using (output) result.Add(outputNodes[j].Name, ReadTensor(output, outputNodes[j].Name));
            }
            return result;
        }
        finally
        {
            if (addedRef) _session.DangerousRelease();
            foreach (var p in outputPointers) if (p != IntPtr.Zero) new OrtValueHandle(p).Dispose();
            foreach (var v in values) v?.Dispose();
            foreach (var pin in pins) if (pin.IsAllocated) pin.Free();
        }
    }

    // The inputs in the model's order, after every check that can be made without ONNX Runtime.
    private OnnxTensor[] Validate(IReadOnlyDictionary<string, OnnxTensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var name in inputs.Keys)
            if (!_inputIndex.ContainsKey(name))
                throw new ArgumentException($"Unknown input '{name}'. Expected inputs: {Describe(_inputs)}", nameof(inputs));
        var ordered = new OnnxTensor[_inputs.Length];
        for (int i = 0; i < _inputs.Length; i++)
        {
            var node = _inputs[i];
            if (!inputs.TryGetValue(node.Name, out var tensor) || tensor is null)
                throw new ArgumentException($"Missing input '{node.Name}'. Expected inputs: {Describe(_inputs)}", nameof(inputs));
            if (tensor.ElementType != node.ElementType)
                throw new ArgumentException($"Input '{node.Name}' expects element type {node.ElementType}. Received: {tensor.ElementType}", nameof(inputs));
            if (tensor.Rank != node.Rank)
                throw new ArgumentException(
                    $"Input '{node.Name}' expects rank {node.Rank} (shape {node.ShapeText}). Received: rank {tensor.Rank} (shape {OnnxTensor.ShapeText(tensor.ShapeArray)})", nameof(inputs));
            for (int d = 0; d < node.Rank; d++)
                if (node.Shape[d] >= 0 && node.Shape[d] != tensor.ShapeArray[d])
                    throw new ArgumentException(
                        $"Input '{node.Name}' dimension {d} must be {node.Shape[d]} (expected shape {node.ShapeText}). Received: {tensor.ShapeArray[d]} (shape {OnnxTensor.ShapeText(tensor.ShapeArray)})", nameof(inputs));
            ordered[i] = tensor;
        }
        return ordered;
    }

    // ONNX Runtime owns string storage: the tensor is allocated by it and filled with UTF-8 copies.
    private OrtValueHandle CreateStringTensor(string[] strings, long[] shapeArray, string name)
    {
        IntPtr allocator, pointer;
        _api.Check(_api.GetAllocatorWithDefaultOptions(&allocator));
        fixed (long* shape = shapeArray)
            _api.Check(_api.CreateTensorAsOrtValue(allocator, shape, (nuint)shapeArray.Length, (int)OnnxElementType.String, &pointer),
                $"Creating input tensor '{name}'");
        var value = new OrtValueHandle(pointer);
        var utf8 = new IntPtr[strings.Length];
        try
        {
            for (int k = 0; k < strings.Length; k++) utf8[k] = Marshal.StringToCoTaskMemUTF8(strings[k]);
            fixed (IntPtr* p = utf8)
                _api.Check(_api.FillStringTensor(pointer, p, (nuint)strings.Length), $"Filling input tensor '{name}'");
            return value;
        }
        catch
        {
            value.Dispose();
            throw;
        }
        finally
        {
            foreach (var u in utf8) Marshal.FreeCoTaskMem(u);
        }
    }

    private string[] ReadStrings(OrtValueHandle value, long count, string name)
    {
        nuint length;
        _api.Check(_api.GetStringTensorDataLength(value.Pointer, &length), "Reading output", name);
        var bytes = new byte[(int)length];
        var offsets = new nuint[count];
        fixed (byte* b = bytes)
        fixed (nuint* o = offsets)
            _api.Check(_api.GetStringTensorContent(value.Pointer, b, length, o, (nuint)count), "Reading output", name);
        var result = new string[count];
        for (long k = 0; k < count; k++)
        {
            int start = (int)offsets[k], end = k + 1 < count ? (int)offsets[k + 1] : bytes.Length;
            result[k] = System.Text.Encoding.UTF8.GetString(bytes, start, end - start);
        }
        return result;
    }

    private OnnxTensor ReadTensor(OrtValueHandle value, string name)
    {
        int valueType;
        _api.Check(_api.GetValueType(value.Pointer, &valueType), "Reading output", name);
        if (valueType != OnnxTypeTensor)
            throw new NotSupportedException($"Output '{name}' is not a tensor (ONNX type {valueType}); only tensor outputs can be read.");
        IntPtr info;
        _api.Check(_api.GetTensorTypeAndShape(value.Pointer, &info), "Reading output", name);
        OnnxElementType elementType;
        long[] shape;
        using (var owned = new OrtTensorTypeAndShapeInfoHandle(info))
        {
            // Type and dimensions only: an output's symbolic dimension names are not needed per run.
            int type;
            nuint rank;
            _api.Check(_api.GetTensorElementType(info, &type), "Reading output", name);
            _api.Check(_api.GetDimensionsCount(info, &rank), "Reading output", name);
            elementType = (OnnxElementType)type;
            shape = new long[(int)rank];
            fixed (long* dims = shape)
                _api.Check(_api.GetDimensions(info, dims, rank), "Reading output", name);
        }
        long count = 1;
        foreach (var d in shape) count *= d;
        if (elementType == OnnxElementType.String) return OnnxTensor.Wrap(ReadStrings(value, count, name), shape, elementType);
        var clr = OnnxElementTypes.ClrType(elementType)
                  ?? throw new NotSupportedException($"Output '{name}' has element type {elementType}, which OnnxTensor does not support.");
        var data = Array.CreateInstance(clr, count);
        if (count > 0)
        {
            void* source;
            _api.Check(_api.GetTensorMutableData(value.Pointer, &source), "Reading output", name);
            var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
            try
            {
                long bytes = count * OnnxElementTypes.SizeOf(elementType);
                Buffer.MemoryCopy(source, (void*)pin.AddrOfPinnedObject(), bytes, bytes);
            }
            finally { pin.Free(); }
        }
        return OnnxTensor.Wrap(data, shape, elementType);
    }

    private const int OnnxTypeTensor = 1; // ONNXType ONNX_TYPE_TENSOR

    private OnnxNodeInfo[] ReadNodes(bool isInput)
    {
        nuint count;
        _api.Check(isInput ? _api.SessionGetInputCount(_session.Pointer, &count) : _api.SessionGetOutputCount(_session.Pointer, &count),
            "Reading the model's inputs and outputs");
        IntPtr allocator;
        _api.Check(_api.GetAllocatorWithDefaultOptions(&allocator));
        var nodes = new OnnxNodeInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* namePtr;
            _api.Check(isInput ? _api.SessionGetInputName(_session.Pointer, i, allocator, &namePtr)
                               : _api.SessionGetOutputName(_session.Pointer, i, allocator, &namePtr), "Reading the model's inputs and outputs");
            string name = Marshal.PtrToStringUTF8((IntPtr)namePtr) ?? "";
            _api.Check(_api.AllocatorFree(allocator, namePtr));
            IntPtr typeInfo;
            _api.Check(isInput ? _api.SessionGetInputTypeInfo(_session.Pointer, i, &typeInfo)
                               : _api.SessionGetOutputTypeInfo(_session.Pointer, i, &typeInfo), $"Reading the type of '{name}'");
            using var owned = new OrtTypeInfoHandle(typeInfo);
            int onnxType;
            _api.Check(_api.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), $"Reading the type of '{name}'");
            if (onnxType != OnnxTypeTensor)
            {
                nodes[i] = new OnnxNodeInfo(name, false, OnnxElementType.Undefined, [], []);
                continue;
            }
            IntPtr tensorInfo; // belongs to typeInfo
            _api.Check(_api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), $"Reading the type of '{name}'");
            var (elementType, shape, symbols) = ReadTensorInfo(tensorInfo, name);
            nodes[i] = new OnnxNodeInfo(name, true, elementType, shape, symbols);
        }
        return nodes;
    }

    private (OnnxElementType Type, long[] Shape, string[] Symbols) ReadTensorInfo(IntPtr info, string name)
    {
        int elementType;
        nuint rank;
        _api.Check(_api.GetTensorElementType(info, &elementType), $"Reading the type of '{name}'");
        _api.Check(_api.GetDimensionsCount(info, &rank), $"Reading the shape of '{name}'");
        var shape = new long[(int)rank];
        var symbolPointers = new IntPtr[(int)rank];
        fixed (long* dims = shape)
            _api.Check(_api.GetDimensions(info, dims, rank), $"Reading the shape of '{name}'");
        fixed (IntPtr* symbols = symbolPointers)
            _api.Check(_api.GetSymbolicDimensions(info, (byte**)symbols, rank), $"Reading the shape of '{name}'");
        var names = symbolPointers.Select(p => p == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(p) ?? "").ToArray();
        return ((OnnxElementType)elementType, shape, names);
    }

    private static OrtSessionOptionsHandle CreateOptions(OrtApi api, OnnxSessionOptions options)
    {
        IntPtr pointer;
        api.Check(api.CreateSessionOptions(&pointer), "Creating ONNX Runtime session options");
        var handle = new OrtSessionOptionsHandle(pointer);
        try
        {
            api.Check(api.SetIntraOpNumThreads(pointer, options.IntraOpThreads), "Setting IntraOpThreads");
            api.Check(api.SetInterOpNumThreads(pointer, options.InterOpThreads), "Setting InterOpThreads");
            api.Check(api.SetSessionGraphOptimizationLevel(pointer, (int)options.GraphOptimizationLevel), "Setting GraphOptimizationLevel");
            if (options.ExecutionProvider == OnnxExecutionProvider.Cuda) AppendCuda(api, pointer, options.CudaDeviceId);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void AppendCuda(OrtApi api, IntPtr options, int deviceId)
    {
        var cuda = new OrtCudaProviderOptions
        {
            DeviceId = deviceId,
            GpuMemLimit = nuint.MaxValue,
            DoCopyInDefaultStream = 1,
        };
        try
        {
            api.Check(api.SessionOptionsAppendExecutionProvider_CUDA(options, &cuda));
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxRuntimeException(e.ErrorCode,
                $"The CUDA execution provider was requested (OnnxSessionOptions.ExecutionProvider=Cuda), but this ONNX Runtime " +
                $"({api.Version}, {api.LibraryPath}) has no CUDA support it can use: CUDA is either not compiled in or its " +
                $"provider libraries (libonnxruntime_providers_cuda.so and libonnxruntime_providers_shared.so beside the library) " +
                $"are missing. Compiled-in providers: {string.Join(", ", api.AvailableProviders())}. Use OnnxExecutionProvider.Cpu, " +
                $"or point {OrtApi.LibraryVariable} at a CUDA-enabled ONNX Runtime. ONNX Runtime said: {e.Message}", e);
        }
    }

    // OrtCUDAProviderOptions (the legacy struct) with its current trailing fields, then zeroed
    // room so that a library reading a longer struct reads defaults, never past our memory.
    [StructLayout(LayoutKind.Sequential)]
    private struct OrtCudaProviderOptions
    {
        public int DeviceId;
        public int CudnnConvAlgoSearch;       // 0: exhaustive (ONNX Runtime's default)
        public nuint GpuMemLimit;
        public int ArenaExtendStrategy;
        public int DoCopyInDefaultStream;
        public int HasUserComputeStream;
        public IntPtr UserComputeStream;
        public IntPtr DefaultMemoryArenaCfg;
        public int TunableOpEnable;
        public int TunableOpTuningEnable;
        public int TunableOpMaxTuningDurationMs;
        public fixed byte Reserved[64];
    }

    private static Dictionary<string, int> Index(OnnxNodeInfo[] nodes)
    {
        var index = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (int i = 0; i < nodes.Length; i++) index[nodes[i].Name] = i;
        return index;
    }

    private static IntPtr[] PinNames(OnnxNodeInfo[] nodes, List<byte[]> keepAlive)
    {
        var pointers = GC.AllocateArray<IntPtr>(nodes.Length, pinned: true);
        for (int i = 0; i < nodes.Length; i++)
        {
            var utf8 = NullTerminated(nodes[i].Name, pinned: true);
            keepAlive.Add(utf8);
            pointers[i] = (IntPtr)Unsafe.AsPointer(ref utf8[0]);
        }
        return pointers;
    }

    private static byte[] NullTerminated(string text, bool pinned = false)
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(text);
        var bytes = GC.AllocateArray<byte>(length + 1, pinned);
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static string Describe(IEnumerable<OnnxNodeInfo> nodes) => string.Join(", ", nodes.Select(n => n.ToString()));
}
