using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>Annotation kinds and helpers to read them, as ML.NET's <c>AnnotationUtils</c> and column extensions.</summary>
public static class AnnotationUtils
{
    /// <summary>Well-known annotation kinds.</summary>
    public static class Kinds
    {
        /// <summary>Text vector naming each slot of a fixed-size vector column.</summary>
        public const string SlotNames = "SlotNames";
        /// <summary>Vector of the original values of a key column, key k at index k−1.</summary>
        public const string KeyValues = "KeyValues";
        /// <summary>Boolean: the column was produced by a normalizer.</summary>
        public const string IsNormalized = "IsNormalized";
    }

    /// <summary>Whether the column has slot names.</summary>
    public static bool HasSlotNames(this DataViewSchema.Column column) => column.Annotations.Has(Kinds.SlotNames);

    /// <summary>Reads the slot names of a vector column.</summary>
    public static void GetSlotNames(this DataViewSchema.Column column, ref VBuffer<ReadOnlyMemory<char>> slotNames) =>
        column.Annotations.GetValue(Kinds.SlotNames, ref slotNames);

    /// <summary>Whether the column has key values.</summary>
    public static bool HasKeyValues(this DataViewSchema.Column column) => column.Annotations.Has(Kinds.KeyValues);

    /// <summary>Reads the key values of a key column.</summary>
    public static void GetKeyValues<TValue>(this DataViewSchema.Column column, ref VBuffer<TValue> keyValues) =>
        column.Annotations.GetValue(Kinds.KeyValues, ref keyValues);

    /// <summary>Whether a normalizer produced the column.</summary>
    public static bool IsNormalized(this DataViewSchema.Column column) => column.Annotations.Has(Kinds.IsNormalized);

    internal static DataViewSchema.Annotations SlotNames(IEnumerable<string> names)
    {
        var arr = names.Select(n => n.AsMemory()).ToArray();
        return new DataViewSchema.Annotations.Builder()
            .Add(Kinds.SlotNames, new VectorDataViewType(TextDataViewType.Instance, arr.Length), new VBuffer<ReadOnlyMemory<char>>(arr.Length, arr))
            .ToAnnotations();
    }

    internal static string[]? SlotNamesOrNull(DataViewSchema.Column column)
    {
        if (column.Annotations.GetRawOrNull(Kinds.SlotNames) is not VBuffer<ReadOnlyMemory<char>> v) return null;
        return v.DenseValues().Select(m => m.ToString()).ToArray();
    }
}
