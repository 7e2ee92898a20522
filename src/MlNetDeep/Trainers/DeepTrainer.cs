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

    /// <inheritdoc/>
    public DeepPredictionTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Options.Validate();
        var device = Options.ParseDevice();
        TorchApi.EnsureAvailable(device);
        using var table = TrainingTable.Load(input, Options.FeatureColumnName, Options.LabelColumnName, Task, Name);
        using var validation = Options.ValidationData is { } v
            ? TrainingTable.Load(v, Options.FeatureColumnName, Options.LabelColumnName, Task, Name, table.Labels, table.FeatureSize)
            : null;
        var seed = (ulong)(uint)_context.ResolveSeed(Options.Seed);
        var outputs = Task == DeepTask.MulticlassClassification ? table.Labels.ClassCount : 1;
        // Transfer learning takes the initial model's architecture (head resized) instead of this trainer's.
        var (layers, shape) = Options.InitialModel is { } initial
            ? TransferLearning.Architecture(initial.Model, outputs, table.FeatureSize, Name)
            : (InputShapeThenArchitecture(table.FeatureSize, outputs));

        TorchApi.ManualSeed(seed);
        var module = NetworkBuilder.Build(layers, table.FeatureSize, Options.Initializer);
        if (Options.InitialModel is { } start) TransferLearning.Prepare(start.Model.Module, module, Options);
        var training = Options.ToTrainingOptions(Task, seed);
        try
        {
            var x = table.Features;
            if (shape.Length > 1) x = x.Reshape([table.Rows, .. shape]);
            var validationX = validation?.Features;
            // An Embedding first takes int64 token ids; the feature column holds them as floats.
            using var ids = NetworkBuilder.TakesTokenIds(layers) ? x.To(ScalarType.Int64) : null;
            using var validationIds = ids is not null ? validationX?.To(ScalarType.Int64) : null;
            var history = TrainingLoop.Fit(module, ids ?? x, table.Targets, training, validationIds ?? validationX, validation?.Targets, Options.CancellationToken);
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
        }
    }

    private (IReadOnlyList<LayerSpec>, long[]) InputShapeThenArchitecture(int featureSize, int outputs)
    {
        var shape = InputShape(featureSize);
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
