using System.Numerics;
using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.NormalizeMinMax</c> and <c>NormalizeMeanVariance</c>: per-slot scaling of a
/// float or double column (scalar or fixed-size vector) learned from the rows given to
/// <see cref="Fit"/> only (the first <c>maximumExampleCount</c> of them; NaN values are ignored).
/// Every mode is y = (x − offset) · scale, computed in double, with ML.NET's semantics:
/// <code>
/// MinMax,       fixZero: true  → offset = 0,    scale = 1 / max(|min|, |max|)   (sign and zeros kept, y in [−1, 1])
/// MinMax,       fixZero: false → offset = min,  scale = 1 / (max − min)          (y in [0, 1], as MinMaxScaler)
/// MeanVariance, fixZero: true  → offset = 0,    scale = 1 / sqrt(mean² + σ²)     (divides by the root mean square; no centering)
/// MeanVariance, fixZero: false → offset = mean, scale = 1 / σ                   (as StandardScaler; σ is the population deviation)
/// MeanVariance, useCdf: true   → y = Φ((x − mean) / σ), the normal CDF
/// LogMeanVariance              → z = (ln x − mean(ln x)) / σ(ln x) over x &gt; 0; y = Φ(z) (useCdf, the default) or z; x ≤ 0 → 0
/// RobustScaling                → offset = median (0 without centerData), scale = 1 / (q75 − q25)   (as RobustScaler; keeps the values it fits on)
/// </code>
/// A slot that carries no information (max ≤ min, σ = 0, or no values) maps to 0.
/// </summary>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    /// <summary>Normalizer kinds.</summary>
    public enum NormalizationMode
    {
        /// <summary>By the range.</summary>
        MinMax,
        /// <summary>By mean and standard deviation.</summary>
        MeanVariance,
        /// <summary>By median and inter-quantile range.</summary>
        RobustScaling,
        /// <summary>By mean and standard deviation of the logarithm.</summary>
        LogMeanVariance,
    }

    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>Rows used to fit.</summary>
        public const long MaximumExampleCount = 1000000000;
        /// <summary>Keep zero at zero.</summary>
        public const bool EnsureZeroUntouched = true;
        /// <summary>Use the normal CDF.</summary>
        public const bool MeanVarCdf = false;
    }

    internal sealed record ColumnOptions(string Output, string Input, NormalizationMode Mode, long MaximumExampleCount, bool FixZero, bool UseCdf,
        bool CenterData = true, uint QuantileMin = 25, uint QuantileMax = 75);

    private readonly ColumnOptions[] _columns;

    internal NormalizingEstimator(ColumnOptions[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        foreach (var c in columns)
        {
            ArgumentException.ThrowIfNullOrEmpty(c.Output);
            if (c.Mode == NormalizationMode.RobustScaling && !(c.QuantileMin < c.QuantileMax && c.QuantileMax <= 100))
                throw new ArgumentOutOfRangeException(nameof(columns), $"Expected 0 <= quantileMin < quantileMax <= 100. Received: quantileMin={c.QuantileMin}, quantileMax={c.QuantileMax}");
            if (c.MaximumExampleCount < 2) throw new ArgumentOutOfRangeException(nameof(columns), $"Expected maximumExampleCount >= 2. Received: maximumExampleCount={c.MaximumExampleCount}");
        }
        _columns = columns;
    }

    internal static void CheckInput(string component, string name, DataViewType type)
    {
        if (!ShapeChecks.IsFloat(type.GetItemType()) || type is VectorDataViewType { IsKnownSize: false })
            throw ShapeChecks.WrongType(component, name, type, "Single or Double, scalar or fixed-size vector");
    }

    /// <inheritdoc/>
    public NormalizingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var fitted = _columns.Select(c =>
        {
            var col = input.Schema[c.Input];
            CheckInput(nameof(NormalizingEstimator), c.Input, col.Type);
            if (c.Mode == NormalizationMode.RobustScaling) return NormalizingTransformer.ColumnParameters.Robust(c, SlotStats.Values(input, col, c.MaximumExampleCount));
            var stats = SlotStats.Compute(input, col, c.MaximumExampleCount, log: c.Mode == NormalizationMode.LogMeanVariance);
            return NormalizingTransformer.ColumnParameters.From(c, stats);
        }).ToArray();
        return new NormalizingTransformer(fitted);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(NormalizingEstimator), c.Input);
        if (!ShapeChecks.IsFloat(i.ItemType) || i.IsKey || i.Kind == SchemaShape.VectorKind.VariableVector)
            throw ShapeChecks.WrongType(nameof(NormalizingEstimator), c.Input, i, "Single or Double, scalar or fixed-size vector");
        return new SchemaShape.Column(c.Output, i.Kind, i.ItemType, false,
            [.. i.AnnotationKinds.Where(k => k == AnnotationUtils.Kinds.SlotNames), AnnotationUtils.Kinds.IsNormalized]);
    }).ToArray());

    /// <summary>Per-slot minimum, maximum, mean and population variance over non-NaN values.</summary>
    internal sealed class SlotStats
    {
        public double[] Min = [], Max = [], Mean = [], M2 = [];
        public long[] Count = [];

        public double Variance(int i) => Count[i] > 0 ? M2[i] / Count[i] : 0;

        /// <summary>The non-NaN values of each slot (robust scaling needs quantiles, so it keeps them: memory grows with the rows used).</summary>
        public static List<double>[] Values(IDataView data, DataViewSchema.Column col, long maxRows)
        {
            int n = col.Type is VectorDataViewType v ? v.Size : 1;
            var lists = Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray();
            var buf = new double[n];
            using var cursor = data.GetRowCursor([col]);
            var read = Generic.Invoke<Action<double[]>>(typeof(SlotStats), nameof(Reader), [col.Type.GetItemType().RawType], null, cursor, col);
            long rows = 0;
            while (rows < maxRows && cursor.MoveNext())
            {
                rows++;
                read(buf);
                for (int i = 0; i < n; i++) if (!double.IsNaN(buf[i])) lists[i].Add(buf[i]);
            }
            return lists;
        }

        public static SlotStats Compute(IDataView data, DataViewSchema.Column col, long maxRows, bool log = false)
        {
            int n = col.Type is VectorDataViewType v ? v.Size : 1;
            var s = new SlotStats { Min = new double[n], Max = new double[n], Mean = new double[n], M2 = new double[n], Count = new long[n] };
            Array.Fill(s.Min, double.PositiveInfinity);
            Array.Fill(s.Max, double.NegativeInfinity);
            var buf = new double[n];
            using var cursor = data.GetRowCursor([col]);
            var read = Generic.Invoke<Action<double[]>>(typeof(SlotStats), nameof(Reader), [col.Type.GetItemType().RawType], null, cursor, col);
            long rows = 0;
            while (rows < maxRows && cursor.MoveNext())
            {
                rows++;
                read(buf);
                for (int i = 0; i < n; i++)
                {
                    var x = buf[i];
                    if (log) x = x > 0 ? Math.Log(x) : double.NaN; // the log statistics use positive values only
                    if (double.IsNaN(x)) continue;
                    if (x < s.Min[i]) s.Min[i] = x;
                    if (x > s.Max[i]) s.Max[i] = x;
                    // Welford's update: numerically stable mean and sum of squared deviations.
                    var d = x - s.Mean[i];
                    s.Mean[i] += d / ++s.Count[i];
                    s.M2[i] += d * (x - s.Mean[i]);
                }
            }
            return s;
        }

        private static Action<double[]> Reader<T>(DataViewRow row, DataViewSchema.Column col) where T : INumberBase<T>
        {
            if (col.Type is VectorDataViewType vt)
            {
                var g = row.GetGetter<VBuffer<T>>(col);
                VBuffer<T> v = default;
                return buf =>
                {
                    g(ref v);
                    var vals = v.GetValues();
                    if (vals.Length != vt.Size) throw new InvalidOperationException($"Column '{col.Name}': a row has {vals.Length} values; the type says {vt.Size}.");
                    for (int i = 0; i < vals.Length; i++) buf[i] = double.CreateTruncating(vals[i]);
                };
            }
            var sg = row.GetGetter<T>(col);
            T x = default!;
            return buf => { sg(ref x); buf[0] = double.CreateTruncating(x); };
        }
    }
}

/// <summary>The fitted normalizer: per column and slot an offset and scale (or mean and σ for the CDF mode). See <see cref="NormalizingEstimator"/>.</summary>
public sealed class NormalizingTransformer : RowToRowTransformerBase
{
    /// <summary>Fitted parameters of one column: y = (x − Offset[i]) · Scale[i], or Φ((x − Offset[i]) · Scale[i]) when <see cref="UseCdf"/>.</summary>
    public sealed class ColumnParameters
    {
        internal ColumnParameters(string output, string input, bool useCdf, double[] offset, double[] scale, bool useLog = false)
        {
            OutputColumnName = output; InputColumnName = input; UseCdf = useCdf; Offset = offset; Scale = scale; UseLog = useLog;
        }

        /// <summary>Whether x is replaced by ln x first (x ≤ 0 maps to 0).</summary>
        public bool UseLog { get; }

        /// <summary>Output column.</summary>
        public string OutputColumnName { get; }
        /// <summary>Input column.</summary>
        public string InputColumnName { get; }
        /// <summary>Whether the output goes through the normal CDF.</summary>
        public bool UseCdf { get; }
        /// <summary>Per-slot offset.</summary>
        public IReadOnlyList<double> Offset { get; }
        /// <summary>Per-slot scale.</summary>
        public IReadOnlyList<double> Scale { get; }

        /// <summary>
        /// Robust scaling: offset = median (when centering), scale = 1 / (q_max − q_min), quantiles
        /// by linear interpolation between order statistics (numpy's default, as scikit-learn's RobustScaler).
        /// </summary>
        internal static ColumnParameters Robust(NormalizingEstimator.ColumnOptions c, List<double>[] values)
        {
            int n = values.Length;
            var offset = new double[n];
            var scale = new double[n];
            for (int i = 0; i < n; i++)
            {
                var v = values[i];
                if (v.Count == 0) continue;
                v.Sort();
                double Q(double p)
                {
                    double pos = p / 100 * (v.Count - 1);
                    int lo = (int)Math.Floor(pos);
                    int hi = Math.Min(lo + 1, v.Count - 1);
                    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
                }
                var range = Q(c.QuantileMax) - Q(c.QuantileMin);
                if (!(range > 0)) continue; // no spread: the slot maps to 0
                offset[i] = c.CenterData ? Q(50) : 0;
                scale[i] = 1 / range;
            }
            return new ColumnParameters(c.Output, c.Input, false, offset, scale);
        }

        internal static ColumnParameters From(NormalizingEstimator.ColumnOptions c, NormalizingEstimator.SlotStats s)
        {
            int n = s.Count.Length;
            var offset = new double[n];
            var scale = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (c.Mode == NormalizingEstimator.NormalizationMode.MinMax)
                {
                    if (!(s.Max[i] > s.Min[i])) continue; // no information: the slot maps to 0
                    if (c.FixZero) scale[i] = 1 / Math.Max(Math.Abs(s.Min[i]), Math.Abs(s.Max[i]));
                    else { offset[i] = s.Min[i]; scale[i] = 1 / (s.Max[i] - s.Min[i]); }
                }
                else
                {
                    var sd = Math.Sqrt(s.Variance(i));
                    if (!(sd > 0)) continue;
                    if (c.FixZero && !c.UseCdf && c.Mode == NormalizingEstimator.NormalizationMode.MeanVariance) scale[i] = 1 / Math.Sqrt(s.Mean[i] * s.Mean[i] + sd * sd);
                    else { offset[i] = s.Mean[i]; scale[i] = 1 / sd; }
                }
            }
            bool log = c.Mode == NormalizingEstimator.NormalizationMode.LogMeanVariance;
            return new ColumnParameters(c.Output, c.Input, (c.Mode == NormalizingEstimator.NormalizationMode.MeanVariance || log) && c.UseCdf, offset, scale, log);
        }
    }

    private readonly ColumnParameters[] _columns;

    internal NormalizingTransformer(ColumnParameters[] columns) => _columns = columns;

    /// <summary>The fitted parameters, per column.</summary>
    public IReadOnlyList<ColumnParameters> Columns => _columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select(p =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(NormalizingTransformer), p.InputColumnName);
        NormalizingEstimator.CheckInput(nameof(NormalizingTransformer), p.InputColumnName, c.Type);
        int n = c.Type is VectorDataViewType v ? v.Size : 1;
        if (n != p.Scale.Count) throw ShapeChecks.WrongType(nameof(NormalizingTransformer), p.InputColumnName, c.Type, $"{p.Scale.Count} slots (the size it was fitted on)");
        var ann = new DataViewSchema.Annotations.Builder();
        if (AnnotationUtils.SlotNamesOrNull(c) is { } names) ann.Add(AnnotationUtils.SlotNames(names));
        ann.Add(AnnotationUtils.Kinds.IsNormalized, BooleanDataViewType.Instance, true);
        return new OutputColumn(p.OutputColumnName, c.Type, ann.ToAnnotations(), [c.Index],
            row => Generic.Invoke<Delegate>(typeof(NormalizingTransformer), nameof(MakeGetter), [c.Type.GetItemType().RawType], null, row, c, p));
    }).ToArray();

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column c, ColumnParameters p) where T : IFloatingPoint<T>
    {
        var offset = p.Offset.ToArray();
        var scale = p.Scale.ToArray();
        bool cdf = p.UseCdf, log = p.UseLog;
        T Apply(T x, int i)
        {
            var v = double.CreateTruncating(x);
            if (log && !double.IsNaN(v)) { if (v <= 0) return T.Zero; v = Math.Log(v); }
            if (scale[i] == 0) return T.Zero;
            var z = (v - offset[i]) * scale[i];
            return T.CreateTruncating(cdf ? 0.5 * (1 + Erf(z / Math.Sqrt(2))) : z);
        }
        if (c.Type is VectorDataViewType && !cdf && !log)
        {
            // The plain affine case (every mode but the CDF and log ones), as Apply computes it, without the per-element call.
            var g = row.GetGetter<VBuffer<T>>(c);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++)
                    arr[i] = scale[i] == 0 ? T.Zero : T.CreateTruncating((double.CreateTruncating(s[i]) - offset[i]) * scale[i]);
                dst = new VBuffer<T>(s.Length, arr);
            });
        }
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(c);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = Apply(s[i], i);
                dst = new VBuffer<T>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<T>(c);
        T x = default!;
        return (ValueGetter<T>)((ref T y) => { sg(ref x); y = Apply(x, 0); });
    }

    /// <summary>The error function, Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    internal static double Erf(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x >= 0 ? y : -y;
    }

    private sealed record Params(string[] Outputs, string[] Inputs, bool[] UseCdf, bool[]? UseLog = null);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx)
    {
        ctx.WriteParameters(new Params(_columns.Select(c => c.OutputColumnName).ToArray(), _columns.Select(c => c.InputColumnName).ToArray(), _columns.Select(c => c.UseCdf).ToArray(), _columns.Select(c => c.UseLog).ToArray()));
        for (int i = 0; i < _columns.Length; i++)
        {
            ctx.WriteTensor<double>($"offset{i}", _columns[i].Offset.ToArray(), _columns[i].Offset.Count);
            ctx.WriteTensor<double>($"scale{i}", _columns[i].Scale.ToArray(), _columns[i].Scale.Count);
        }
    }

    internal static NormalizingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Inputs.Length != p.Outputs.Length || p.UseCdf.Length != p.Outputs.Length) throw ctx.Error("Normalizing: column lists differ in length.");
        var cols = new ColumnParameters[p.Outputs.Length];
        for (int i = 0; i < cols.Length; i++)
        {
            var offset = ctx.ReadTensor<double>($"offset{i}", out _);
            var scale = ctx.ReadTensor<double>($"scale{i}", out _);
            if (offset.Length != scale.Length) throw ctx.Error($"Normalizing: column {i} has {offset.Length} offsets and {scale.Length} scales.");
            cols[i] = new ColumnParameters(p.Outputs[i], p.Inputs[i], p.UseCdf[i], offset, scale, p.UseLog is { } l && i < l.Length && l[i]);
        }
        return new NormalizingTransformer(cols);
    }
}
