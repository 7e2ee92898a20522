using MlNetDeep.Data;

namespace MlNetDeep.Trainers;

/// <summary>
/// A recurrent network (LSTM, GRU or RNN) on a sequence <c>Features</c> column: <c>ml.BinaryClassification.Trainers.Rnn(...)</c>,
/// <c>ml.MulticlassClassification.Trainers.Rnn(...)</c>, <c>ml.Regression.Trainers.Rnn(...)</c>. Int64 token ids (MapTokensToSequence)
/// go through an embedding; a float vector of T values (CreateWindows) is read as T steps of one value, for forecasting.
/// Outputs the task's ML.NET columns (see <see cref="DeepPredictionTransformer"/>).
/// </summary>
public sealed class RnnTrainer : DeepTrainer
{
    private int? _vocabulary;

    internal RnnTrainer(MLContext context, DeepTask task, RnnOptions options) : base(context, task, options) => RnnOptions = options;

    /// <summary>The options.</summary>
    public RnnOptions RnnOptions { get; }

    private protected override void Inspect(DataViewSchema schema)
    {
        var c = schema[RnnOptions.FeatureColumnName];
        var ids = c.Type is VectorDataViewType { ItemType: var t } && t == NumberDataViewType.Int64;
        _vocabulary = !ids ? null : RnnOptions.VocabularySize ?? TokenIdFeatures.VocabularySize(c, Name);
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<LayerSpec> Architecture(int outputUnits) => RnnOptions.Specs(_vocabulary, outputUnits);

    /// <inheritdoc/>
    protected override long[] InputShape(int featureSize) => _vocabulary is null ? [featureSize, 1] : [featureSize];
}
