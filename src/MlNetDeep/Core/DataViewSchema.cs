using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>
/// The columns of an <see cref="IDataView"/>: name, index, type and annotations (slot names of a
/// vector, key values of a key). As in ML.NET a transform that writes a column with an existing
/// name appends a new column and hides the old one: lookups by name find the last column of that name.
/// </summary>
public sealed class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates a schema from (name, type, annotations) descriptions, in order.</summary>
    public DataViewSchema(IEnumerable<(string Name, DataViewType Type, Annotations? Annotations)> columns)
    {
        var list = columns.ToList();
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrEmpty(list[i].Name)) throw new ArgumentException($"Column {i} has no name.", nameof(columns));
            lastIndex[list[i].Name] = i;
        }
        _columns = new Column[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            var (name, type, ann) = list[i];
            _columns[i] = new Column(name, i, lastIndex[name] != i, type ?? throw new ArgumentNullException(nameof(columns), $"Column '{name}' has no type."), ann ?? Annotations.Empty);
        }
        foreach (var kv in lastIndex) _byName[kv.Key] = kv.Value;
    }

    /// <summary>Number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>Column by index.</summary>
    public Column this[int columnIndex] => _columns[columnIndex];

    /// <summary>The visible column of that name; throws naming the column and the columns present when absent.</summary>
    public Column this[string name] => GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name),
        $"Column '{name}' not found. Columns present: {string.Join(", ", _columns.Where(c => !c.IsHidden).Select(c => c.Name))}");

    /// <summary>The visible column of that name, or null.</summary>
    public Column? GetColumnOrNull(string name) => name is not null && _byName.TryGetValue(name, out var i) ? _columns[i] : null;

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _columns.Select(c => c.ToString()));

    /// <summary>Builds a schema column by column, as ML.NET's <c>DataViewSchema.Builder</c>.</summary>
    public sealed class Builder
    {
        private readonly List<(string, DataViewType, Annotations?)> _columns = [];

        /// <summary>Adds a column.</summary>
        public Builder AddColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            _columns.Add((name, type, annotations));
            return this;
        }

        /// <summary>Adds the columns of another schema (hidden ones included).</summary>
        public Builder AddColumns(IEnumerable<Column> columns)
        {
            foreach (var c in columns) _columns.Add((c.Name, c.Type, c.Annotations));
            return this;
        }

        /// <summary>The schema built.</summary>
        public DataViewSchema ToSchema() => new(_columns);
    }

    /// <summary>One column: its name, position, whether a later column of the same name hides it, its type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            Name = name; Index = index; IsHidden = isHidden; Type = type; Annotations = annotations;
        }

        /// <summary>Column name.</summary>
        public string Name { get; }
        /// <summary>Position in the schema.</summary>
        public int Index { get; }
        /// <summary>True when a later column has the same name (the column is then reachable by index only).</summary>
        public bool IsHidden { get; }
        /// <summary>Column type.</summary>
        public DataViewType Type { get; }
        /// <summary>Annotations (slot names, key values, ...).</summary>
        public Annotations Annotations { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Name}: {Type}{(IsHidden ? " (hidden)" : "")}";
    }

    /// <summary>
    /// Extra, typed information attached to a column, by kind (see <see cref="AnnotationUtils.Kinds"/>):
    /// <c>SlotNames</c> (a text vector naming each slot of a vector column) and <c>KeyValues</c>
    /// (the original value of each key, in key order).
    /// </summary>
    public sealed class Annotations
    {
        private readonly (string Kind, DataViewType Type, object Value)[] _items;

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new([]);

        internal Annotations((string Kind, DataViewType Type, object Value)[] items) => _items = items;

        /// <summary>The annotation kinds present, with their types.</summary>
        public IEnumerable<(string Kind, DataViewType Type)> Kinds => _items.Select(i => (i.Kind, i.Type));

        /// <summary>Whether an annotation of that kind is present.</summary>
        public bool Has(string kind) => _items.Any(i => i.Kind == kind);

        /// <summary>The type of an annotation, or null.</summary>
        public DataViewType? GetTypeOrNull(string kind) => _items.Where(i => i.Kind == kind).Select(i => i.Type).FirstOrDefault();

        /// <summary>Reads an annotation into <paramref name="value"/> (vectors are copied).</summary>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            foreach (var item in _items)
            {
                if (item.Kind != kind) continue;
                if (item.Value is not TValue v)
                    throw new InvalidOperationException($"Annotation '{kind}' holds {item.Type} ({item.Value.GetType().Name}), not {typeof(TValue).Name}.");
                value = ValueCopier.Copy(v, value);
                return;
            }
            throw new InvalidOperationException($"No annotation '{kind}'. Present: {string.Join(", ", _items.Select(i => i.Kind))}");
        }

        internal object? GetRawOrNull(string kind) => _items.Where(i => i.Kind == kind).Select(i => i.Value).FirstOrDefault();

        /// <summary>Builds annotations.</summary>
        public sealed class Builder
        {
            private readonly List<(string, DataViewType, object)> _items = [];

            /// <summary>Adds an annotation (the value is stored as given: do not change it afterwards).</summary>
            public Builder Add<TValue>(string kind, DataViewType type, TValue value)
            {
                if (type.RawType != typeof(TValue)) throw new ArgumentException($"Annotation '{kind}': type {type} holds {type.RawType.Name}, not {typeof(TValue).Name}.", nameof(value));
                _items.RemoveAll(i => i.Item1 == kind);
                _items.Add((kind, type, value!));
                return this;
            }

            /// <summary>Adds all annotations of <paramref name="other"/>.</summary>
            public Builder Add(Annotations other)
            {
                foreach (var i in other._items) { _items.RemoveAll(x => x.Item1 == i.Kind); _items.Add(i); }
                return this;
            }

            /// <summary>The annotations built.</summary>
            public Annotations ToAnnotations() => _items.Count == 0 ? Empty : new([.. _items]);
        }
    }
}
