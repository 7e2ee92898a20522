using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class BinaryClassificationCatalog
{
    public sealed partial class BinaryClassificationTrainers
    {
        /// <summary>
        /// A dense neural network for BinaryClassification (see <see cref="AnnTrainer"/>): hidden layers of <paramref name="hiddenLayers"/> units
        /// with <paramref name="activation"/> (ReLU when null), trained with Adam.
        /// </summary>
        public AnnTrainer Ann(string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName,
            string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null,
            int epochs = DeepTrainerOptions.Defaults.Epochs, int batchSize = DeepTrainerOptions.Defaults.BatchSize,
            double learningRate = DeepTrainerOptions.Defaults.LearningRate, MlNetDeep.Torch.Nn.ActivationKind? activation = null) =>
            Ann(AnnOptions.FromArguments(labelColumnName, featureColumnName, hiddenLayers, epochs, batchSize, learningRate, activation));

        /// <summary>A dense neural network for BinaryClassification with every option (see <see cref="AnnOptions"/>).</summary>
        public AnnTrainer Ann(AnnOptions options) => new(Context, DeepTask.BinaryClassification, options);
    }
}
