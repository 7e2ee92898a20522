using MlNetDeep.Data;

namespace MlNetDeep.Trainers;

/// <summary>
/// How a label column's values become training targets and how predictions map back: bool → 0/1, float → itself, key k
/// (1-based) → class k − 1, text → the class of its first occurrence in the training rows (ML.NET's ValueToKey order),
/// mapped back through the PredictedLabel's KeyValues annotation. Saved with the model.
/// </summary>
public sealed class LabelMapping
{
    /// <summary>The label column's kind: "Boolean", "Single", "Double", "Key" or "Text".</summary>
    public string Kind { get; set; } = "";

    /// <summary>Multiclass: the number of classes.</summary>
    public int ClassCount { get; set; }

    /// <summary>Multiclass: each class's value as text (text labels, or key labels with text key values); null when unnamed.</summary>
    public string[]? ClassNames { get; set; }

    /// <summary>The mapping for the label column <paramref name="column"/> under <paramref name="task"/>, or an error naming the column.</summary>
    internal static LabelMapping For(DataViewSchema.Column column, DeepTask task, string trainer)
    {
        var type = column.Type;
        var ok = task switch
        {
            DeepTask.BinaryClassification => type is BooleanDataViewType || type == NumberDataViewType.Single,
            DeepTask.MulticlassClassification => type is KeyDataViewType or TextDataViewType,
            _ => type == NumberDataViewType.Single || type == NumberDataViewType.Double,
        };
        if (!ok)
            throw new ArgumentOutOfRangeException(nameof(column), $"{trainer}: label column '{column.Name}' has type {type}; expected " + task switch
            {
                DeepTask.BinaryClassification => "Boolean (or Single 0/1).",
                DeepTask.MulticlassClassification => "a key or text.",
                _ => "Single or Double.",
            });
        var mapping = new LabelMapping { Kind = type is KeyDataViewType ? "Key" : type.ToString() ?? "" };
        if (type is KeyDataViewType key)
        {
            mapping.ClassCount = checked((int)key.Count);
            if (column.Annotations.GetTypeOrNull(AnnotationUtils.Kinds.KeyValues) is VectorDataViewType { ItemType: TextDataViewType })
            {
                VBuffer<ReadOnlyMemory<char>> values = default;
                column.GetKeyValues(ref values);
                mapping.ClassNames = values.DenseValues().Select(v => v.ToString()).ToArray();
            }
        }
        return mapping;
    }

    internal static SchemaShape.Column CheckShape(SchemaShape shape, string name, DeepTask task, string trainer)
    {
        if (!shape.TryFindColumn(name, out var c))
            throw new ArgumentOutOfRangeException(nameof(shape), $"{trainer}: label column '{name}' not found. Columns present: {string.Join(", ", shape.Select(x => x.Name))}");
        var ok = c.Kind == SchemaShape.VectorKind.Scalar && task switch
        {
            DeepTask.BinaryClassification => c.ItemType is BooleanDataViewType || c.ItemType == NumberDataViewType.Single,
            DeepTask.MulticlassClassification => c.IsKey || c.ItemType is TextDataViewType,
            _ => c.ItemType == NumberDataViewType.Single || c.ItemType == NumberDataViewType.Double,
        };
        if (!ok) throw new ArgumentOutOfRangeException(nameof(shape), $"{trainer}: label column '{name}' has type {c}; it does not fit {task}.");
        return c;
    }
}
