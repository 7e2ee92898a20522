using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Training;

/// <summary>
/// The one training loop every deep trainer uses: trains a <see cref="Module"/> on in-memory
/// tensors (features X [N, ...], targets Y [N, ...]) with the given <see cref="TrainingOptions"/>
/// and callbacks, and returns the <see cref="History"/>.
/// <para>
/// Per epoch: one shuffle of the rows (a single <c>index_select</c>, from a generator seeded
/// once per fit), then per batch a narrow view of it, forward, loss (+ class weights, + L1/L2),
/// backward, clipping, optimizer step — inside a dispose scope, all in native memory. Training
/// loss and metric are averaged over the epoch's batches (per row); validation loss and metric
/// are computed afterwards over the whole validation set, in eval mode without gradients.
/// </para>
/// </summary>
/// <example>
/// <code>
/// Torch.ManualSeed(42);
/// using var net = new Sequential(new Linear(11, 7), new Activation(ActivationKind.Relu), new Linear(7, 1));
/// using var loss = new BCEWithLogitsLoss();
/// using var stop = new EarlyStopping(patience: 20, restoreBestWeights: true);
/// var history = TrainingLoop.Fit(net, x, y, new TrainingOptions
/// {
///     Loss = loss, Epochs = 100, BatchSize = 10, ValidationFraction = 0.33, Seed = 42,
///     Optimizer = p =&gt; new Adam(p, lr: 0.01), Callbacks = { stop },
/// });
/// SvgPlot.Save(SvgPlot.LearningCurves(history), "curves.svg");
/// </code>
/// </example>
public static class TrainingLoop
{
    /// <summary>
    /// Trains <paramref name="model"/> in place. Validation data is <paramref name="validationX"/>/<paramref name="validationY"/>
    /// when given, else the last <see cref="TrainingOptions.ValidationFraction"/> of the rows. The model is moved to
    /// <see cref="TrainingOptions.Device"/> (an unavailable device throws) and left there, in evaluation mode.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled; checked before every batch.</exception>
    public static History Fit(Module model, Tensor x, Tensor y, TrainingOptions options, Tensor? validationX = null, Tensor? validationY = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if ((validationX is null) != (validationY is null))
            throw new ArgumentException($"Expected both validation features and targets, or neither. Received: validationX={(validationX is null ? "null" : "a tensor")}, " +
                $"validationY={(validationY is null ? "null" : "a tensor")}.", validationX is null ? nameof(validationX) : nameof(validationY));
        TorchApi.EnsureAvailable(options.Device);

        using var scope = TorchApi.NewDisposeScope();
        using var run = new TrainingRun(model, x, y, options, validationX, validationY);
        return run.Fit(cancellationToken);
    }

    /// <summary>
    /// The loss and the task's metric of <paramref name="model"/> over all rows of (<paramref name="x"/>, <paramref name="y"/>),
    /// in evaluation mode without gradients, <paramref name="batchSize"/> rows per forward pass: { "loss": ..., "accuracy" | "mae": ... }.
    /// The loss is the per-row mean (batch means weighted by batch size; batch sums divided by the row count).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Evaluate(Module model, Tensor x, Tensor y, Loss loss, TrainingTask? task = null,
        int batchSize = TrainingOptions.Defaults.EvaluationBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(loss);
        if (batchSize < 1) throw TrainingOptions.Fail(nameof(batchSize), batchSize, "at least 1");
        var rows = CheckRows(x, y, nameof(y));
        var metric = new TaskMetric(task ?? TaskMetric.Infer(loss), y, rows);
        var (lossValue, metricValue) = EvaluateCore(model, x, y, loss, metric, rows, batchSize);
        return new Dictionary<string, double> { ["loss"] = lossValue, [metric.Name] = metricValue };
    }

    internal static (double Loss, double Metric) EvaluateCore(Module model, Tensor x, Tensor y, Loss loss, TaskMetric metric, long rows, int batchSize)
    {
        model.Eval();
        using var noGrad = TorchApi.NoGrad();
        double lossSum = 0, metricSum = 0;
        for (long start = 0; start < rows; start += batchSize)
        {
            using var scope = TorchApi.NewDisposeScope();
            var n = Math.Min(batchSize, rows - start);
            var xb = x.Narrow(0, start, n);
            var yb = y.Narrow(0, start, n);
            var output = model.Forward(xb);
            var l = loss.Compute(output, yb).Item();
            lossSum += loss.Reduction == Reduction.Mean ? l * n : l;
            metricSum += metric.BatchSum(output, yb).Item();
        }
        return (lossSum / rows, metricSum / (rows * metric.UnitsPerRow));
    }

    internal static long CheckRows(Tensor x, Tensor y, string yName)
    {
        if (x.Dim < 1) throw new ArgumentException($"Expected features with a row dimension. Received: a 0-d tensor.", nameof(x));
        if (y.Dim < 1) throw new ArgumentException($"Expected targets with a row dimension. Received: a 0-d tensor.", yName);
        var rows = x.Size(0);
        if (y.Size(0) != rows)
            throw new ArgumentException($"Expected as many targets as feature rows ({rows}). Received: {yName} with {y.Size(0)} rows.", yName);
        if (rows == 0) throw new ArgumentException("Expected at least one row. Received: 0 rows.", nameof(x));
        return rows;
    }
}
