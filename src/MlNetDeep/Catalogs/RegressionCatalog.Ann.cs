using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class RegressionCatalog
{
    public sealed partial class RegressionTrainers
    {
        /// <summary>
        /// A dense neural network for Regression (see <see cref="AnnTrainer"/>): hidden layers of <paramref name="hiddenLayers"/> units
        /// with <paramref name="activation"/> (ReLU when null), trained with Adam.
        /// </summary>
        public AnnTrainer Ann(string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName,
            string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName, int[]? hiddenLayers = null,
            int epochs = DeepTrainerOptions.Defaults.Epochs, int batchSize = DeepTrainerOptions.Defaults.BatchSize,
            double learningRate = DeepTrainerOptions.Defaults.LearningRate, MlNetDeep.Torch.Nn.ActivationKind? activation = null) =>
            Ann(new AnnOptions
            {
                LabelColumnName = labelColumnName,
                FeatureColumnName = featureColumnName,
                HiddenLayers = hiddenLayers ?? new AnnOptions().HiddenLayers,
                Epochs = epochs,
                BatchSize = batchSize,
                LearningRate = learningRate,
                Activation = activation ?? MlNetDeep.Torch.Nn.ActivationKind.Relu,
            });

        /// <summary>A dense neural network for Regression with every option (see <see cref="AnnOptions"/>).</summary>
        public AnnTrainer Ann(AnnOptions options) => new(Context, DeepTask.Regression, options);
    }
}
