using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using Mode = MlNetDeep.Transforms.MissingValueReplacingEstimator.ReplacementMode;

namespace MlNetDeep.Tests.Transforms;

public class MissingValueAndCustomMappingTests
{
    public sealed class Row
    {
        public float X { get; set; }
        [VectorType(2)] public double[] V { get; set; } = [];
    }

    private static IDataView Data(MLContext ml) => ml.Data.LoadFromEnumerable(new[]
    {
        new Row { X = 1, V = [double.NaN, 10] },
        new Row { X = float.NaN, V = [2, double.NaN] },
        new Row { X = 5, V = [4, 30] },
    });

    [Fact]
    public void ReplaceMissingValuesByMode()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        float[] X(IEstimator<ITransformer> e) => e.Fit(data).Transform(data).GetColumn<float>("Y").ToArray();
        Assert.Equal([1f, 0, 5], X(ml.Transforms.ReplaceMissingValues("Y", "X")));
        Assert.Equal([1f, 3, 5], X(ml.Transforms.ReplaceMissingValues("Y", "X", Mode.Mean)));
        Assert.Equal([1f, 1, 5], X(ml.Transforms.ReplaceMissingValues("Y", "X", Mode.Minimum)));
        Assert.Equal([1f, 5, 5], X(ml.Transforms.ReplaceMissingValues("Y", "X", Mode.Maximum)));
        // Per slot: slot 0 mean 3, slot 1 mean 20; over all slots: mean of 2, 4, 10, 30 = 11.5.
        var bySlot = ml.Transforms.ReplaceMissingValues("W", "V", Mode.Mean).Fit(data).Transform(data).GetVectorColumn<double>("W").ToList();
        Assert.Equal([3.0, 10], bySlot[0]);
        Assert.Equal([2.0, 20], bySlot[1]);
        var pooled = ml.Transforms.ReplaceMissingValues("W", "V", Mode.Mean, imputeBySlot: false).Fit(data).Transform(data).GetVectorColumn<double>("W").ToList();
        Assert.Equal([11.5, 10], pooled[0]);
        Assert.Equal([2.0, 11.5], pooled[1]);
    }

    [Fact]
    public void IndicateMissingValues()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        var o = ml.Transforms.IndicateMissingValues("Mx", "X").Append(ml.Transforms.IndicateMissingValues("Mv", "V")).Fit(data).Transform(data);
        Assert.Equal([false, true, false], o.GetColumn<bool>("Mx"));
        Assert.Equal([true, false], o.GetVectorColumn<bool>("Mv").First());
        Assert.Equal(new VectorDataViewType(BooleanDataViewType.Instance, 2), o.Schema["Mv"].Type);
    }

    [Fact]
    public void Contracts()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        EstimatorContract.Check(ml.Transforms.ReplaceMissingValues("X"), data, "X");
        EstimatorContract.Check(ml.Transforms.ReplaceMissingValues("W", "V", Mode.Maximum), data, "V");
        EstimatorContract.Check(ml.Transforms.IndicateMissingValues([new InputOutputColumnPair("Mx", "X"), new InputOutputColumnPair("Mv", "V")]), data, "V");
    }

    public sealed class In { public float X { get; set; } }
    public sealed class Out { public float Twice { get; set; } public string Label { get; set; } = ""; }

    [Fact]
    public void CustomMappingRunsOncePerRowAndIsNotSaved()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        int calls = 0;
        var est = ml.Transforms.CustomMapping<In, Out>((i, o) => { calls++; o.Twice = 2 * i.X; o.Label = i.X > 2 ? "big" : "small"; }, "double");
        var model = est.Fit(data);
        var output = model.Transform(data);
        Assert.Equal(["Twice", "Label"], est.GetOutputSchema(SchemaShape.Create(data.Schema)).Skip(2).Select(c => c.Name));
        using (var c = output.GetRowCursor([output.Schema["Twice"], output.Schema["Label"]]))
        {
            var t = c.GetGetter<float>(output.Schema["Twice"]);
            var l = c.GetGetter<ReadOnlyMemory<char>>(output.Schema["Label"]);
            float tv = 0; ReadOnlyMemory<char> lv = default;
            Assert.True(c.MoveNext());
            t(ref tv); l(ref lv); t(ref tv);
            Assert.Equal((2f, "small"), (tv, lv.ToString()));
            Assert.True(c.MoveNext());
            Assert.True(c.MoveNext());
            t(ref tv); l(ref lv);
            Assert.Equal((10f, "big"), (tv, lv.ToString()));
        }
        Assert.Equal(2, calls); // once per row whose outputs were read
        var e = Assert.Throws<InvalidOperationException>(() => ml.Model.Save(model, data.Schema, new MemoryStream()));
        Assert.Contains("cannot be saved", e.Message);
        var missing = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.CustomMapping<Out, In>((_, _) => { }).Fit(data));
        Assert.Contains("'Twice'", missing.Message);
    }
}
