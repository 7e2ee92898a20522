namespace MlNetDeep.Trainers;

/// <summary>
/// A network described Keras-style by the user (<c>ml.MulticlassClassification.Trainers.Sequential(new[] { Layers.Dense(64, "relu"),
/// Layers.Dropout(0.2), Layers.Dense(10) })</c>, also for binary classification and regression), trained with the shared loop, loss
/// and optimizer options. Saved with the model like every deep trainer (the stack is stored as data).
/// </summary>
public sealed class SequentialTrainer : DeepTrainer
{
    internal SequentialTrainer(MLContext context, DeepTask task, SequentialOptions options) : base(context, task, options) => SequentialOptions = options;

    /// <summary>The options.</summary>
    public SequentialOptions SequentialOptions { get; }

    private long[]? _shape;

    /// <inheritdoc/>
    protected override long[] InputShape(int featureSize)
    {
        var shape = SequentialOptions.InputShape ?? [featureSize];
        if (shape.Aggregate(1L, (a, b) => a * b) != featureSize)
            throw new ArgumentException($"Expected an input shape of {featureSize} values. Received: InputShape=[{string.Join(", ", shape)}].", nameof(featureSize));
        return _shape = shape;
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<LayerSpec> Architecture(int outputUnits)
    {
        var stack = SequentialOptions.TrainableStack(Task);
        var shape = _shape ?? SequentialOptions.InputShape ?? throw new InvalidOperationException("The input shape is set at fit.");
        // Built once here to check the output size before training (disposed; the trainer builds the network again from the spec).
        var (network, output) = SequentialNetwork.Build(stack, shape);
        network.Dispose();
        if (output.Length != 1 || output[0] != outputUnits)
            throw new ArgumentException($"Expected the last layer to output {outputUnits} value(s) per example for {Task}. Received: output shape [{string.Join(", ", output)}].", "Layers");
        return [new LayerSpec { Kind = LayerSpec.KerasStack, Stack = stack, StackInputShape = shape }];
    }
}
