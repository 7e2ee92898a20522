using MlNetDeep.Data;
using MlNetDeep.Torch;
using MlNetDeep.Transforms;

namespace MlNetDeep.Trainers;

/// <summary>
/// A convolutional network on an image feature column (a float vector with [channels, height, width] dimensions, e.g.
/// <c>LoadFromIdx</c>'s or <c>ExtractPixels</c>' output): <c>ml.MulticlassClassification.Trainers.Cnn(...)</c>,
/// <c>ml.BinaryClassification.Trainers.Cnn(...)</c>, <c>ml.Regression.Trainers.Cnn(...)</c>. The architecture is
/// <see cref="CnnOptions"/>'; outputs are the task's ML.NET columns (see <see cref="DeepPredictionTransformer"/>). When the
/// column carries the <c>AugmentImages</c> annotation, training batches (only) are augmented, reproducibly per epoch and batch.
/// The trained model's visualisations are <see cref="CnnVisualization"/>'s.
/// </summary>
public sealed class CnnTrainer : DeepTrainer
{
    internal CnnTrainer(MLContext context, DeepTask task, CnnOptions options) : base(context, task, options) => CnnOptions = options;

    /// <summary>The options.</summary>
    public CnnOptions CnnOptions { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<LayerSpec> Architecture(int outputUnits) => CnnOptions.Layers(outputUnits);

    /// <inheritdoc/>
    protected override long[] InputShape(DataViewSchema.Column featureColumn, int featureSize)
    {
        IReadOnlyList<int> dims = featureColumn.Type is VectorDataViewType v ? v.Dimensions : [];
        if (dims.Count != 3 || dims.Any(d => d < 1))
            throw new ArgumentOutOfRangeException(nameof(featureColumn),
                $"{Name}: feature column '{featureColumn.Name}' has dimensions [{string.Join(", ", dims)}]; expected an image vector with [channels, height, width] dimensions (LoadFromIdx or ExtractPixels output).");
        return [dims[0], dims[1], dims[2]];
    }

    /// <inheritdoc/>
    protected override Func<Tensor, int, long, Tensor>? BatchAugmentation(DataViewSchema.Column featureColumn)
    {
        if (!CnnOptions.UseAugmentation) return null;
        var augmenting = ImageAugmentingTransformer.FromColumn(featureColumn);
        return augmenting is null ? null : augmenting.Augment;
    }
}
