using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Onnx;

/// <summary>
/// Writes MlNetDeep.Torch networks as ONNX graphs (opset <see cref="OnnxGraphBuilder.OpsetVersion"/>),
/// in evaluation form: dropout removed, batch norm with its running statistics. Supported: nested
/// <see cref="Sequential"/>, <see cref="Linear"/>, <see cref="Conv1d"/>/<see cref="Conv2d"/>, max/average/min
/// and global pools, <see cref="BatchNorm1d"/>/<see cref="BatchNorm2d"/>, <see cref="Dropout"/>,
/// <see cref="Flatten"/>, <see cref="Embedding"/>, every <see cref="Activation"/> kind, <see cref="PReLU"/>,
/// <see cref="Maxout"/>, <see cref="RNN"/>/<see cref="LSTM"/>/<see cref="GRU"/> (stacked, bidirectional,
/// batch-first) and <see cref="LastTimeStep"/>.
/// </summary>
/// <remarks>
/// Exporting runs the module once on a small zero input (in evaluation mode, without gradients) to
/// learn the shape reaching each layer; the module's training mode is restored afterwards (as one
/// flag for the whole module).
/// </remarks>
public static class ModuleExporter
{
    /// <summary>
    /// Lists every layer of <paramref name="module"/> that cannot be exported, each with the reason
    /// ("2 (BatchNorm1d): ..."); true when there is none.
    /// </summary>
    public static bool CanExport(Module module, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(module);
        var found = new List<string>();
        Visit(module, "", found);
        problems = found;
        return found.Count == 0;
    }

    /// <summary>
    /// Appends <paramref name="module"/> to <paramref name="graph"/>, fed by the value <paramref name="input"/>
    /// whose per-row shape (without the batch dimension; -1 for a dynamic one) is <paramref name="inputShape"/>.
    /// Initializers are named after the module's parameters (PyTorch's state_dict names), under the path
    /// <paramref name="prefix"/> when given: "net" gives "net.0.weight".
    /// Returns the name of the value holding the module's output.
    /// </summary>
    /// <exception cref="NotSupportedException">A layer has no ONNX form; the message names the layer and why.</exception>
    public static string AddModule(OnnxGraphBuilder graph, Module module, string input, IReadOnlyList<long> inputShape, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentNullException.ThrowIfNull(inputShape);
        ThrowIfNotExportable(module);
        return WithEvalMode(module, () =>
        {
            using var scope = Torch.Torch.NewDisposeScope();
            using var noGrad = Torch.Torch.NoGrad();
            var sample = Sample(module, inputShape, 3);
            return new LayerEmitter(graph).Emit(module, prefix.TrimEnd('.'), input, sample, out _);
        });
    }

    /// <summary>
    /// Writes <paramref name="module"/> as a complete ONNX model: one input <paramref name="inputName"/> of shape
    /// (batch, <paramref name="inputShape"/>...) — float32, or int64 when the first layer is an
    /// <see cref="Embedding"/> — and one float32 output <paramref name="outputName"/>. The batch dimension is
    /// dynamic; so are input dimensions given as -1 (and the output dimensions that depend on them).
    /// </summary>
    /// <exception cref="NotSupportedException">A layer has no ONNX form; the message names the layer and why.</exception>
    public static void Export(Module module, Stream stream, IReadOnlyList<long> inputShape, string inputName = "input", string outputName = "output")
    {
        ArgumentNullException.ThrowIfNull(stream);
        Build(module, inputShape, inputName, outputName).Save(stream);
    }

    /// <summary>Same as <see cref="Export(Module, Stream, IReadOnlyList{long}, string, string)"/>, to the file <paramref name="path"/>.</summary>
    public static void Export(Module module, string path, IReadOnlyList<long> inputShape, string inputName = "input", string outputName = "output")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var graph = Build(module, inputShape, inputName, outputName);
        graph.Save(path);
    }

    /// <summary>The graph <see cref="Export(Module, Stream, IReadOnlyList{long}, string, string)"/> writes, for callers that add more.</summary>
    public static OnnxGraphBuilder Build(Module module, IReadOnlyList<long> inputShape, string inputName = "input", string outputName = "output")
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentException.ThrowIfNullOrEmpty(inputName);
        ArgumentException.ThrowIfNullOrEmpty(outputName);
        foreach (var d in inputShape)
            if (d == 0 || d < -1)
                throw new ArgumentOutOfRangeException(nameof(inputShape), d, $"Expected positive sizes or -1 (dynamic). Received: inputShape=[{string.Join(", ", inputShape)}].");
        ThrowIfNotExportable(module);
        var graph = new OnnxGraphBuilder();
        var inputType = FirstLayer(module) is Embedding ? OnnxDataType.Int64 : OnnxDataType.Float;
        graph.AddInput(inputName, inputType, inputShape.ToArray());
        var outputDims = WithEvalMode(module, () =>
        {
            using var scope = Torch.Torch.NewDisposeScope();
            using var noGrad = Torch.Torch.NoGrad();
            // Two traces with different dynamic sizes tell which output dimensions follow them.
            var a = Sample(module, inputShape, 3);
            var value = new LayerEmitter(graph).Emit(module, "", inputName, a, out var outA);
            var shapeA = outA.Shape;
            var shapeB = inputShape.Contains(-1) ? module.Forward(Sample(module, inputShape, 5)).Shape : shapeA;
            var dims = new long[shapeA.Length - 1];
            for (int i = 1; i < shapeA.Length; i++) dims[i - 1] = shapeA[i] == shapeB[i] ? shapeA[i] : -1;
            graph.AddOutput(value, outputName, OnnxDataType.Float, dims);
            return dims;
        });
        return graph;
    }

    private static void ThrowIfNotExportable(Module module)
    {
        if (!CanExport(module, out var problems))
            throw new NotSupportedException($"Cannot export the network to ONNX: {string.Join("; ", problems)}");
    }

    private static void Visit(Module module, string path, List<string> problems)
    {
        if (module is Sequential seq)
        {
            for (int i = 0; i < seq.Layers.Count; i++) Visit(seq.Layers[i], path.Length == 0 ? $"{i}" : $"{path}.{i}", problems);
            return;
        }
        var problem = LayerEmitter.Unsupported(module);
        if (problem is not null) problems.Add($"{(path.Length == 0 ? "" : path + " ")}({module.Name}): {problem}");
    }

    private static Module FirstLayer(Module module)
    {
        while (module is Sequential { Layers.Count: > 0 } s) module = s.Layers[0];
        return module;
    }

    // A batch of 2 zero rows (int64 zeros are valid embedding indices); dynamic dimensions get `dynamicSize`.
    private static Tensor Sample(Module module, IReadOnlyList<long> inputShape, long dynamicSize)
    {
        var shape = new long[inputShape.Count + 1];
        shape[0] = 2;
        for (int i = 0; i < inputShape.Count; i++) shape[i + 1] = inputShape[i] == -1 ? dynamicSize : inputShape[i];
        // On the parameters' device, in their floating type (a float64 network takes float64 input).
        var device = Device.Cpu;
        var dtype = ScalarType.Float32;
        var parameters = module.NamedParameters();
        if (parameters.Count > 0)
        {
            device = parameters[0].Tensor.Device;
            if (parameters[0].Tensor.Dtype == ScalarType.Float64) dtype = ScalarType.Float64;
        }
        foreach (var (_, t) in parameters) t.Dispose();
        if (FirstLayer(module) is Embedding) dtype = ScalarType.Int64;
        return Torch.Torch.Zeros(shape, dtype, device);
    }

    private static T WithEvalMode<T>(Module module, Func<T> body)
    {
        var wasTraining = module.IsTraining;
        module.Eval();
        try { return body(); }
        finally { if (wasTraining) module.Train(); }
    }
}
