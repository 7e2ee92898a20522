using MlNetDeep.Transforms.Onnx;

namespace MlNetDeep;

// ApplyOnnxModel, with ML.NET's overloads (OnnxCatalog.ApplyOnnxModel).
public sealed partial class TransformsCatalog
{
    /// <summary>
    /// Scores rows with the ONNX model in <paramref name="modelFile"/>: every model input is fed from
    /// the column of its name, every model output becomes a column (see <see cref="OnnxScoringEstimator"/>).
    /// <paramref name="gpuDeviceId"/> runs it with CUDA on that device; without CUDA support that fails
    /// clearly, unless <paramref name="fallbackToCpu"/>.
    /// </summary>
    public OnnxScoringEstimator ApplyOnnxModel(string modelFile, int? gpuDeviceId = null, bool fallbackToCpu = false) =>
        new(new OnnxOptions { ModelFile = modelFile, GpuDeviceId = gpuDeviceId, FallbackToCpu = fallbackToCpu });

    /// <summary>Scores rows with a single-input, single-output ONNX model (the names are the model's and the columns').</summary>
    public OnnxScoringEstimator ApplyOnnxModel(string outputColumnName, string inputColumnName, string modelFile, int? gpuDeviceId = null, bool fallbackToCpu = false) =>
        ApplyOnnxModel([outputColumnName], [inputColumnName], modelFile, gpuDeviceId, fallbackToCpu);

    /// <summary>Scores rows with an ONNX model: each input column feeds the model input of its name; the named model outputs become columns.</summary>
    public OnnxScoringEstimator ApplyOnnxModel(string[] outputColumnNames, string[] inputColumnNames, string modelFile, int? gpuDeviceId = null, bool fallbackToCpu = false) =>
        new(new OnnxOptions
        {
            ModelFile = modelFile,
            OutputColumns = Names(outputColumnNames, nameof(outputColumnNames)),
            InputColumns = Names(inputColumnNames, nameof(inputColumnNames)),
            GpuDeviceId = gpuDeviceId,
            FallbackToCpu = fallbackToCpu,
        });

    /// <summary>Scores rows with an ONNX model, with session settings (threads, optimization level, CUDA device, batch size).</summary>
    public OnnxScoringEstimator ApplyOnnxModel(OnnxOptions options) => new(options);

    private static string[] Names(string[] names, string parameter) =>
        names is { Length: > 0 } && names.All(n => !string.IsNullOrEmpty(n)) ? names
            : throw new ArgumentException($"Expected one or more non-empty column names. Received: {parameter}=[{string.Join(", ", names ?? [])}]", parameter);
}
