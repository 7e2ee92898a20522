namespace MlNetDeep.Trainers;

/// <summary>
/// A dense neural network (multi-layer perceptron) on a float vector <c>Features</c> column:
/// <c>ml.BinaryClassification.Trainers.Ann(...)</c>, <c>ml.MulticlassClassification.Trainers.Ann(...)</c>,
/// <c>ml.Regression.Trainers.Ann(...)</c>. Needs training data; outputs the task's ML.NET columns
/// (see <see cref="DeepPredictionTransformer"/>). The architecture is <see cref="AnnOptions.Layers"/>.
/// </summary>
public sealed class AnnTrainer : DeepTrainer
{
    internal AnnTrainer(MLContext context, DeepTask task, AnnOptions options) : base(context, task, options) => AnnOptions = options;

    /// <summary>The options.</summary>
    public AnnOptions AnnOptions { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<LayerSpec> Architecture(int outputUnits) => AnnOptions.Layers(outputUnits);
}
