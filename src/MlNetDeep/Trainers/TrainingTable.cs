using System.Globalization;
using MlNetDeep.Data;
using MlNetDeep.Torch;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Trainers;

/// <summary>
/// A feature column and a label column read from an <see cref="IDataView"/> once into native tensors for the training loop:
/// features [N, F] float32; targets [N, 1] float32 (binary 0/1, regression) or [N] int64 class indices (multiclass).
/// Missing labels (NaN, key 0, empty text) and missing features (NaN) fail with the column and the row number (0-based).
/// </summary>
public sealed class TrainingTable : IDisposable
{
    private TrainingTable(Tensor features, Tensor targets, long rows, int featureSize, LabelMapping labels)
    {
        Features = features;
        Targets = targets;
        Rows = rows;
        FeatureSize = featureSize;
        Labels = labels;
    }

    /// <summary>[N, F] float32.</summary>
    public Tensor Features { get; }

    /// <summary>[N, 1] float32 or [N] int64.</summary>
    public Tensor Targets { get; }

    /// <summary>Rows read.</summary>
    public long Rows { get; }

    /// <summary>Features per row.</summary>
    public int FeatureSize { get; }

    /// <summary>The label mapping (learned from these rows, or the one passed in).</summary>
    public LabelMapping Labels { get; }

    /// <summary>The size of the float vector column <paramref name="name"/>, or an error naming it.</summary>
    public static int FeatureSizeOf(DataViewSchema schema, string name, string trainer)
    {
        var c = schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(schema),
            $"{trainer}: feature column '{name}' not found. Columns present: {string.Join(", ", schema.Where(x => !x.IsHidden).Select(x => x.Name))}");
        if (c.Type is not VectorDataViewType { ItemType: NumberDataViewType n, IsKnownSize: true } v || (n != NumberDataViewType.Single && n != NumberDataViewType.Int64))
            throw new ArgumentOutOfRangeException(nameof(schema), $"{trainer}: feature column '{name}' has type {c.Type}; expected a Single (or Int64 token id) vector of known size.");
        return v.Size;
    }

    /// <summary>Checks the feature column of a schema shape, naming it.</summary>
    public static void CheckFeatureShape(SchemaShape shape, string name, string trainer)
    {
        if (!shape.TryFindColumn(name, out var c))
            throw new ArgumentOutOfRangeException(nameof(shape), $"{trainer}: feature column '{name}' not found. Columns present: {string.Join(", ", shape.Select(x => x.Name))}");
        if (c.Kind != SchemaShape.VectorKind.Vector || (c.ItemType != NumberDataViewType.Single && c.ItemType != NumberDataViewType.Int64))
            throw new ArgumentOutOfRangeException(nameof(shape), $"{trainer}: feature column '{name}' has type {c}; expected a Single (or Int64 token id) vector of known size.");
    }

    /// <summary>
    /// Reads <paramref name="data"/>. With <paramref name="labels"/> null the mapping is learned (text classes in order of first
    /// occurrence); otherwise it is applied (a validation set: an unseen text label is an error).
    /// </summary>
    public static TrainingTable Load(IDataView data, string featureColumn, string labelColumn, DeepTask task, string trainer,
        LabelMapping? labels = null, int? expectedFeatureSize = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var size = FeatureSizeOf(data.Schema, featureColumn, trainer);
        if (expectedFeatureSize is { } e && e != size)
            throw new ArgumentOutOfRangeException(nameof(data), $"{trainer}: feature column '{featureColumn}' has {size} features; the model expects {e}.");
        var labelCol = data.Schema.GetColumnOrNull(labelColumn) ?? throw new ArgumentOutOfRangeException(nameof(data),
            $"{trainer}: label column '{labelColumn}' not found. Columns present: {string.Join(", ", data.Schema.Where(x => !x.IsHidden).Select(x => x.Name))}");
        var fresh = LabelMapping.For(labelCol, task, trainer);
        labels ??= fresh;
        var classes = labels.ClassNames is { } names && fresh.Kind == "String"
            ? names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal) : new Dictionary<string, int>(StringComparer.Ordinal);
        var learnText = labels == fresh && fresh.Kind == "String";

        var featureCol = data.Schema[featureColumn];
        var x = new List<float>();
        var yFloat = new List<float>();
        var yClass = new List<long>();
        long row = 0;
        using (var cursor = data.GetRowCursor([featureCol, labelCol]))
        {
            var features = FloatGetter(cursor, featureCol);
            var label = LabelReader(cursor, labelCol);
            VBuffer<float> v = default;
            while (cursor.MoveNext())
            {
                features(ref v);
                foreach (var f in v.DenseValues())
                {
                    if (float.IsNaN(f)) throw Missing(trainer, featureColumn, row, "a NaN feature");
                    x.Add(f);
                }
                var (number, text) = label();
                switch (task)
                {
                    case DeepTask.MulticlassClassification when fresh.Kind == "Key":
                        if (number < 1) throw Missing(trainer, labelColumn, row, "a missing key (0)");
                        if (number > labels.ClassCount) throw Missing(trainer, labelColumn, row, $"key {number}, beyond the model's {labels.ClassCount} classes");
                        yClass.Add((long)number - 1);
                        break;
                    case DeepTask.MulticlassClassification:
                        if (string.IsNullOrEmpty(text)) throw Missing(trainer, labelColumn, row, "an empty text label");
                        if (!classes.TryGetValue(text, out var k))
                        {
                            if (!learnText) throw Missing(trainer, labelColumn, row, $"the label '{text}', which the training rows do not have");
                            classes[text] = k = classes.Count;
                        }
                        yClass.Add(k);
                        break;
                    case DeepTask.BinaryClassification:
                        if (double.IsNaN(number)) throw Missing(trainer, labelColumn, row, "a NaN label");
                        if (number is not (0 or 1)) throw Missing(trainer, labelColumn, row, string.Create(CultureInfo.InvariantCulture, $"the label {number} (expected 0 or 1)"));
                        yFloat.Add((float)number);
                        break;
                    default:
                        if (double.IsNaN(number)) throw Missing(trainer, labelColumn, row, "a NaN label");
                        yFloat.Add((float)number);
                        break;
                }
                row++;
            }
        }
        if (row == 0) throw new ArgumentException($"{trainer}: expected at least one row. Received: no rows.", nameof(data));
        if (learnText)
        {
            labels.ClassNames = classes.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
            labels.ClassCount = classes.Count;
        }
        if (task == DeepTask.MulticlassClassification && labels.ClassCount < 2)
            throw new ArgumentException($"{trainer}: expected at least 2 classes in label column '{labelColumn}'. Received: {labels.ClassCount}.", nameof(data));

        var featuresTensor = TorchApi.Tensor(x.ToArray(), new long[] { row, size }).DetachFromDisposeScope();
        var targets = task == DeepTask.MulticlassClassification
            ? TorchApi.Tensor(yClass.ToArray(), new long[] { row })
            : TorchApi.Tensor(yFloat.ToArray(), new long[] { row, 1 });
        return new TrainingTable(featuresTensor, targets.DetachFromDisposeScope(), row, size, labels);
    }

    /// <summary>
    /// A getter of the feature column as floats: Single vectors as they are, Int64 token ids converted (ids below 2²⁴ are exact;
    /// the network casts them back to Int64 before its embedding).
    /// </summary>
    internal static ValueGetter<VBuffer<float>> FloatGetter(DataViewRow row, DataViewSchema.Column c)
    {
        if (c.Type is VectorDataViewType { ItemType: var t } && t == NumberDataViewType.Int64)
        {
            var g = row.GetGetter<VBuffer<long>>(c);
            VBuffer<long> ids = default;
            return (ref VBuffer<float> v) =>
            {
                g(ref ids);
                var values = new float[ids.Length];
                int i = 0;
                foreach (var id in ids.DenseValues()) values[i++] = id;
                v = new VBuffer<float>(values.Length, values);
            };
        }
        return row.GetGetter<VBuffer<float>>(c);
    }

    private static ArgumentException Missing(string trainer, string column, long row, string what) =>
        new($"{trainer}: column '{column}' has {what} at row {row}. Remove or fill such rows before training.", column);

    private static Func<(double Number, string? Text)> LabelReader(DataViewRow row, DataViewSchema.Column c)
    {
        switch (c.Type)
        {
            case BooleanDataViewType:
                { var g = row.GetGetter<bool>(c); bool v = false; return () => { g(ref v); return (v ? 1 : 0, null); }; }
            case KeyDataViewType:
                { var g = row.GetGetter<uint>(c); uint v = 0; return () => { g(ref v); return (v, null); }; }
            case TextDataViewType:
                { var g = row.GetGetter<ReadOnlyMemory<char>>(c); ReadOnlyMemory<char> v = default; return () => { g(ref v); return (0, v.ToString()); }; }
            default:
                if (c.Type == NumberDataViewType.Double) { var g = row.GetGetter<double>(c); double v = 0; return () => { g(ref v); return (v, null); }; }
                { var g = row.GetGetter<float>(c); float v = 0; return () => { g(ref v); return (v, null); }; }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Features.Dispose();
        Targets.Dispose();
    }
}
