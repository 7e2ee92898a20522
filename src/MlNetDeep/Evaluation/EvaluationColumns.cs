using System.Globalization;

namespace MlNetDeep.Data;

/// <summary>
/// Reads the columns the catalogs' <c>Evaluate</c> methods need into arrays, checking that each
/// exists and has a usable type; errors name the evaluator, the role, the column and its type.
/// </summary>
internal static class EvaluationColumns
{
    public static DataViewSchema.Column Find(IDataView data, string evaluator, string role, string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException($"{evaluator}: expected a {role} column name. Received: none", role + "ColumnName");
        return data.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(role + "ColumnName",
            $"{evaluator}: {role} column '{name}' not found. Columns present: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}");
    }

    public static ArgumentException WrongType(string evaluator, string role, DataViewSchema.Column c, string expected) =>
        new($"{evaluator}: {role} column '{c.Name}' has type {c.Type}; expected {expected}.", role + "ColumnName");

    public static bool IsNumber(DataViewType t) => t is NumberDataViewType;

    /// <summary>Reads every row of <paramref name="columns"/> through one cursor; each reader is made from the cursor.</summary>
    public static void ReadAll(IDataView data, DataViewSchema.Column[] columns, Func<DataViewRow, Action> makeReader)
    {
        using var cursor = data.GetRowCursor(columns);
        var read = makeReader(cursor);
        while (cursor.MoveNext()) read();
    }

    /// <summary>A numeric scalar as float.</summary>
    public static Func<float> Single(DataViewRow row, DataViewSchema.Column c)
    {
        var d = RowValueReaders.Double(row, c);
        return () => (float)d();
    }

    /// <summary>A boolean scalar.</summary>
    public static Func<bool> Boolean(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<bool>(c);
        bool v = false;
        return () => { g(ref v); return v; };
    }

    /// <summary>A fixed-size Single vector appended to <paramref name="into"/>.</summary>
    public static Action<List<float>> Vector(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<VBuffer<float>>(c);
        VBuffer<float> v = default;
        return into => { g(ref v); foreach (var x in v.GetValues()) into.Add(x); };
    }

    public static bool IsFloatVector(DataViewType t, out int size)
    {
        size = t is VectorDataViewType { ItemType: NumberDataViewType n, IsKnownSize: true } v && n == NumberDataViewType.Single ? v.Size : 0;
        return size > 0;
    }

    /// <summary>
    /// A class index (0-based) from a key column (ML.NET's 1-based key k gives k − 1; the missing key 0
    /// is an error naming the row) or from a numeric column holding a whole, non-negative index.
    /// </summary>
    public static Func<long, int> ClassIndex(DataViewRow row, DataViewSchema.Column c, string evaluator, string role)
    {
        var d = RowValueReaders.Double(row, c);
        bool key = c.Type is KeyDataViewType;
        return rowIndex =>
        {
            double x = d();
            if (key)
            {
                if (x == 0) throw new ArgumentException($"{evaluator}: {role} column '{c.Name}' has the missing key (0) at row {rowIndex}.", role + "ColumnName");
                return (int)x - 1;
            }
            if (!(x >= 0) || x != Math.Floor(x) || x > int.MaxValue)
                throw new ArgumentException($"{evaluator}: {role} column '{c.Name}' holds {x.ToString("R", CultureInfo.InvariantCulture)} at row {rowIndex}; expected a class index (a whole number >= 0).", role + "ColumnName");
            return (int)x;
        };
    }

    /// <summary>Whether the column can hold class indices: a key, or an integer or floating-point scalar.</summary>
    public static bool IsClassColumn(DataViewType t) => t is KeyDataViewType || t is NumberDataViewType;

    /// <summary>The key values of a key column as text, else the slot names of a vector column, else null.</summary>
    public static string[]? ClassNames(DataViewSchema.Column label, DataViewSchema.Column score, int classes)
    {
        var keys = label.Type is KeyDataViewType ? Transforms.Text.TextColumns.KeyNames(label) : null;
        if (keys is not null && keys.Length == classes) return keys;
        var slots = AnnotationUtils.SlotNamesOrNull(score);
        return slots is not null && slots.Length == classes && slots.All(s => s.Length > 0) ? slots : null;
    }
}
