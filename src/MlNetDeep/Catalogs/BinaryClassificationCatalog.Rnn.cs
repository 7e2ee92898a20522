using MlNetDeep.Trainers;

namespace MlNetDeep;

public sealed partial class BinaryClassificationCatalog
{
    public sealed partial class BinaryClassificationTrainers
    {
        /// <summary>
        /// A recurrent network for BinaryClassification (see <see cref="RnnTrainer"/>): a <paramref name="cell"/> stack of <paramref name="layers"/>
        /// layers of <paramref name="hiddenSize"/> units on token ids (through an embedding) or on a numeric window, trained with Adam.
        /// </summary>
        public RnnTrainer Rnn(string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName,
            string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName, RecurrentCell cell = RecurrentCell.Lstm,
            int hiddenSize = 64, int layers = 1, bool bidirectional = false, double dropout = 0,
            int epochs = DeepTrainerOptions.Defaults.Epochs, int batchSize = DeepTrainerOptions.Defaults.BatchSize,
            double learningRate = DeepTrainerOptions.Defaults.LearningRate) =>
            Rnn(RnnOptions.FromArguments(labelColumnName, featureColumnName, cell, hiddenSize, layers, bidirectional, dropout, epochs, batchSize, learningRate));

        /// <summary>A recurrent network for BinaryClassification with every option (see <see cref="RnnOptions"/>).</summary>
        public RnnTrainer Rnn(RnnOptions options) => new(Context, DeepTask.BinaryClassification, options);

        /// <summary>
        /// A convolutional text network for BinaryClassification (see <see cref="TextCnnTrainer"/>): <paramref name="filters"/> filters of
        /// <paramref name="kernelSize"/> tokens over an embedding, max over time, dropout, trained with Adam.
        /// </summary>
        public TextCnnTrainer TextCnn(string labelColumnName = DeepTrainerOptions.Defaults.LabelColumnName,
            string featureColumnName = DeepTrainerOptions.Defaults.FeatureColumnName, int filters = 100, int kernelSize = 3,
            int embeddingDimension = 64, double dropout = 0.5, int epochs = DeepTrainerOptions.Defaults.Epochs,
            int batchSize = DeepTrainerOptions.Defaults.BatchSize, double learningRate = DeepTrainerOptions.Defaults.LearningRate) =>
            TextCnn(TextCnnOptions.FromArguments(labelColumnName, featureColumnName, filters, kernelSize, embeddingDimension, dropout, epochs, batchSize, learningRate));

        /// <summary>A convolutional text network for BinaryClassification with every option (see <see cref="TextCnnOptions"/>).</summary>
        public TextCnnTrainer TextCnn(TextCnnOptions options) => new(Context, DeepTask.BinaryClassification, options);
    }
}
