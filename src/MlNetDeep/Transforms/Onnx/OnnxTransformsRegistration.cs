using System.Runtime.CompilerServices;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>Registers <see cref="OnnxTransformer"/> for model files when the assembly loads, so a saved pipeline with ApplyOnnxModel loads first thing.</summary>
internal static class OnnxTransformsRegistration
{
#pragma warning disable CA2255 // A library module initializer is intended here: registration must precede any model load.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TransformerRegistry.Register("OnnxScoring", 1, OnnxTransformer.Load);
}
