using System.Diagnostics;
using System.Globalization;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Training;

/// <summary>One fit of <see cref="TrainingLoop"/>: its data on the device, optimizer, accumulators and diagnostics.
/// Every tensor it creates lives in the fit's dispose scope.</summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly Module _model;
    private readonly TrainingOptions _options;
    private readonly Loss _loss;
    private readonly Loss? _unreducedLoss; // for class weights
    private readonly TaskMetric _metric;
    private readonly Device _device;
    private readonly Tensor _x, _y;
    private readonly Tensor? _sampleWeights;
    private readonly Tensor? _validationX, _validationY;
    private readonly long _rows, _validationRows;
    private readonly int _batchSize, _steps;
    private readonly List<(string Name, Tensor Tensor)> _trainable;
    private readonly List<Tensor> _weights; // trainable parameters with ≥ 2 dimensions: regularized, watched for vanishing gradients
    private readonly Optimizer _optimizer;
    private readonly LRScheduler? _schedule;
    private readonly MlNetDeep.Torch.Optim.ReduceLROnPlateau? _plateau;
    private readonly EpochReporter _reporter;
    private readonly History _history = new();
    private readonly HashSet<string> _warnedVanishing = new();

    public TrainingRun(Module model, Tensor x, Tensor y, TrainingOptions options, Tensor? validationX, Tensor? validationY)
    {
        _model = model;
        _options = options;
        _loss = options.Loss!;
        _device = options.Device;
        var rows = TrainingLoop.CheckRows(x, y, nameof(y));

        // Move the model (keeping its floating-point type) and the data to the device.
        var named = model.NamedParameters();
        if (named.Count > 0 && named[0].Tensor.Device != _device) model.To(_device, named[0].Tensor.Dtype);
        foreach (var (_, t) in named) t.Dispose();
        x = OnDevice(x);
        y = OnDevice(y);

        if (validationX is not null && validationY is not null)
        {
            _validationRows = TrainingLoop.CheckRows(validationX, validationY, nameof(validationY));
            _validationX = OnDevice(validationX);
            _validationY = OnDevice(validationY);
        }
        else if (options.ValidationFraction > 0)
        {
            // Keras' validation_split: the last rows, before any shuffling.
            var split = (long)Math.Floor(rows * (1 - options.ValidationFraction));
            if (split < 1 || split >= rows)
                throw TrainingOptions.Fail(nameof(options.ValidationFraction), options.ValidationFraction, $"a fraction leaving rows for both training and validation out of {rows} rows");
            _validationX = x.Narrow(0, split, rows - split);
            _validationY = y.Narrow(0, split, rows - split);
            _validationRows = rows - split;
            x = x.Narrow(0, 0, split);
            y = y.Narrow(0, 0, split);
            rows = split;
        }
        _x = x;
        _y = y;
        _rows = rows;
        _metric = new TaskMetric(options.Task ?? TaskMetric.Infer(_loss), y, rows);
        _batchSize = (int)Math.Min(options.BatchSize, rows);
        _steps = (int)((rows + _batchSize - 1) / _batchSize);

        if (options.ClassWeights is { } classWeights)
        {
            _unreducedLoss = Unreduced(_loss);
            _sampleWeights = SampleWeights(classWeights, y);
        }

        _trainable = model.NamedParameters().Where(p => p.Tensor.RequiresGrad).ToList();
        if (_trainable.Count == 0)
            throw new ArgumentException($"Expected a model with at least one trainable parameter. Received: a {model.Name} whose parameters are all frozen or absent.", nameof(model));
        _weights = _trainable.Where(p => p.Tensor.Dim >= 2).Select(p => p.Tensor).ToList();
        _optimizer = options.Optimizer(_trainable.Select(p => p.Tensor).ToList())
            ?? throw new ArgumentException("Expected the optimizer factory to return an optimizer. Received: null.", nameof(options));
        _schedule = options.LearningRateSchedule?.Invoke(_optimizer);
        _plateau = options.PlateauSchedule?.Invoke(_optimizer);
        _reporter = new EpochReporter(options.Verbosity, options.Output);
    }

    private Tensor OnDevice(Tensor t) => t.Device == _device ? t : t.To(_device);

    public History Fit(CancellationToken cancellationToken)
    {
        var context = new TrainingContext(_model, _optimizer, _reporter.Writer, _history) { Epochs = _options.Epochs, StepsPerEpoch = _steps };
        // Read back from the parameters, so the record says where the weights really are.
        _history.Device = _trainable[0].Tensor.Device;
        _history.TrainingRows = _rows;
        _history.ValidationRows = _validationRows;
        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"Training on {_history.Device}: {_rows} rows{(_validationX is null ? "" : $", {_validationRows} validation rows")}, {_steps} steps per epoch."));
        if (_options.Seed is { } seed) TorchApi.ManualSeed(seed);

        var lossSum = TorchApi.Zeros(Array.Empty<long>(), ScalarType.Float64, _device);
        var metricSum = TorchApi.Zeros(Array.Empty<long>(), ScalarType.Float64, _device);
        var normSums = _options.TrackGradientNorms ? _trainable.Select(_ => TorchApi.Zeros(Array.Empty<long>(), ScalarType.Float64, _device)).ToList() : null;
        var normCounts = new int[_trainable.Count];

        foreach (var callback in _options.Callbacks) callback.OnTrainBegin(context);
        for (int epoch = 0; epoch < _options.Epochs && !context.StopTraining; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Frees what the epoch creates outside its steps (shuffled copies, probes, callbacks' temporaries).
            using var epochScope = TorchApi.NewDisposeScope();
            foreach (var callback in _options.Callbacks) callback.OnEpochBegin(context, epoch);
            var clock = Stopwatch.StartNew();
            var learningRate = _optimizer.LearningRate;
            lossSum.Zero_();
            metricSum.Zero_();
            if (normSums is not null) foreach (var s in normSums) s.Zero_();
            Array.Clear(normCounts);
            int steps = 0;
            long seen = 0;
            _model.Train();

            _reporter.RunBatches(epoch, _options.Epochs, _steps, advance =>
            {
                Tensor xs = _x, ys = _y;
                Tensor? ws = _sampleWeights;
                if (_options.Shuffle && _rows > 1)
                {
                    var order = TorchApi.Randperm(_rows, _device);
                    xs = _x.IndexSelect(0, order);
                    ys = _y.IndexSelect(0, order);
                    ws = _sampleWeights?.IndexSelect(0, order);
                }
                for (int b = 0; b < _steps; b++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var stepScope = TorchApi.NewDisposeScope();
                    var start = (long)b * _batchSize;
                    var n = Math.Min(_batchSize, _rows - start);
                    var xb = xs.Narrow(0, start, n);
                    var yb = ys.Narrow(0, start, n);
                    _optimizer.ZeroGrad();
                    var output = _model.Forward(xb);
                    var loss = ws is null ? _loss.Compute(output, yb) : WeightedLoss(output, yb, ws.Narrow(0, start, n));
                    if (_options.L1 > 0 || _options.L2 > 0) loss = loss.Add(Penalty());
                    loss.Backward();
                    if (_options.ClipValue is { } clipValue) GradientClipping.ClipByValue(_trainable.Select(p => p.Tensor), clipValue);
                    if (_options.ClipNorm is { } clipNorm) GradientClipping.ClipByNorm(_trainable.Select(p => p.Tensor), clipNorm);
                    if (normSums is not null) AccumulateGradientNorms(normSums, normCounts);
                    _optimizer.Step();

                    var detached = loss.Detach();
                    lossSum.Add_(detached, _loss.Reduction == Reduction.Mean ? n : 1);
                    metricSum.Add_(_metric.BatchSum(output, yb));
                    steps++;
                    seen += n;
                    var logs = new BatchLogs(epoch, b, n, detached);
                    foreach (var callback in _options.Callbacks) callback.OnBatchEnd(context, logs);
                    advance();
                    if (context.StopTraining) break;
                }
            });

            var epochLogs = new Dictionary<string, double>
            {
                ["loss"] = lossSum.Item() / seen,
                [_metric.Name] = metricSum.Item() / (seen * _metric.UnitsPerRow),
            };
            if (_validationX is not null && _validationY is not null)
            {
                var (validationLoss, validationMetric) = TrainingLoop.EvaluateCore(_model, _validationX, _validationY, _loss, _metric, _validationRows,
                    _options.EvaluationBatchSize);
                if (_options.L1 > 0 || _options.L2 > 0) validationLoss += PenaltyValue();
                epochLogs["val_loss"] = validationLoss;
                epochLogs["val_" + _metric.Name] = validationMetric;
            }
            epochLogs["lr"] = learningRate;

            var norms = new Dictionary<string, double>();
            if (normSums is not null)
                for (int i = 0; i < _trainable.Count; i++)
                    if (normCounts[i] > 0) norms[_trainable[i].Name] = normSums[i].Item() / normCounts[i];
            var dead = _model is Sequential sequential && _options.ProbeRows > 0
                ? DeadRelu.Fractions(sequential, _x.Narrow(0, 0, Math.Min(_options.ProbeRows, _rows)))
                : new Dictionary<int, double>();
            WarnVanishing(context, epoch, norms);

            clock.Stop();
            _history.Add(new EpochRecord(epoch, epochLogs, learningRate, clock.Elapsed, steps, norms, dead));
            _reporter.EpochEnd(EpochReporter.FormatLine(epoch, _options.Epochs, epochLogs, clock.Elapsed));
            foreach (var callback in _options.Callbacks) callback.OnEpochEnd(context, epoch, epochLogs);

            _schedule?.Step();
            if (_plateau is not null)
            {
                if (epochLogs.TryGetValue(_options.PlateauMonitor, out var watched)) _plateau.Step(watched);
                else context.Warn($"PlateauSchedule watches `{_options.PlateauMonitor}`, which is not available. Available metrics are: {Monitoring.Available(epochLogs)}");
            }
            if (context.StopTraining && epoch < _options.Epochs - 1)
            {
                _history.StoppedEarly = true;
                _history.StoppedEpoch = epoch;
            }
        }
        foreach (var callback in _options.Callbacks) callback.OnTrainEnd(context);
        _model.Eval();
        return _history;
    }

    /// <summary>λ₁·Σ|w| + λ₂·Σw² over the trainable weights, in the graph.</summary>
    private Tensor Penalty()
    {
        Tensor? total = null;
        foreach (var w in _weights)
        {
            if (_options.L2 > 0) total = Add(total, w.Pow(2).Sum().Mul(_options.L2));
            if (_options.L1 > 0) total = Add(total, w.Abs().Sum().Mul(_options.L1));
        }
        return total ?? TorchApi.Scalar(0, ScalarType.Float32, _device);

        static Tensor Add(Tensor? a, Tensor b) => a is null ? b : a.Add(b);
    }

    private double PenaltyValue()
    {
        using var noGrad = TorchApi.NoGrad();
        using var scope = TorchApi.NewDisposeScope();
        return Penalty().Item();
    }

    /// <summary>Mean (or sum) of the per-example losses times their class weights, as Keras' class_weight.</summary>
    private Tensor WeightedLoss(Tensor output, Tensor target, Tensor weights)
    {
        var weighted = _unreducedLoss!.Compute(output, target).Mul(weights);
        return _loss.Reduction == Reduction.Mean ? weighted.Mean() : weighted.Sum();
    }

    private static Loss Unreduced(Loss loss) => loss switch
    {
        BCEWithLogitsLoss b when !b.HasWeight && !b.HasPosWeight => new BCEWithLogitsLoss(reduction: Reduction.None),
        BCELoss b when !b.HasWeight => new BCELoss(reduction: Reduction.None),
        SparseCategoricalCrossEntropy s when !s.HasWeight =>
            new SparseCategoricalCrossEntropy(ignoreIndex: s.IgnoreIndex, logProbabilities: s.LogProbabilities, reduction: Reduction.None),
        CategoricalCrossEntropy c when !c.HasWeight => new CategoricalCrossEntropy(c.FromLogits, null, c.Epsilon, c.Axis, Reduction.None),
        _ => throw new ArgumentException("Expected ClassWeights with BCEWithLogitsLoss, BCELoss, SparseCategoricalCrossEntropy or CategoricalCrossEntropy " +
            $"that has no weight of its own. Received: Loss={loss.Name}{(loss is BCEWithLogitsLoss or BCELoss or SparseCategoricalCrossEntropy or CategoricalCrossEntropy ? " with a weight" : "")}.",
            nameof(TrainingOptions.ClassWeights)),
    };

    /// <summary>Each row's weight, shaped like the unreduced loss: the target's shape for binary losses, [N] for cross-entropies.</summary>
    private Tensor SampleWeights(IReadOnlyList<double> classWeights, Tensor y)
    {
        var table = TorchApi.Tensor(classWeights.Select(w => (float)w).ToArray(), device: _device);
        switch (_metric.Task)
        {
            case TrainingTask.BinaryLogits or TrainingTask.BinaryProbabilities:
                if (classWeights.Count != 2) throw TrainingOptions.Fail(nameof(TrainingOptions.ClassWeights), $"{classWeights.Count} weights", "2 weights for a binary task (class 0, class 1)");
                // y·w₁ + (1 − y)·w₀ for 0/1 targets.
                using (var positive = y.Gt(0.5).To(ScalarType.Float32))
                    return positive.Mul(classWeights[1] - classWeights[0]).Add(classWeights[0]);
            case TrainingTask.Multiclass:
                using (var labels = _metric.OneHot ? y.ArgMax(1) : y.To(ScalarType.Int64))
                using (var flat = labels.Flatten())
                {
                    var max = flat.Max().Item();
                    if (max >= classWeights.Count)
                        throw TrainingOptions.Fail(nameof(TrainingOptions.ClassWeights), $"{classWeights.Count} weights", $"one weight per class (labels go up to {max})");
                    return table.IndexSelect(0, flat).Reshape(labels.Shape);
                }
            default:
                throw TrainingOptions.Fail(nameof(TrainingOptions.ClassWeights), "weights for a regression task", "no class weights (they apply to classification)");
        }
    }

    private void AccumulateGradientNorms(List<Tensor> sums, int[] counts)
    {
        for (int i = 0; i < _trainable.Count; i++)
        {
            var grad = _trainable[i].Tensor.Grad;
            if (grad is null) continue;
            sums[i].Add_(grad.Norm());
            counts[i]++;
        }
    }

    /// <summary>Warns once per weight whose gradient norm collapsed: below the floor, or far below the largest layer's.</summary>
    private void WarnVanishing(TrainingContext context, int epoch, Dictionary<string, double> norms)
    {
        var weightNames = _trainable.Where(p => p.Tensor.Dim >= 2).Select(p => p.Name).Where(norms.ContainsKey).ToList();
        if (weightNames.Count == 0) return;
        var largest = weightNames.MaxBy(n => norms[n])!;
        var max = norms[largest];
        foreach (var name in weightNames)
        {
            var norm = norms[name];
            if (name == largest && norm >= _options.VanishingGradientFloor) continue;
            if (norm >= _options.VanishingGradientFloor && norm >= _options.VanishingGradientRatio * max) continue;
            if (!_warnedVanishing.Add(name)) continue;
            var figures = string.Create(CultureInfo.InvariantCulture,
                $"Epoch {epoch + 1}: the gradient norm of '{name}' is {norm:G3} ({(max > 0 ? norm / max : 0):G2} × '{largest}''s {max:G3}): ");
            context.Warn(figures + "gradients vanish before they reach this layer, so it barely learns. " +
                "ReLU-family activations, He initialization, batch normalization or fewer layers help.");
        }
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _unreducedLoss?.Dispose();
    }
}
