using MlNetDeep.Data;
using MlNetDeep.Torch;
using MlNetDeep.Training;
using MlNetDeep.Trainers;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Autoencoder(...)</c>: trains a network to reproduce its input through a narrow code (dense or convolutional
/// encoder, see <see cref="AutoencoderKind"/>; denoising with <see cref="AutoencoderOptions.NoiseFactor"/>) with the one
/// <see cref="TrainingLoop"/> and the mean squared error, and returns an <see cref="AutoencoderTransformer"/> adding the code,
/// the reconstruction and the per-row reconstruction error. Deterministic for a given seed on the CPU.
/// </summary>
public sealed class AutoencoderEstimator : IEstimator<AutoencoderTransformer>
{
    private readonly MLContext _context;

    internal AutoencoderEstimator(MLContext context, AutoencoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _context = context;
        Options = options;
        AutoencoderTransformer.EnsureRegistered();
    }

    /// <summary>The options.</summary>
    public AutoencoderOptions Options { get; }

    /// <inheritdoc/>
    public AutoencoderTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Options.Validate();
        var device = Options.ParseDevice();
        TorchApi.EnsureAvailable(device);
        var size = TrainingTable.FeatureSizeOf(input.Schema, Options.FeatureColumnName, nameof(AutoencoderEstimator));
        var network = AutoencoderNetwork.From(Options, size);
        var seed = (ulong)(uint)_context.ResolveSeed(Options.Seed);
        var (values, rows) = ReadFeatures(input, Options.FeatureColumnName);
        if (rows == 0) throw new ArgumentException($"{nameof(AutoencoderEstimator)}: expected at least one training row. Received: 0 rows.", nameof(input));
        float[]? validation = null;
        long validationRows = 0;
        if (Options.ValidationData is { } v)
        {
            var vs = TrainingTable.FeatureSizeOf(v.Schema, Options.FeatureColumnName, nameof(AutoencoderEstimator));
            if (vs != size) throw new ArgumentOutOfRangeException(nameof(input), $"{nameof(AutoencoderEstimator)}: validation column '{Options.FeatureColumnName}' has {vs} features; the training data has {size}.");
            (validation, validationRows) = ReadFeatures(v, Options.FeatureColumnName);
        }

        TorchApi.ManualSeed(seed);
        var module = network.Build(Options.Initializer);
        var training = Options.ToTrainingOptions(DeepTask.Regression, seed);
        try
        {
            using var scope = TorchApi.NewDisposeScope();
            var clean = TorchApi.Tensor(values, new long[] { rows, size });
            var x = clean;
            if (Options.NoiseFactor > 0)
            {
                // Noise drawn after the weights from the same seed: the same fit gives the same noisy inputs.
                var min = values.Min();
                var max = values.Max();
                x = clean.Add(TorchApi.Randn([rows, size]).Mul(Options.NoiseFactor)).Clamp(min, max);
            }
            long[] batchShape = [rows, .. network.InputShape];
            var vx = validation is null ? null : TorchApi.Tensor(validation, new long[] { validationRows, size });
            var history = TrainingLoop.Fit(module, x.Reshape(batchShape), clean, training,
                vx?.Reshape([validationRows, .. network.InputShape]), vx, Options.CancellationToken);
            if (device != Device.Cpu) module.To(Device.Cpu);
            module.Eval();
            return new AutoencoderTransformer(module, network, Options.FeatureColumnName, Options.EncodedColumnName,
                Options.ReconstructionColumnName, Options.ErrorColumnName, history);
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

    // The column's rows as one row-major array; a missing value (NaN) fails naming the row.
    internal static (float[] Values, long Rows) ReadFeatures(IDataView data, string column)
    {
        var col = data.Schema[column];
        var values = new List<float>();
        long rows = 0;
        using var cursor = data.GetRowCursor([col]);
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            foreach (var f in buffer.DenseValues())
            {
                if (float.IsNaN(f)) throw new ArgumentException($"{nameof(AutoencoderEstimator)}: column '{column}' has a missing value (NaN) in row {rows}.", nameof(data));
                values.Add(f);
            }
            rows++;
        }
        return (values.ToArray(), rows);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        TrainingTable.CheckFeatureShape(inputSchema, Options.FeatureColumnName, nameof(AutoencoderEstimator));
        var single = NumberDataViewType.Single;
        SchemaShape.Column[] added =
        [
            new(Options.EncodedColumnName, SchemaShape.VectorKind.Vector, single, false, []),
            new(Options.ReconstructionColumnName, SchemaShape.VectorKind.Vector, single, false, []),
            new(Options.ErrorColumnName, SchemaShape.VectorKind.Scalar, single, false, []),
        ];
        return new SchemaShape(inputSchema.Where(c => added.All(a => a.Name != c.Name)).Concat(added));
    }
}
