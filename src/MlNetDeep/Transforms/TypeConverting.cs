using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Conversion.ConvertType(output, input, outputKind)</c>: converts a scalar or vector
/// column to another value kind (Single, Double, Int32, UInt32, Int64, Boolean, String); a key
/// converts as its index (1-based, 0 = missing). Rules in <c>ValueConverter</c>. Needs no training.
/// </summary>
public sealed class TypeConvertingEstimator : IEstimator<TypeConvertingTransformer>
{
    private readonly (string Output, string Input, DataKind Kind)[] _columns;

    internal TypeConvertingEstimator((string Output, string Input, DataKind Kind)[] columns)
    {
        foreach (var c in columns) { ArgumentException.ThrowIfNullOrEmpty(c.Output); c.Kind.ToType(c.Output); }
        _columns = columns;
    }

    /// <inheritdoc/>
    public TypeConvertingTransformer Fit(IDataView input)
    {
        var t = new TypeConvertingTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _columns.Select(c =>
        {
            var i = ShapeChecks.Find(inputSchema, nameof(TypeConvertingEstimator), c.Input);
            return new SchemaShape.Column(c.Output, i.Kind, c.Kind.ToType(c.Output), false, i.AnnotationKinds.Where(k => k == AnnotationUtils.Kinds.SlotNames).ToArray());
        }).ToArray());
}

/// <summary>The fitted conversion (see <see cref="TypeConvertingEstimator"/>).</summary>
public sealed partial class TypeConvertingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input, DataKind Kind)[] _columns;

    internal TypeConvertingTransformer((string Output, string Input, DataKind Kind)[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _columns.Select(spec =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(TypeConvertingTransformer), spec.Input);
            var dst = spec.Kind.ToType(spec.Output);
            var srcItem = c.Type.GetItemType();
            var ann = AnnotationUtils.SlotNamesOrNull(c) is { } names ? AnnotationUtils.SlotNames(names) : null;
            DataViewType type = c.Type is VectorDataViewType v ? new VectorDataViewType(dst, [.. v.Dimensions]) : dst;
            var method = c.Type is VectorDataViewType ? nameof(VectorGetter) : nameof(ScalarGetter);
            return new OutputColumn(spec.Output, type, ann, [c.Index],
                row => Generic.Invoke<Delegate>(typeof(TypeConvertingTransformer), method, [srcItem.RawType, dst.RawType], null, row, c));
        }).ToArray();

    private static Delegate ScalarGetter<TSrc, TDst>(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<TSrc>(c);
        var f = ValueConverter.Get<TSrc, TDst>(c.Name);
        TSrc s = default!;
        return (ValueGetter<TDst>)((ref TDst d) => { g(ref s); d = f(s); });
    }

    private static Delegate VectorGetter<TSrc, TDst>(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<VBuffer<TSrc>>(c);
        var f = ValueConverter.Get<TSrc, TDst>(c.Name);
        VBuffer<TSrc> s = default;
        return (ValueGetter<VBuffer<TDst>>)((ref VBuffer<TDst> d) =>
        {
            g(ref s);
            var src = s.GetValues();
            var arr = d.Buffer(src.Length);
            for (int i = 0; i < src.Length; i++) arr[i] = f(src[i]);
            d = new VBuffer<TDst>(src.Length, arr);
        });
    }

    private sealed record Params(string[] Outputs, string[] Inputs, DataKind[] Kinds);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(
        _columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(), _columns.Select(c => c.Kind).ToArray()));

    internal static TypeConvertingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length || p.Kinds.Length != p.Inputs.Length) throw ctx.Error("TypeConverting: column lists differ in length.");
        return new TypeConvertingTransformer(p.Outputs.Select((o, i) => (o, p.Inputs[i], p.Kinds[i])).ToArray());
    }
}
