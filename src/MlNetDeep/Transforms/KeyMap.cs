using System.Runtime.InteropServices;
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

    /// <summary>Learns the maps of several columns of <paramref name="data"/> in one pass.</summary>
    public static KeyMap[] Fit(IDataView data, DataViewSchema.Column[] columns, int maximumNumberOfKeys, bool sortByValue)
    {
        var maps = columns.Select(c => Generic.Invoke<KeyMap>(typeof(KeyMap), nameof(Create), [c.Type.GetItemType().RawType], null, c)).ToArray();
        using var cursor = data.GetRowCursor(columns.DistinctBy(c => c.Index));
        var adders = maps.Select((m, i) => m.MakeAdder(cursor, columns[i], maximumNumberOfKeys)).ToArray();
        while (cursor.MoveNext())
            foreach (var add in adders) add();
        if (sortByValue) foreach (var m in maps) m.Sort();
        return maps;
    }

    private static KeyMap Create<T>(DataViewSchema.Column column) where T : notnull => new KeyMap<T>((PrimitiveDataViewType)column.Type.GetItemType());

    /// <summary>An action that adds the current row's value(s) of <paramref name="column"/>.</summary>
    protected abstract Action MakeAdder(DataViewRow row, DataViewSchema.Column column, int max);

    /// <summary>Re-orders keys by value.</summary>
    public abstract void Sort();

    public static KeyMap FromStrings(PrimitiveDataViewType valueType, string[] values) =>
        Generic.Invoke<KeyMap>(typeof(KeyMap), nameof(FromStringsCore), [valueType.RawType], null, valueType, values);

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
        // Fitting sees mostly known values: look text up by span before making its string.
        if (_text is not null && _text.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(((ReadOnlyMemory<char>)(object)v!).Span)) return false;
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

    public override void Sort()
    {
        var sorted = _values.ToList();
        sorted.Sort(Comparer());
        _values.Clear();
        _text?.Clear();
        _other?.Clear();
        foreach (var v in sorted) TryAdd(v, int.MaxValue);
    }

    protected override Action MakeAdder(DataViewRow row, DataViewSchema.Column column, int max)
    {
        if (column.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(column);
            VBuffer<T> v = default;
            return () =>
            {
                g(ref v);
                foreach (var x in v.GetValues()) TryAdd(x, max);
            };
        }
        var sg = row.GetGetter<T>(column);
        T s = default!;
        if (_text is not null)
        {
            var recent = new RecentText();
            return () =>
            {
                sg(ref s);
                var m = (ReadOnlyMemory<char>)(object)s!;
                if (recent.TryGet(m, out _)) return; // known already
                TryAdd(s, max);
                if (_text.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(m.Span, out var k)) recent.Remember(m, k);
            };
        }
        return () => { sg(ref s); TryAdd(s, max); };
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
        if (_text is not null)
        {
            var recent = new RecentText();
            return (ValueGetter<uint>)((ref uint k) =>
            {
                sg(ref v);
                var m = (ReadOnlyMemory<char>)(object)v!;
                if (recent.TryGet(m, out k)) return;
                k = Lookup(v);
                recent.Remember(m, k);
            });
        }
        return (ValueGetter<uint>)((ref uint k) => { sg(ref v); k = Lookup(v); });
    }
}

/// <summary>
/// The keys of the last few text values seen by one getter, matched by string identity: loaders
/// hand out the same string for a repeated category, so most rows skip hashing. Per getter (one
/// cursor, one thread); the map it caches must not change while it is used.
/// </summary>
internal sealed class RecentText
{
    private const int Size = 8;
    private readonly string?[] _strings = new string?[Size];
    private readonly uint[] _keys = new uint[Size];
    private int _next;

    public bool TryGet(ReadOnlyMemory<char> value, out uint key)
    {
        if (MemoryMarshal.TryGetString(value, out var s, out int start, out int length) && start == 0 && length == s.Length)
            for (int i = 0; i < Size; i++)
                if (ReferenceEquals(_strings[i], s)) { key = _keys[i]; return true; }
        key = 0;
        return false;
    }

    public void Remember(ReadOnlyMemory<char> value, uint key)
    {
        if (!MemoryMarshal.TryGetString(value, out var s, out int start, out int length) || start != 0 || length != s.Length) return;
        _strings[_next] = s;
        _keys[_next] = key;
        _next = (_next + 1) % Size;
    }
}
