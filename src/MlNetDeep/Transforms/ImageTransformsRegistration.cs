using System.Runtime.CompilerServices;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>Registers the image transformers for model files when the assembly loads, so a model can be loaded before any image transform was built.</summary>
internal static class ImageTransformsRegistration
{
#pragma warning disable CA2255 // A library module initializer is intended here: registration must precede any model load.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        TransformerRegistry.Register("ImageLoading", 1, ImageLoadingTransformer.Load);
        TransformerRegistry.Register("ImageResizing", 1, ImageResizingTransformer.Load);
        TransformerRegistry.Register("ImagePixelExtracting", 1, ImagePixelExtractingTransformer.Load);
        TransformerRegistry.Register("ImageAugmenting", 1, ImageAugmentingTransformer.Load);
    }
}
