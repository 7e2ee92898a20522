using System.Runtime.CompilerServices;
using MlNetDeep.Model;

namespace MlNetDeep.Trainers;

/// <summary>Registers the k-means transformer for model files when the assembly loads, so a saved model loads before any trainer was built.</summary>
internal static class KMeansRegistration
{
#pragma warning disable CA2255 // A library module initializer is intended here: registration must precede any model load.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        TransformerRegistry.Register("KMeansClustering", 1, ctx =>
        {
            var (model, feature) = KMeansModelParameters.Load(ctx);
            return new ClusteringPredictionTransformer<KMeansModelParameters>(model, feature);
        });
}
