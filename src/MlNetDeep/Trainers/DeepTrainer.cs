using MlNetDeep.Data;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Trainers;

/// <summary>
/// The estimator every deep trainer is: <see cref="Fit"/> validates the options, reads the label and feature columns into tensors
/// once (<see cref="TrainingTable"/>), seeds libtorch, builds the network from <see cref="Architecture"/> (<see cref="NetworkBuilder"/>),
/// trains it with the one <see cref="TrainingLoop"/> and returns a <see cref="DeepPredictionTransformer"/> owning it.
/// A new trainer derives from it and supplies the architecture and the input shape; everything else is shared.
/// </summary>
public abstract class DeepTrainer : IEstimator<DeepPredictionTransformer>
{
    private readonly MLContext _context;

    private protected DeepTrainer(MLContext context, DeepTask task, DeepTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(task)) throw new ArgumentOutOfRangeException(nameof(task), $"Expected a DeepTask. Received: task={task}.");
        options.Validate();
        _context = context;
        Task = task;
        Options = options;
        DeepPredictionTransformer.EnsureRegistered();
    }

    /// <summary>What the trainer predicts.</summary>
    public DeepTask Task { get; }

    /// <summary>The options (validated when the trainer was made and again at fit).</summary>
    public DeepTrainerOptions Options { get; }

    /// <summary>The trainer's name in error messages.</summary>
    protected virtual string Name => GetType().Name;

    /// <summary>The layers for <paramref name="outputUnits"/> outputs (1 for binary and regression, the class count for multiclass).</summary>
    protected abstract IReadOnlyList<LayerSpec> Architecture(int outputUnits);

    /// <summary>The shape of one example (no batch dimension) for a feature vector of <paramref name="featureSize"/> values.</summary>
    protected virtual long[] InputShape(int featureSize) => [featureSize];

    /// <summary>The shape of one example read from <paramref name="featureColumn"/> (by default <see cref="InputShape(int)"/>).</summary>
    protected virtual long[] InputShape(DataViewSchema.Column featureColumn, int featureSize) => InputShape(featureSize);

    /// <summary>What to apply to each training batch (batch, epoch, batch index) given the feature column; null for nothing.</summary>
    protected virtual Func<Tensor, int, long, Tensor>? BatchAugmentation(DataViewSchema.Column featureColumn) => null;

    /// <summary>Called at the start of every fit with the training schema, before <see cref="Architecture"/> and <see cref="InputShape(int)"/>.</summary>
    private protected virtual void Inspect(DataViewSchema schema) { }

    /// <inheritdoc/>
    public DeepPredictionTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Options.Validate();
        TrainingTable.FeatureSizeOf(input.Schema, Options.FeatureColumnName, Name);
        Inspect(input.Schema);
        var device = Options.ParseDevice();
        TorchApi.EnsureAvailable(device);
        using var table = TrainingTable.Load(input, Options.FeatureColumnName, Options.LabelColumnName, Task, Name);
        using var validation = Options.ValidationData is { } v
            ? TrainingTable.Load(v, Options.FeatureColumnName, Options.LabelColumnName, Task, Name, table.Labels, table.FeatureSize)
            : null;
        var seed = (ulong)(uint)_context.ResolveSeed(Options.Seed);
        var outputs = Task == DeepTask.MulticlassClassification ? table.Labels.ClassCount : 1;
        var featureColumn = input.Schema[Options.FeatureColumnName];
        // Transfer learning takes the initial model's architecture (head resized) instead of this trainer's.
        var (layers, shape) = Options.InitialModel is { } initial
            ? TransferLearning.Architecture(initial.Model, outputs, table.FeatureSize, Name)
            : InputShapeThenArchitecture(featureColumn, table.FeatureSize, outputs);

        TorchApi.ManualSeed(seed);
        var module = NetworkBuilder.Build(layers, shape, Options.Initializer);
        if (Options.InitialModel is { } start) TransferLearning.Prepare(start.Model.Module, module, Options);
        var training = Options.ToTrainingOptions(Task, seed);
        training.AugmentBatch = BatchAugmentation(featureColumn);
        var inputs = new List<Tensor>();
        try
        {
            var x = table.Features;
            var vx = validation?.Features;
            if (shape.Length > 1)
            {
                x = Keep(x.Reshape([table.Rows, .. shape]))!;
                vx = Keep(vx?.Reshape([validation!.Rows, .. shape]));
            }
            if (NetworkBuilder.TakesTokenIds(layers))
            {
                x = Keep(x.To(ScalarType.Int64))!;
                vx = Keep(vx?.To(ScalarType.Int64));
            }
            var history = TrainingLoop.Fit(module, x, table.Targets, training, vx, validation?.Targets, Options.CancellationToken);
            if (device != Device.Cpu) module.To(Device.Cpu);
            module.Eval();
            return new DeepPredictionTransformer(new DeepModelParameters(Task, module, layers, shape, table.Labels, history), Options.FeatureColumnName);
        }
        catch
        {
            module.Dispose();
            throw;
        }
        finally
        {
            training.Loss?.Dispose();
            foreach (var t in inputs) t.Dispose();
        }

        // Reshaped views and Int64 copies of the features live only for the fit.
        Tensor? Keep(Tensor? t)
        {
            if (t is not null) inputs.Add(t);
            return t;
        }
    }

    private (IReadOnlyList<LayerSpec>, long[]) InputShapeThenArchitecture(DataViewSchema.Column featureColumn, int featureSize, int outputs)
    {
        var shape = InputShape(featureColumn, featureSize);
        return (Architecture(outputs), shape);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TrainingTable.CheckFeatureShape(inputSchema, Options.FeatureColumnName, Name);
        var label = LabelMapping.CheckShape(inputSchema, Options.LabelColumnName, Task, Name);
        var single = NumberDataViewType.Single;
        SchemaShape.Column[] added = Task switch
        {
            DeepTask.BinaryClassification =>
            [
                new("Score", SchemaShape.VectorKind.Scalar, single, false, []),
                new("Probability", SchemaShape.VectorKind.Scalar, single, false, []),
                new("PredictedLabel", SchemaShape.VectorKind.Scalar, BooleanDataViewType.Instance, false, []),
            ],
            DeepTask.MulticlassClassification =>
            [
                new("Score", SchemaShape.VectorKind.Vector, single, false, []),
                new("PredictedLabel", SchemaShape.VectorKind.Scalar, NumberDataViewType.UInt32, true,
                    label.ItemType is TextDataViewType || label.KeyValuesItemType is TextDataViewType ? [AnnotationUtils.Kinds.KeyValues] : [],
                    label.ItemType is TextDataViewType || label.KeyValuesItemType is TextDataViewType ? TextDataViewType.Instance : null),
            ],
            _ => [new("Score", SchemaShape.VectorKind.Scalar, single, false, [])],
        };
        return new SchemaShape(inputSchema.Where(c => added.All(a => a.Name != c.Name)).Concat(added));
    }
}
