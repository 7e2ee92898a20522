using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Conversion.MapKeyToValue(output, input)</c>: maps keys back to the values in
/// the input's <c>KeyValues</c> annotation; key 0 gives the type's default (NaN for floats, empty text).
/// Needs no training.
/// </summary>
public sealed class KeyToValueMappingEstimator : IEstimator<KeyToValueMappingTransformer>
{
    private readonly (string Output, string Input)[] _columns;

    internal KeyToValueMappingEstimator((string Output, string Input)[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        _columns = columns;
    }

    /// <inheritdoc/>
    public KeyToValueMappingTransformer Fit(IDataView input)
    {
        var t = new KeyToValueMappingTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(KeyToValueMappingEstimator), c.Input);
        if (!i.IsKey) throw ShapeChecks.WrongType(nameof(KeyToValueMappingEstimator), c.Input, i.ItemType, "a key with key values");
        if (i.KeyValuesItemType is null) throw ShapeChecks.WrongType(nameof(KeyToValueMappingEstimator), c.Input, "a key without key values", "a key with key values");
        return new SchemaShape.Column(c.Output, i.Kind, i.KeyValuesItemType, false, []);
    }).ToArray());
}

/// <summary>The fitted key → value mapping (see <see cref="KeyToValueMappingEstimator"/>).</summary>
public sealed class KeyToValueMappingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;

    internal KeyToValueMappingTransformer((string Output, string Input)[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select(spec =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(KeyToValueMappingTransformer), spec.Input);
        if (c.Type.GetItemType() is not KeyDataViewType || c.Annotations.GetTypeOrNull(AnnotationUtils.Kinds.KeyValues) is not VectorDataViewType vt)
            throw ShapeChecks.WrongType(nameof(KeyToValueMappingTransformer), spec.Input, c.Type, "a key with key values");
        var item = vt.ItemType;
        DataViewType type = c.Type is VectorDataViewType v ? new VectorDataViewType(item, [.. v.Dimensions]) : item;
        var values = c.Annotations.GetRawOrNull(AnnotationUtils.Kinds.KeyValues)!;
        return new OutputColumn(spec.Output, type, null, [c.Index],
            row => Generic.Invoke<Delegate>(typeof(KeyToValueMappingTransformer), nameof(MakeGetter), [item.RawType], null, row, c, values));
    }).ToArray();

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column c, VBuffer<T> values)
    {
        var vals = values.ToArray();
        T missing = typeof(T) == typeof(float) ? (T)(object)float.NaN : typeof(T) == typeof(double) ? (T)(object)double.NaN : default!;
        T Map(uint k) => k >= 1 && k <= vals.Length ? vals[k - 1] : missing;
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<uint>>(c);
            VBuffer<uint> src = default;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = Map(s[i]);
                dst = new VBuffer<T>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<uint>(c);
        uint key = 0;
        return (ValueGetter<T>)((ref T v) => { sg(ref key); v = Map(key); });
    }

    private sealed record Params(string[] Outputs, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray()));

    internal static KeyToValueMappingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("KeyToValueMapping: column lists differ in length.");
        return new KeyToValueMappingTransformer(p.Outputs.Zip(p.Inputs).ToArray());
    }
}
