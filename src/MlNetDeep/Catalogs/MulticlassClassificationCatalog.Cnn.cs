using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class MulticlassClassificationCatalog
{
    public sealed partial class MulticlassClassificationTrainers
    {
        /// <summary>
        /// A convolutional network for MulticlassClassification on an image column with [channels, height, width] dimensions (see <see cref="CnnTrainer"/>):
        /// the TensorFlow tutorial CNN by default, or <paramref name="convBlocks"/> and <paramref name="denseLayers"/>, trained with Adam.
        /// </summary>
        public CnnTrainer Cnn(string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName,
            string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName, ConvBlock[]? convBlocks = null, int[]? denseLayers = null,
            int epochs = DeepTrainerOptions.Defaults.Epochs, int batchSize = DeepTrainerOptions.Defaults.BatchSize,
            double learningRate = DeepTrainerOptions.Defaults.LearningRate, bool batchNormalization = false, double dropout = 0) =>
            Cnn(CnnOptions.FromArguments(labelColumnName, featureColumnName, convBlocks, denseLayers, epochs, batchSize, learningRate, batchNormalization, dropout));

        /// <summary>A convolutional network for MulticlassClassification with every option (see <see cref="CnnOptions"/>).</summary>
        public CnnTrainer Cnn(CnnOptions options) => new(Context, DeepTask.MulticlassClassification, options);
    }
}
