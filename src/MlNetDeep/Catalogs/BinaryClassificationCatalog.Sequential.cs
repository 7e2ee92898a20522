using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class BinaryClassificationCatalog
{
    public sealed partial class BinaryClassificationTrainers
    {
        /// <summary>
        /// A network of the user's own Keras-style <paramref name="layers"/> for BinaryClassification (see <see cref="SequentialTrainer"/>), with
        /// <paramref name="loss"/> (the task's default when Default) and <paramref name="optimizer"/>; <paramref name="inputShape"/> reshapes
        /// each feature vector (e.g. [1, 28, 28] for images).
        /// </summary>
        public SequentialTrainer Sequential(IEnumerable<LayerDef> layers, LossKind loss = LossKind.Default, OptimizerKind optimizer = DeepTrainerOptions.Defaults.Optimizer,
            string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName, string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName,
            long[]? inputShape = null, int epochs = DeepTrainerOptions.Defaults.Epochs, int batchSize = DeepTrainerOptions.Defaults.BatchSize,
            double learningRate = DeepTrainerOptions.Defaults.LearningRate) =>
            Sequential(SequentialOptions.FromArguments(layers, loss, optimizer, labelColumnName, featureColumnName, inputShape, epochs, batchSize, learningRate));

        /// <summary>A network of the user's own layers for BinaryClassification with every option (see <see cref="SequentialOptions"/>).</summary>
        public SequentialTrainer Sequential(SequentialOptions options) => new(Context, DeepTask.BinaryClassification, options);
    }
}
