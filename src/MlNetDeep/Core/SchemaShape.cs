using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>
/// The columns an estimator will produce, known before fitting, as ML.NET's <c>SchemaShape</c>:
/// per column its name, whether it is a scalar / fixed-size vector / variable vector, its item type
/// and whether it is a key. Sizes (e.g. the number of one-hot slots) are only known after fitting.
/// </summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>Creates a shape from columns (a later column replaces an earlier one of the same name).</summary>
    public SchemaShape(IEnumerable<Column> columns)
    {
        var list = new List<Column>();
        foreach (var c in columns)
        {
            list.RemoveAll(x => x.Name == c.Name);
            list.Add(c);
        }
        _columns = [.. list];
    }

    /// <summary>The shape of the visible columns of <paramref name="schema"/>.</summary>
    public static SchemaShape Create(DataViewSchema schema) =>
        new(schema.Where(c => !c.IsHidden).Select(c => Column.From(c.Name, c.Type, c.Annotations)));

    /// <summary>Number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>Column by index.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>Finds a column by name.</summary>
    public bool TryFindColumn(string name, out Column column)
    {
        foreach (var c in _columns) if (c.Name == name) { column = c; return true; }
        column = default;
        return false;
    }

    /// <summary>The column of that name; throws <see cref="ArgumentOutOfRangeException"/> naming it when absent.</summary>
    public Column Find(string name, string role = "input") =>
        TryFindColumn(name, out var c) ? c
        : throw new ArgumentOutOfRangeException(nameof(name), $"Missing {role} column '{name}'. Columns present: {string.Join(", ", _columns.Select(x => x.Name))}");

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Scalar, fixed-size vector or variable-size vector.</summary>
    public enum VectorKind
    {
        /// <summary>One value per row.</summary>
        Scalar,
        /// <summary>A vector of the same length in every row.</summary>
        Vector,
        /// <summary>A vector whose length varies (or is not known before fitting).</summary>
        VariableVector,
    }

    /// <summary>One column of a shape; <paramref name="KeyValuesItemType"/> is the type of a key column's values, when known.</summary>
    public readonly record struct Column(string Name, VectorKind Kind, DataViewType ItemType, bool IsKey, IReadOnlyList<string> AnnotationKinds, DataViewType? KeyValuesItemType = null)
    {
        internal static Column From(string name, DataViewType type, DataViewSchema.Annotations? annotations = null)
        {
            var item = type.GetItemType();
            var kind = type is VectorDataViewType v ? (v.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector) : VectorKind.Scalar;
            var keyValues = annotations?.GetTypeOrNull(AnnotationUtils.Kinds.KeyValues)?.GetItemType();
            return new Column(name, kind, item is KeyDataViewType ? NumberDataViewType.UInt32 : item, item is KeyDataViewType, annotations?.Kinds.Select(k => k.Kind).ToArray() ?? [], keyValues);
        }

        /// <summary>Whether the column holds vectors.</summary>
        public bool IsVector => Kind != VectorKind.Scalar;

        /// <inheritdoc/>
        public override string ToString() => $"{Name}: {Kind} of {(IsKey ? "Key" : ItemType.ToString())}";
    }
}
