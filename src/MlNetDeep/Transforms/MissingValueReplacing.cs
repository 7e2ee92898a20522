using System.Numerics;
using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.ReplaceMissingValues(output, input, replacementMode, imputeBySlot)</c>: replaces
/// NaN in a float or double column (scalar or fixed-size vector) by 0 (<c>DefaultValue</c>, no
/// training) or by the mean / minimum / maximum of the non-NaN values seen by <see cref="Fit"/>,
/// per slot (<c>imputeBySlot</c>) or over all slots. A slot with no value at all gets 0.
/// </summary>
public sealed class MissingValueReplacingEstimator : IEstimator<MissingValueReplacingTransformer>
{
    /// <summary>What replaces a missing value, as ML.NET.</summary>
    public enum ReplacementMode : byte
    {
        /// <summary>The type's default, 0.</summary>
        DefaultValue = 0,
        /// <summary>The mean.</summary>
        Mean = 1,
        /// <summary>The minimum.</summary>
        Minimum = 2,
        /// <summary>The maximum.</summary>
        Maximum = 3,
    }

    private readonly (string Output, string Input)[] _columns;
    private readonly ReplacementMode _mode;
    private readonly bool _bySlot;

    internal MissingValueReplacingEstimator((string Output, string Input)[] columns, ReplacementMode mode, bool imputeBySlot)
    {
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), $"Expected DefaultValue, Mean, Minimum or Maximum. Received: replacementMode={mode}");
        _columns = columns; _mode = mode; _bySlot = imputeBySlot;
    }

    /// <inheritdoc/>
    public MissingValueReplacingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var values = _columns.Select(c =>
        {
            var col = input.Schema[c.Input];
            int n = col.Type is VectorDataViewType v ? v.Size : 1;
            if (_mode == ReplacementMode.DefaultValue) return new double[n];
            var s = NormalizingEstimator.SlotStats.Compute(input, col, long.MaxValue);
            var r = new double[n];
            if (_bySlot)
            {
                for (int i = 0; i < n; i++) r[i] = s.Count[i] == 0 ? 0 : Pick(s.Mean[i], s.Min[i], s.Max[i]);
                return r;
            }
            long total = s.Count.Sum();
            var all = total == 0 ? 0 : Pick(Enumerable.Range(0, n).Sum(i => s.Mean[i] * s.Count[i]) / total, s.Min.Min(), s.Max.Max());
            Array.Fill(r, all);
            return r;
        }).ToArray();
        return new MissingValueReplacingTransformer(_columns, values);
    }

    private double Pick(double mean, double min, double max) => _mode switch
    {
        ReplacementMode.Mean => mean,
        ReplacementMode.Minimum => min,
        _ => max,
    };

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(MissingValueReplacingEstimator), c.Input);
        if (!ShapeChecks.IsFloat(i.ItemType) || i.IsKey || i.Kind == SchemaShape.VectorKind.VariableVector)
            throw ShapeChecks.WrongType(nameof(MissingValueReplacingEstimator), c.Input, i, "Single or Double, scalar or fixed-size vector");
        return i with { Name = c.Output, AnnotationKinds = i.AnnotationKinds.Where(k => k == AnnotationUtils.Kinds.SlotNames).ToArray() };
    }).ToArray());
}

/// <summary>The fitted replacement (see <see cref="MissingValueReplacingEstimator"/>): one replacement value per slot.</summary>
public sealed partial class MissingValueReplacingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;
    private readonly double[][] _values;

    internal MissingValueReplacingTransformer((string Output, string Input)[] columns, double[][] values)
    {
        _columns = columns; _values = values;
    }

    /// <summary>The replacement value of each slot of column <paramref name="columnIndex"/>.</summary>
    public IReadOnlyList<double> GetReplacementValues(int columnIndex) => _values[columnIndex];

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select((spec, j) =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(MissingValueReplacingTransformer), spec.Input);
        NormalizingEstimator.CheckInput(nameof(MissingValueReplacingTransformer), spec.Input, c.Type);
        int n = c.Type is VectorDataViewType v ? v.Size : 1;
        if (n != _values[j].Length) throw ShapeChecks.WrongType(nameof(MissingValueReplacingTransformer), spec.Input, c.Type, $"{_values[j].Length} slots (the size it was fitted on)");
        var ann = AnnotationUtils.SlotNamesOrNull(c) is { } names ? AnnotationUtils.SlotNames(names) : null;
        return new OutputColumn(spec.Output, c.Type, ann, [c.Index],
            row => Generic.Invoke<Delegate>(typeof(MissingValueReplacingTransformer), nameof(MakeGetter), [c.Type.GetItemType().RawType], null, row, c, _values[j]));
    }).ToArray();

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column c, double[] values) where T : IFloatingPoint<T>
    {
        var replace = values.Select(T.CreateTruncating).ToArray();
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(c);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = T.IsNaN(s[i]) ? replace[i] : s[i];
                dst = new VBuffer<T>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<T>(c);
        T x = default!;
        return (ValueGetter<T>)((ref T y) => { sg(ref x); y = T.IsNaN(x) ? replace[0] : x; });
    }

    private sealed record Params(string[] Outputs, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteParameters(new Params(_columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray()));
        for (int i = 0; i < _values.Length; i++) ctx.WriteTensor<double>($"replacement{i}", _values[i], _values[i].Length);
    }

    internal static MissingValueReplacingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length) throw ctx.Error("MissingValueReplacing: column lists differ in length.");
        return new MissingValueReplacingTransformer(p.Outputs.Zip(p.Inputs).ToArray(),
            Enumerable.Range(0, p.Outputs.Length).Select(i => ctx.ReadTensor<double>($"replacement{i}", out _)).ToArray());
    }
}
