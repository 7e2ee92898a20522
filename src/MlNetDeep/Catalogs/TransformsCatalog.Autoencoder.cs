using MlNetDeep.Transforms;

namespace MlNetDeep;

public sealed partial class TransformsCatalog
{
    /// <summary>
    /// An autoencoder on the float vector <paramref name="inputColumnName"/> (see <see cref="AutoencoderEstimator"/>): dense hidden
    /// layers of <paramref name="hiddenLayers"/> units down to <paramref name="codeSize"/>, mirrored decoder, sigmoid output (inputs in
    /// [0, 1]); <paramref name="noiseFactor"/> &gt; 0 trains a denoising autoencoder. Adds EncodedFeatures, Reconstruction, ReconstructionError.
    /// </summary>
    public AutoencoderEstimator Autoencoder(string inputColumnName = "Features", int codeSize = 32, int[]? hiddenLayers = null,
        AutoencoderKind kind = AutoencoderKind.Dense, double noiseFactor = 0, int epochs = 20, int batchSize = 64, double learningRate = 1e-3, int? seed = null) =>
        Autoencoder(new AutoencoderOptions
        {
            FeatureColumnName = inputColumnName,
            CodeSize = codeSize,
            HiddenLayers = hiddenLayers ?? new AutoencoderOptions().HiddenLayers,
            Kind = kind,
            NoiseFactor = noiseFactor,
            Epochs = epochs,
            BatchSize = batchSize,
            LearningRate = learningRate,
            Seed = seed,
        });

    /// <summary>An autoencoder with every option (see <see cref="AutoencoderOptions"/>).</summary>
    public AutoencoderEstimator Autoencoder(AutoencoderOptions options) => new(Context, options);
}
