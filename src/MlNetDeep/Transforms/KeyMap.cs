using MlNetDeep.Data;

namespace MlNetDeep.Transforms;

/// <summary>
/// The value ↔ key dictionary of one column of a <see cref="ValueToKeyMappingTransformer"/>:
/// values in key order (key k = index k−1), lookup of a value's key (0 when unseen or missing: NaN).
/// Generic over the value's raw type; text is compared ordinally and looked up without allocating.
/// </summary>
internal abstract class KeyMap
{
    public abstract PrimitiveDataViewType ValueType { get; }
    public abstract int Count { get; }
    /// <summary>The values as invariant strings, in key order (model files, slot names).</summary>
    public abstract string[] ValueStrings();
    /// <summary>The key of the smallest value in sorted order (ordinal for text, numeric for numbers).</summary>
    public abstract uint FirstKeyInSortedOrder();
    public abstract Delegate MakeGetter(DataViewRow row, DataViewSchema.Column input);
    public abstract DataViewSchema.Annotations KeyValues();

    public static KeyMap Fit(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys, bool sortByValue) =>
        Generic.Invoke<KeyMap>(typeof(KeyMap), nameof(FitCore), [column.Type.GetItemType().RawType], null, data, column, maximumNumberOfKeys, sortByValue);

    public static KeyMap FromStrings(PrimitiveDataViewType valueType, string[] values) =>
        Generic.Invoke<KeyMap>(typeof(KeyMap), nameof(FromStringsCore), [valueType.RawType], null, valueType, values);

    private static KeyMap FitCore<T>(IDataView data, DataViewSchema.Column column, int max, bool sortByValue) where T : notnull
    {
        var map = new KeyMap<T>((PrimitiveDataViewType)column.Type.GetItemType());
        using var cursor = data.GetRowCursor([column]);
        if (column.Type is VectorDataViewType)
        {
            var g = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> v = default;
            while (cursor.MoveNext())
            {
                g(ref v);
                foreach (var x in v.GetValues()) map.TryAdd(x, max);
            }
        }
        else
        {
            var g = cursor.GetGetter<T>(column);
            T v = default!;
            while (cursor.MoveNext()) { g(ref v); map.TryAdd(v, max); }
        }
        if (sortByValue) map.Sort();
        return map;
    }

    private static KeyMap FromStringsCore<T>(PrimitiveDataViewType valueType, string[] values) where T : notnull
    {
        var map = new KeyMap<T>(valueType);
        var parse = ValueConverter.Get<ReadOnlyMemory<char>, T>("KeyValues");
        foreach (var s in values) if (!map.TryAdd(parse(s.AsMemory()), int.MaxValue)) throw new FormatException($"Duplicate or missing key value '{s}'.");
        return map;
    }
}

internal sealed class KeyMap<T> : KeyMap where T : notnull
{
    // Text is keyed by string so lookups from ReadOnlyMemory<char> use the span-based alternate lookup.
    private readonly Dictionary<string, uint>? _text;
    private readonly Dictionary<T, uint>? _other;
    private readonly List<T> _values = [];

    public KeyMap(PrimitiveDataViewType valueType)
    {
        ValueType = valueType;
        if (typeof(T) == typeof(ReadOnlyMemory<char>)) _text = new Dictionary<string, uint>(StringComparer.Ordinal);
        else _other = new Dictionary<T, uint>();
    }

    public override PrimitiveDataViewType ValueType { get; }
    public override int Count => _values.Count;

    private static bool IsMissing(T v) => v is float f ? float.IsNaN(f) : v is double d && double.IsNaN(d);

    public bool TryAdd(T v, int max)
    {
        if (IsMissing(v) || _values.Count >= max) return false;
        uint key = (uint)_values.Count + 1;
        bool added = _text is not null ? _text.TryAdd(((ReadOnlyMemory<char>)(object)v!).ToString(), key) : _other!.TryAdd(v, key);
        if (added) _values.Add(_text is not null ? (T)(object)((ReadOnlyMemory<char>)(object)v!).ToString().AsMemory() : v);
        return added;
    }

    public uint Lookup(T v)
    {
        if (_text is not null)
            return _text.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(((ReadOnlyMemory<char>)(object)v!).Span, out var k) ? k : 0;
        if (IsMissing(v)) return 0;
        return _other!.TryGetValue(v, out var key) ? key : 0;
    }

    private Comparison<T> Comparer() => _text is not null
        ? (a, b) => ((ReadOnlyMemory<char>)(object)a!).Span.SequenceCompareTo(((ReadOnlyMemory<char>)(object)b!).Span)
        : Comparer<T>.Default.Compare;

    public void Sort()
    {
        var sorted = _values.ToList();
        sorted.Sort(Comparer());
        _values.Clear();
        _text?.Clear();
        _other?.Clear();
        foreach (var v in sorted) TryAdd(v, int.MaxValue);
    }

    public override uint FirstKeyInSortedOrder()
    {
        if (_values.Count == 0) return 0;
        var cmp = Comparer();
        int best = 0;
        for (int i = 1; i < _values.Count; i++) if (cmp(_values[i], _values[best]) < 0) best = i;
        return (uint)best + 1;
    }

    public override string[] ValueStrings()
    {
        var f = ValueConverter.Get<T, ReadOnlyMemory<char>>("KeyValues");
        return _values.Select(v => f(v).ToString()).ToArray();
    }

    public override DataViewSchema.Annotations KeyValues()
    {
        var arr = _values.ToArray();
        return new DataViewSchema.Annotations.Builder()
            .Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(ValueType, arr.Length), new VBuffer<T>(arr.Length, arr))
            .ToAnnotations();
    }

    public override Delegate MakeGetter(DataViewRow row, DataViewSchema.Column input)
    {
        if (input.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(input);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = Lookup(s[i]);
                dst = new VBuffer<uint>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<T>(input);
        T v = default!;
        return (ValueGetter<uint>)((ref uint k) => { sg(ref v); k = Lookup(v); });
    }
}
