using MlNetDeep.Data;

namespace MlNetDeep.Trainers;

/// <summary>
/// A convolutional text classifier (Kim 2014, one kernel size) on Int64 token ids (MapTokensToSequence):
/// <c>ml.BinaryClassification.Trainers.TextCnn(...)</c>, <c>ml.MulticlassClassification.Trainers.TextCnn(...)</c>,
/// <c>ml.Regression.Trainers.TextCnn(...)</c>. The architecture is <see cref="TextCnnOptions"/>'s.
/// </summary>
public sealed class TextCnnTrainer : DeepTrainer
{
    private int _vocabulary;

    internal TextCnnTrainer(MLContext context, DeepTask task, TextCnnOptions options) : base(context, task, options) => TextCnnOptions = options;

    /// <summary>The options.</summary>
    public TextCnnOptions TextCnnOptions { get; }

    private protected override void Inspect(DataViewSchema schema)
    {
        var c = schema[TextCnnOptions.FeatureColumnName];
        if (c.Type is not VectorDataViewType { ItemType: var t, Size: var size } || t != NumberDataViewType.Int64)
            throw new ArgumentOutOfRangeException(nameof(schema), $"{Name}: feature column '{c.Name}' has type {c.Type}; expected an Int64 token id vector (MapTokensToSequence).");
        if (size < TextCnnOptions.KernelSize)
            throw new ArgumentOutOfRangeException(nameof(schema), $"{Name}: expected sequences at least KernelSize={TextCnnOptions.KernelSize} tokens long. Received: {size} tokens in '{c.Name}'.");
        _vocabulary = TextCnnOptions.VocabularySize ?? TokenIdFeatures.VocabularySize(c, Name);
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<LayerSpec> Architecture(int outputUnits) => TextCnnOptions.Specs(_vocabulary, outputUnits);

    /// <inheritdoc/>
    protected override long[] InputShape(int featureSize) => [1, featureSize];
}
