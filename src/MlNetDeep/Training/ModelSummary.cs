using System.Globalization;
using System.Text;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Training;

/// <summary>
/// A Keras-like summary of a model: one row per layer with its type, output shape and
/// parameter count, then the totals. Output shapes are found by running a dummy batch of one
/// example (zeros; int64 for an <see cref="Embedding"/> first layer) through the layers of a
/// <see cref="Sequential"/> one at a time, in eval mode without gradients. Parameters whose
/// <c>requires_grad</c> is false (see <see cref="Freezing"/>) are non-trainable; buffers (batch
/// norm running statistics) are state, not parameters, as in PyTorch.
/// </summary>
public sealed class ModelSummary
{
    private ModelSummary(string modelName, IReadOnlyList<ModelSummaryRow> rows)
    {
        ModelName = modelName;
        Rows = rows;
        TotalParameters = rows.Sum(r => r.Parameters);
        TrainableParameters = rows.Sum(r => r.TrainableParameters);
    }

    public string ModelName { get; }
    public IReadOnlyList<ModelSummaryRow> Rows { get; }
    public long TotalParameters { get; }
    public long TrainableParameters { get; }
    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    /// <summary>The summary table of <paramref name="model"/> for inputs of <paramref name="inputShape"/> (one example, no batch dimension).</summary>
    public static string Summary(Module model, params long[] inputShape) => Create(model, inputShape).ToString();

    /// <summary>The summary of <paramref name="model"/> for inputs of <paramref name="inputShape"/> (one example, no batch dimension).</summary>
    public static ModelSummary Create(Module model, params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        foreach (var d in inputShape)
            if (d < 1) throw TrainingOptions.Fail(nameof(inputShape), $"[{string.Join(", ", inputShape)}]", "positive dimensions");
        var layers = model is Sequential s ? s.Layers : new[] { model };
        var wasTraining = model.IsTraining;
        var rows = new List<ModelSummaryRow>();
        try
        {
            model.Eval();
            using var noGrad = TorchApi.NoGrad();
            using var scope = TorchApi.NewDisposeScope();
            var named = model.NamedParameters();
            var device = named.Count > 0 ? named[0].Tensor.Device : Device.Cpu;
            var dtype = layers.Count > 0 && layers[0] is Embedding ? ScalarType.Int64 : named.Count > 0 ? named[0].Tensor.Dtype : ScalarType.Float32;
            var h = TorchApi.Zeros(new long[] { 1 }.Concat(inputShape).ToArray(), dtype, device);
            for (int i = 0; i < layers.Count; i++)
            {
                h = layers[i].Forward(h);
                long total = 0, trainable = 0;
                foreach (var (_, p) in layers[i].NamedParameters())
                {
                    total += p.NumberOfElements;
                    if (p.RequiresGrad) trainable += p.NumberOfElements;
                }
                var shape = h.Shape;
                rows.Add(new ModelSummaryRow(model is Sequential ? i.ToString(CultureInfo.InvariantCulture) : model.Name, layers[i].Name,
                    new long?[] { null }.Concat(shape.Skip(1).Select(d => (long?)d)).ToArray(), total, trainable));
            }
        }
        finally
        {
            model.Train(wasTraining);
        }
        return new ModelSummary(model.Name, rows);
    }

    /// <summary>The table, Keras style.</summary>
    public override string ToString()
    {
        var header = new[] { "Layer (type)", "Output Shape", "Param #" };
        var cells = Rows.Select(r => new[] { $"{r.Name} ({r.Type})", r.FormatShape(), r.Parameters.ToString("N0", CultureInfo.InvariantCulture) }).ToList();
        var w0 = Math.Max(header[0].Length, cells.Select(c => c[0].Length).DefaultIfEmpty(0).Max()) + 2;
        var w1 = Math.Max(header[1].Length, cells.Select(c => c[1].Length).DefaultIfEmpty(0).Max()) + 2;
        var w2 = Math.Max(header[2].Length, cells.Select(c => c[2].Length).DefaultIfEmpty(0).Max());
        var width = w0 + w1 + w2;
        var text = new StringBuilder();
        text.AppendLine($"Model: \"{ModelName}\"");
        text.AppendLine(new string('_', width));
        text.AppendLine(header[0].PadRight(w0) + header[1].PadRight(w1) + header[2]);
        text.AppendLine(new string('=', width));
        for (int i = 0; i < cells.Count; i++)
        {
            text.AppendLine(cells[i][0].PadRight(w0) + cells[i][1].PadRight(w1) + cells[i][2]);
            if (i < cells.Count - 1) text.AppendLine();
        }
        text.AppendLine(new string('=', width));
        text.AppendLine($"Total params: {TotalParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        text.AppendLine($"Trainable params: {TrainableParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        text.AppendLine($"Non-trainable params: {NonTrainableParameters.ToString("N0", CultureInfo.InvariantCulture)}");
        text.Append(new string('_', width));
        return text.ToString();
    }
}
