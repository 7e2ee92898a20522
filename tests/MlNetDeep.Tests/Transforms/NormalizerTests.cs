using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;

namespace MlNetDeep.Tests.Transforms;

public class NormalizerTests
{
    public sealed class Row
    {
        [VectorType(3)] public float[] X { get; set; } = [];
    }

    private static IDataView Rows(MLContext ml, System.Text.Json.JsonElement t)
    {
        var shape = t.Shape();
        var d = t.Doubles();
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, shape[0]).Select(r => new Row { X = d.Skip(r * shape[1]).Take(shape[1]).Select(v => (float)v).ToArray() }).ToList());
    }

    private static double[] Flat(IDataView data, string col) => TestData.Vectors(data, col).SelectMany(v => v.Select(x => (double)x)).ToArray();

    [Fact]
    public void MeanVarianceWithoutFixZeroIsStandardScaler()
    {
        var f = TestData.Fixture("scalers.json");
        var ml = new MLContext(1);
        var train = Rows(ml, f.GetProperty("train"));
        var model = ml.Transforms.NormalizeMeanVariance("X", fixZero: false).Fit(train);
        var p = model.Columns[0];
        TestData.AssertClose(f.GetProperty("standard").GetProperty("mean").Doubles().Take(2).ToArray(), p.Offset.Take(2).ToArray(), what: "mean");
        // sklearn reports scale_ = 1 for a constant column; MlNetDeep maps it to 0 through a zero scale (same output).
        var sk = f.GetProperty("standard").GetProperty("scale").Doubles();
        TestData.AssertClose(sk.Take(2).ToArray(), p.Scale.Take(2).Select(s => 1 / s).ToArray(), what: "scale");
        Assert.Equal(0, p.Scale[2]);
        TestData.AssertClose(f.GetProperty("standard").GetProperty("train").Doubles(), Flat(model.Transform(train), "X"), atol: 1e-6, what: "train");
        // Fitted on train only: the test rows use the training statistics.
        AssertTestRows(f.GetProperty("standard").GetProperty("test").Doubles(), Flat(model.Transform(Rows(ml, f.GetProperty("test"))), "X"));
    }

    /// <summary>
    /// Column 2 was constant in training. ML.NET (and MlNetDeep) map such a slot to 0 for every
    /// later value too; scikit-learn keeps offset and a unit scale, so its test values there are x − 5.
    /// The other columns must match scikit-learn.
    /// </summary>
    private static void AssertTestRows(double[] sklearn, double[] actual)
    {
        var informative = Enumerable.Range(0, sklearn.Length).Where(i => i % 3 != 2).ToArray();
        TestData.AssertClose(informative.Select(i => sklearn[i]).ToArray(), informative.Select(i => actual[i]).ToArray(), atol: 1e-6, what: "test");
        Assert.Equal([0.0, 0.0, 0.0], Enumerable.Range(0, sklearn.Length / 3).Select(r => actual[r * 3 + 2]));
        Assert.Equal([0.0, 1.0, -1.0], Enumerable.Range(0, sklearn.Length / 3).Select(r => sklearn[r * 3 + 2]));
    }

    [Fact]
    public void MinMaxWithoutFixZeroIsMinMaxScaler()
    {
        var f = TestData.Fixture("scalers.json");
        var ml = new MLContext(1);
        var train = Rows(ml, f.GetProperty("train"));
        var model = ml.Transforms.NormalizeMinMax("X", fixZero: false).Fit(train);
        TestData.AssertClose(f.GetProperty("minmax").GetProperty("train").Doubles(), Flat(model.Transform(train), "X"), atol: 1e-6, what: "train");
        var test = Flat(model.Transform(Rows(ml, f.GetProperty("test"))), "X");
        var sk = f.GetProperty("minmax").GetProperty("test").Doubles();
        var informative = Enumerable.Range(0, sk.Length).Where(i => i % 3 != 2).ToArray();
        TestData.AssertClose(informative.Select(i => sk[i]).ToArray(), informative.Select(i => test[i]).ToArray(), atol: 1e-6, what: "test");
        Assert.Equal([0.0, 0.0, 0.0], Enumerable.Range(0, 3).Select(r => test[r * 3 + 2])); // constant in training → 0 (sklearn: x − 5)
    }

    [Fact]
    public void RobustScalingIsRobustScaler()
    {
        var f = TestData.Fixture("scalers.json");
        var r = f.GetProperty("robust");
        var ml = new MLContext(1);
        var train = Rows(ml, f.GetProperty("train"));
        var test = Rows(ml, f.GetProperty("test"));
        var model = ml.Transforms.NormalizeRobustScaling("X").Fit(train);
        TestData.AssertClose(r.GetProperty("center").Doubles(), model.Columns[0].Offset.Take(2).ToArray(), what: "center");
        TestData.AssertClose(r.GetProperty("scale").Doubles(), model.Columns[0].Scale.Take(2).Select(s => 1 / s).ToArray(), what: "scale");
        var got = Flat(model.Transform(test), "X");
        TestData.AssertClose(r.GetProperty("test").Doubles(), Enumerable.Range(0, 3).SelectMany(i => new[] { got[i * 3], got[i * 3 + 1] }).ToArray(), atol: 1e-6, what: "test");
        Assert.Equal([0.0, 0.0, 0.0], Enumerable.Range(0, 3).Select(i => got[i * 3 + 2])); // constant in training → 0
        var q = Flat(ml.Transforms.NormalizeRobustScaling("X", centerData: false, quantileMin: 10, quantileMax: 90).Fit(train).Transform(test), "X");
        TestData.AssertClose(r.GetProperty("test_q10_90_uncentered").Doubles(), Enumerable.Range(0, 3).SelectMany(i => new[] { q[i * 3], q[i * 3 + 1] }).ToArray(), atol: 1e-6, what: "q10-90");
        EstimatorContract.Check(ml.Transforms.NormalizeRobustScaling("X"), train, "X");
        Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.NormalizeRobustScaling("X", quantileMin: 80, quantileMax: 20));
    }

    public sealed class Scalar { public double V { get; set; } }

    private static double[] Apply(IEstimator<ITransformer> e, MLContext ml, double[] values)
    {
        var data = ml.Data.LoadFromEnumerable(values.Select(v => new Scalar { V = v }).ToList());
        return TestData.Column<double>(e.Fit(data).Transform(data), "N").ToArray();
    }

    [Fact]
    public void FixZeroSemanticsOnAHandExample()
    {
        var ml = new MLContext(1);
        double[] x = [-2, 1, 4];
        // MinMax, fixZero: scale 1/max(|−2|, |4|) = 1/4, zero stays zero.
        Assert.Equal([-0.5, 0.25, 1.0], Apply(ml.Transforms.NormalizeMinMax("N", "V"), ml, x));
        // MinMax without fixZero: (x − (−2)) / 6.
        TestData.AssertClose([0, 0.5, 1], Apply(ml.Transforms.NormalizeMinMax("N", "V", fixZero: false), ml, x), atol: 1e-12);
        // MeanVariance, fixZero: divide by the root mean square sqrt((4 + 1 + 16) / 3) = sqrt(7), no centering.
        TestData.AssertClose(x.Select(v => v / Math.Sqrt(7)).ToArray(), Apply(ml.Transforms.NormalizeMeanVariance("N", "V"), ml, x), atol: 1e-12);
        // MeanVariance without fixZero: mean 1, population σ = sqrt(6).
        TestData.AssertClose(x.Select(v => (v - 1) / Math.Sqrt(6)).ToArray(), Apply(ml.Transforms.NormalizeMeanVariance("N", "V", fixZero: false), ml, x), atol: 1e-12);
        // CDF: Φ((x − 1) / sqrt(8/3)) (values from scipy.stats.norm.cdf); Φ(0) = 0.5.
        var cdf = Apply(ml.Transforms.NormalizeMeanVariance("N", "V", fixZero: false, useCdf: true), ml, [-1, 1, 3]);
        TestData.AssertClose([0.11033568095992347, 0.5, 0.8896643190400766], cdf, atol: 2e-7);
        // LogMeanVariance: ln of [1, e, e²] is [0, 1, 2]: mean 1, σ = sqrt(2/3); x ≤ 0 → 0.
        var logs = Apply(ml.Transforms.NormalizeLogMeanVariance("N", "V", useCdf: false), ml, [1, Math.E, Math.E * Math.E, -5]);
        TestData.AssertClose([-1 / Math.Sqrt(2.0 / 3), 0, 1 / Math.Sqrt(2.0 / 3), 0], logs, atol: 1e-12);
        var logCdf = Apply(ml.Transforms.NormalizeLogMeanVariance("N", "V"), ml, [1, Math.E, Math.E * Math.E]);
        TestData.AssertClose([0.11033568095992347, 0.5, 0.8896643190400766], logCdf, atol: 2e-7); // Φ(∓1.2247), as above
        // A constant column maps to 0 in every mode.
        foreach (var e in new IEstimator<ITransformer>[] { ml.Transforms.NormalizeMinMax("N", "V"), ml.Transforms.NormalizeMinMax("N", "V", fixZero: false),
                     ml.Transforms.NormalizeMeanVariance("N", "V"), ml.Transforms.NormalizeMeanVariance("N", "V", fixZero: false) })
            Assert.Equal([0.0, 0.0, 0.0], Apply(e, ml, [3, 3, 3]));
    }

    [Fact]
    public void NaNIsIgnoredWhenFittingAndMaximumExampleCountLimitsRows()
    {
        var ml = new MLContext(1);
        var y = Apply(ml.Transforms.NormalizeMinMax("N", "V"), ml, [double.NaN, 2, -1]);
        Assert.True(double.IsNaN(y[0]));
        Assert.Equal([1.0, -0.5], y.Skip(1));
        // Only the first 2 rows are used: max |x| = 2, so 8 → 4.
        Assert.Equal([0.5, 1, 4], Apply(ml.Transforms.NormalizeMinMax("N", "V", maximumExampleCount: 2), ml, [1, 2, 8]));
    }

    [Fact]
    public void NonFloatInputIsRejectedNamingTheColumn()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new IntRow { I = 1 } });
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.NormalizeMinMax("N", "I").Fit(data));
        Assert.Contains("'I'", e.Message);
    }

    public sealed class IntRow { public int I { get; set; } }

    [Fact]
    public void Contract()
    {
        var ml = new MLContext(1);
        var f = TestData.Fixture("scalers.json");
        var train = Rows(ml, f.GetProperty("train"));
        EstimatorContract.Check(ml.Transforms.NormalizeMinMax("X"), train, "X");
        EstimatorContract.Check(ml.Transforms.NormalizeMinMax("Y", "X", fixZero: false), train, "X");
        EstimatorContract.Check(ml.Transforms.NormalizeMeanVariance("X"), train, "X");
        EstimatorContract.Check(ml.Transforms.NormalizeMeanVariance("Y", "X", fixZero: false, useCdf: true), train, "X");
        EstimatorContract.Check(ml.Transforms.NormalizeLogMeanVariance("Y", "X"), train, "X");
        var model = (NormalizingTransformer)EstimatorContract.Check(ml.Transforms.NormalizeMeanVariance("Y", "X", fixZero: false), train, "X");
        Assert.True(model.Transform(train).Schema["Y"].IsNormalized());
    }
}
