using System.Runtime.CompilerServices;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms.Text;

/// <summary>Registers the text transformers for model files when the assembly loads (so a model can be loaded before any text transform is used).</summary>
internal static class TextTransformsRegistration
{
#pragma warning disable CA2255 // A module initializer is the one place that runs before any Load without editing the shared registry table.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        TransformerRegistry.Register("TextNormalizing", 1, TextNormalizingTransformer.Load);
        TransformerRegistry.Register("WordTokenizing", 1, WordTokenizingTransformer.Load);
        TransformerRegistry.Register("TokenizingByCharacters", 1, TokenizingByCharactersTransformer.Load);
        TransformerRegistry.Register("StopWordsRemoving", 1, StopWordsRemovingTransformer.Load);
        TransformerRegistry.Register("WordStemming", 1, WordStemmingTransformer.Load);
        TransformerRegistry.Register("NgramExtracting", 1, NgramExtractingTransformer.Load);
        TransformerRegistry.Register("TextFeaturizing", 1, TextFeaturizingTransformer.Load);
        TransformerRegistry.Register("TokenSequenceMapping", 1, TokenSequenceMappingTransformer.Load);
    }
}
