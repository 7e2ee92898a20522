using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Conversion.MapKeyToVector(output, input, outputCountVector)</c>: a key column
/// with n keys becomes a float vector of n slots: key k sets slot k−1 to 1 and key 0 (missing or
/// unseen) gives all zeros. A vector of keys gives the indicators of each element one after the
/// other, or with <c>outputCountVector</c> one n-slot vector of counts (a bag). Slot names come
/// from the key values. Needs no training.
/// </summary>
public sealed class KeyToVectorMappingEstimator : IEstimator<KeyToVectorMappingTransformer>
{
    private readonly KeyToVectorMappingTransformer.ColumnOptions[] _columns;

    internal KeyToVectorMappingEstimator(KeyToVectorMappingTransformer.ColumnOptions[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        _columns = columns;
    }

    /// <inheritdoc/>
    public KeyToVectorMappingTransformer Fit(IDataView input)
    {
        var t = new KeyToVectorMappingTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(KeyToVectorMappingEstimator), c.Input);
        if (!i.IsKey) throw ShapeChecks.WrongType(nameof(KeyToVectorMappingEstimator), c.Input, i.ItemType, "a key (use MapValueToKey first)");
        return new SchemaShape.Column(c.Output, i.Kind == SchemaShape.VectorKind.VariableVector && c.Mode == KeyToVectorMappingTransformer.Mode.Indicator
            ? SchemaShape.VectorKind.VariableVector : SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, [AnnotationUtils.Kinds.SlotNames]);
    }).ToArray());
}

/// <summary>The fitted key → vector mapping (see <see cref="KeyToVectorMappingEstimator"/>).</summary>
public sealed partial class KeyToVectorMappingTransformer : RowToRowTransformerBase
{
    /// <summary>How a key becomes a vector.</summary>
    internal enum Mode { Indicator, Bag, Binary }

    /// <summary>One column: names, mode and an optional key whose slot is left out (drop-first one-hot).</summary>
    internal sealed record ColumnOptions(string Output, string Input, Mode Mode, uint DropKey);

    private readonly ColumnOptions[] _columns;

    internal KeyToVectorMappingTransformer(ColumnOptions[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select(spec =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(KeyToVectorMappingTransformer), spec.Input);
        if (c.Type.GetItemType() is not KeyDataViewType key)
            throw ShapeChecks.WrongType(nameof(KeyToVectorMappingTransformer), spec.Input, c.Type, "a key (use MapValueToKey first)");
        int n = (int)key.Count;
        if (spec.DropKey > n) throw new InvalidOperationException($"KeyToVectorMappingTransformer: column '{spec.Input}' has {n} keys; cannot drop key {spec.DropKey}.");
        var values = KeyValueStrings(c, n);
        // Slot j of the per-key block holds key keys[j] (the dropped key has no slot).
        var keys = Enumerable.Range(1, n).Select(k => (uint)k).Where(k => k != spec.DropKey).ToArray();
        int bits = 1;
        while ((1UL << bits) <= (ulong)n) bits++;
        int block = spec.Mode == Mode.Binary ? bits : keys.Length;
        var blockNames = spec.Mode == Mode.Binary ? Enumerable.Range(0, bits).Select(b => $"bit{bits - 1 - b}").ToArray() : keys.Select(k => values[k - 1]).ToArray();
        int elems = c.Type is VectorDataViewType v ? v.Size : 1;
        bool perElement = c.Type is VectorDataViewType && spec.Mode != Mode.Bag;
        int size = perElement ? elems * block : block;
        DataViewSchema.Annotations? ann = null;
        if (size > 0 || !perElement)
        {
            var slotPrefixes = perElement ? (AnnotationUtils.SlotNamesOrNull(c) ?? Enumerable.Range(0, elems).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()) : [""];
            ann = new DataViewSchema.Annotations.Builder()
                .Add(AnnotationUtils.SlotNames(slotPrefixes.SelectMany(p => blockNames.Select(b => p.Length == 0 ? b : $"{p}.{b}"))))
                .ToAnnotations();
        }
        var slotOf = new int[n + 1];
        Array.Fill(slotOf, -1);
        for (int j = 0; j < keys.Length; j++) slotOf[keys[j]] = j;
        var type = new VectorDataViewType(NumberDataViewType.Single, size);
        return new OutputColumn(spec.Output, type, ann, [c.Index], row => c.Type is VectorDataViewType
            ? VectorGetter(row, c, spec.Mode, slotOf, block, bits)
            : ScalarGetter(row, c, spec.Mode, slotOf, block, bits));
    }).ToArray();

    private static string[] KeyValueStrings(DataViewSchema.Column c, int n)
    {
        var raw = c.Annotations.GetRawOrNull(AnnotationUtils.Kinds.KeyValues);
        if (raw is null) return Enumerable.Range(1, n).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Generic.Invoke<string[]>(typeof(KeyToVectorMappingTransformer), nameof(ToStrings), [raw.GetType().GetGenericArguments()[0]], null, raw, n);
    }

    private static string[] ToStrings<T>(VBuffer<T> values, int n)
    {
        var f = ValueConverter.Get<T, ReadOnlyMemory<char>>("KeyValues");
        var s = values.DenseValues().Select(v => f(v).ToString()).ToList();
        while (s.Count < n) s.Add((s.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. s.Take(n)];
    }

    private static void Write(Span<float> dst, uint k, Mode mode, int[] slotOf, int bits)
    {
        if (mode == Mode.Binary)
        {
            for (int b = 0; b < bits; b++) dst[b] = (k >> (bits - 1 - b)) & 1;
            return;
        }
        if (k < slotOf.Length && slotOf[k] >= 0) dst[slotOf[k]] += 1;
    }

    private static Delegate ScalarGetter(DataViewRow row, DataViewSchema.Column c, Mode mode, int[] slotOf, int block, int bits)
    {
        var g = row.GetGetter<uint>(c);
        uint k = 0;
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
        {
            g(ref k);
            var arr = dst.Buffer(block);
            Array.Clear(arr, 0, block);
            Write(arr, k, mode, slotOf, bits);
            dst = new VBuffer<float>(block, arr);
        });
    }

    private static Delegate VectorGetter(DataViewRow row, DataViewSchema.Column c, Mode mode, int[] slotOf, int block, int bits)
    {
        var g = row.GetGetter<VBuffer<uint>>(c);
        VBuffer<uint> src = default;
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
        {
            g(ref src);
            var keys = src.GetValues();
            int len = mode == Mode.Bag ? block : keys.Length * block;
            var arr = dst.Buffer(len);
            Array.Clear(arr, 0, len);
            for (int i = 0; i < keys.Length; i++)
                Write(arr.AsSpan(mode == Mode.Bag ? 0 : i * block, block), keys[i], mode, slotOf, bits);
            dst = new VBuffer<float>(len, arr);
        });
    }

    private sealed record Params(ColumnOptions[] Columns);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_columns));

    internal static KeyToVectorMappingTransformer Load(ModelLoadContext ctx) => new(ctx.ReadParameters<Params>().Columns);
}
