using System.Numerics;
using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.IndicateMissingValues(output, input)</c>: a boolean (or boolean vector) that is
/// true where a float or double value is NaN. Needs no training.
/// </summary>
public sealed class MissingValueIndicatorEstimator : IEstimator<MissingValueIndicatorTransformer>
{
    private readonly (string Output, string Input)[] _columns;

    internal MissingValueIndicatorEstimator((string Output, string Input)[] columns) => _columns = columns;

    /// <inheritdoc/>
    public MissingValueIndicatorTransformer Fit(IDataView input)
    {
        var t = new MissingValueIndicatorTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(MissingValueIndicatorEstimator), c.Input);
        if (!ShapeChecks.IsFloat(i.ItemType) || i.IsKey)
            throw ShapeChecks.WrongType(nameof(MissingValueIndicatorEstimator), c.Input, i, "Single or Double, scalar or vector");
        return new SchemaShape.Column(c.Output, i.Kind, BooleanDataViewType.Instance, false, i.AnnotationKinds.Where(k => k == AnnotationUtils.Kinds.SlotNames).ToArray());
    }).ToArray());
}

/// <summary>The missing-value indicator (see <see cref="MissingValueIndicatorEstimator"/>).</summary>
public sealed partial class MissingValueIndicatorTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;

    internal MissingValueIndicatorTransformer((string Output, string Input)[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select(spec =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(MissingValueIndicatorTransformer), spec.Input);
        if (!ShapeChecks.IsFloat(c.Type.GetItemType()))
            throw ShapeChecks.WrongType(nameof(MissingValueIndicatorTransformer), spec.Input, c.Type, "Single or Double, scalar or vector");
        DataViewType type = c.Type is VectorDataViewType v ? new VectorDataViewType(BooleanDataViewType.Instance, [.. v.Dimensions]) : BooleanDataViewType.Instance;
        var ann = AnnotationUtils.SlotNamesOrNull(c) is { } names ? AnnotationUtils.SlotNames(names) : null;
        return new OutputColumn(spec.Output, type, ann, [c.Index],
            row => Generic.Invoke<Delegate>(typeof(MissingValueIndicatorTransformer), nameof(MakeGetter), [c.Type.GetItemType().RawType], null, row, c));
    }).ToArray();

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column c) where T : IFloatingPoint<T>
    {
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(c);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<bool>>)((ref VBuffer<bool> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = T.IsNaN(s[i]);
                dst = new VBuffer<bool>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<T>(c);
        T x = default!;
        return (ValueGetter<bool>)((ref bool y) => { sg(ref x); y = T.IsNaN(x); });
    }

    private sealed record Params(string[] Outputs, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray()));

    internal static MissingValueIndicatorTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("MissingValueIndicator: column lists differ in length.");
        return new MissingValueIndicatorTransformer(p.Outputs.Zip(p.Inputs).ToArray());
    }
}
