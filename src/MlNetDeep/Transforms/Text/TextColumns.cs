using MlNetDeep.Data;

namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Reading and writing the text columns of the text transforms: a text scalar or a vector of
/// text read as strings, key vectors read as their key values, and the variable-length
/// text-vector output most of them produce. Shared so every transform checks and fails alike.
/// </summary>
internal static class TextColumns
{
    /// <summary>A variable-length vector of text (tokens).</summary>
    public static readonly VectorDataViewType TextVector = new(TextDataViewType.Instance);

    public static bool IsText(DataViewType type) => type.GetItemType() is TextDataViewType;

    public static bool IsText(SchemaShape.Column c) => c.ItemType is TextDataViewType && !c.IsKey;

    /// <summary>The shape check shared by estimators: the column must exist and hold text (scalar or vector).</summary>
    public static SchemaShape.Column RequireText(SchemaShape shape, string component, string name)
    {
        var c = ShapeChecks.Find(shape, component, name);
        if (!IsText(c)) throw ShapeChecks.WrongType(component, name, c, "text or a vector of text");
        return c;
    }

    /// <summary>The schema check shared by transformers: the column must exist and hold text (scalar or vector).</summary>
    public static DataViewSchema.Column RequireText(DataViewSchema schema, string component, string name)
    {
        var c = ShapeChecks.Find(schema, component, name);
        if (!IsText(c.Type)) throw ShapeChecks.WrongType(component, name, c.Type, "text or a vector of text");
        return c;
    }

    /// <summary>The shape check for columns that must be vectors of text (stop-word removal, stemming).</summary>
    public static SchemaShape.Column RequireTextVector(SchemaShape shape, string component, string name)
    {
        var c = ShapeChecks.Find(shape, component, name);
        if (!IsText(c) || !c.IsVector) throw ShapeChecks.WrongType(component, name, c, "a vector of text (tokens)");
        return c;
    }

    public static DataViewSchema.Column RequireTextVector(DataViewSchema schema, string component, string name)
    {
        var c = ShapeChecks.Find(schema, component, name);
        if (!IsText(c.Type) || c.Type is not VectorDataViewType) throw ShapeChecks.WrongType(component, name, c.Type, "a vector of text (tokens)");
        return c;
    }

    /// <summary>Reads a text scalar as a one-element array, or a text vector as its elements.</summary>
    public static Func<string[]> ReadStrings(DataViewRow row, DataViewSchema.Column c)
    {
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<ReadOnlyMemory<char>>>(c);
            VBuffer<ReadOnlyMemory<char>> v = default;
            return () =>
            {
                g(ref v);
                var s = v.GetValues();
                var r = new string[s.Length];
                for (int i = 0; i < r.Length; i++) r[i] = s[i].ToString();
                return r;
            };
        }
        var sg = row.GetGetter<ReadOnlyMemory<char>>(c);
        ReadOnlyMemory<char> t = default;
        return () => { sg(ref t); return [t.ToString()]; };
    }

    /// <summary>Reads a key vector (or key scalar) as the texts of its keys; key 0 (missing) reads as "".</summary>
    public static Func<string[]> ReadKeysAsStrings(DataViewRow row, DataViewSchema.Column c)
    {
        var names = KeyNames(c);
        string Name(uint k) => k == 0 ? "" : names is not null && k <= names.Length ? names[k - 1] : k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<uint>>(c);
            VBuffer<uint> v = default;
            return () =>
            {
                g(ref v);
                var s = v.GetValues();
                var r = new string[s.Length];
                for (int i = 0; i < r.Length; i++) r[i] = Name(s[i]);
                return r;
            };
        }
        var sg = row.GetGetter<uint>(c);
        uint key = 0;
        return () => { sg(ref key); return [Name(key)]; };
    }

    /// <summary>The key values of a key column as text, or null when it has none.</summary>
    public static string[]? KeyNames(DataViewSchema.Column c) =>
        c.Annotations.GetRawOrNull(AnnotationUtils.Kinds.KeyValues) switch
        {
            VBuffer<ReadOnlyMemory<char>> t => t.DenseValues().Select(m => m.ToString()).ToArray(),
            VBuffer<float> f => f.DenseValues().Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            VBuffer<double> d => d.DenseValues().Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            VBuffer<int> i => i.DenseValues().Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            VBuffer<uint> u => u.DenseValues().Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            VBuffer<long> l => l.DenseValues().Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            VBuffer<bool> b => b.DenseValues().Select(x => x ? "True" : "False").ToArray(),
            _ => null,
        };

    /// <summary>A getter of a text vector computed from <paramref name="compute"/>.</summary>
    public static ValueGetter<VBuffer<ReadOnlyMemory<char>>> TextVectorGetter(Func<string[]> compute) =>
        (ref VBuffer<ReadOnlyMemory<char>> dst) =>
        {
            var r = compute();
            var arr = dst.Buffer(r.Length);
            for (int i = 0; i < r.Length; i++) arr[i] = r[i].AsMemory();
            dst = new VBuffer<ReadOnlyMemory<char>>(r.Length, arr);
        };

    /// <summary>A getter of a float vector of fixed <paramref name="length"/> filled from a sparse bag.</summary>
    public static ValueGetter<VBuffer<float>> FloatVectorGetter(int length, Func<SparseVector> compute) =>
        (ref VBuffer<float> dst) =>
        {
            var bag = compute();
            var arr = dst.Buffer(length);
            Array.Clear(arr, 0, length);
            var idx = bag.Indices;
            var val = bag.Values;
            for (int i = 0; i < idx.Length; i++) arr[idx[i]] = (float)val[i];
            dst = new VBuffer<float>(length, arr);
        };
}
