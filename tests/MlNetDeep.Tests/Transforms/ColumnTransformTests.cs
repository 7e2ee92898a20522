using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.Transforms;

public class ColumnTransformTests
{
    public sealed class Row
    {
        public float A { get; set; }
        public float B { get; set; }
        [VectorType(2)] public float[] V { get; set; } = [];
        public string S { get; set; } = "";
        public bool Flag { get; set; }
    }

    private static IDataView Data(MLContext ml) => ml.Data.LoadFromEnumerable(new[]
    {
        new Row { A = 1, B = 2, V = [3, 4], S = "1.5", Flag = true },
        new Row { A = -1, B = 0.5f, V = [7, 8], S = "x", Flag = false },
    });

    [Fact]
    public void ConcatenateJoinsInOrderWithSlotNames()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        var named = ml.Transforms.Categorical.OneHotEncoding("O", "S").Fit(data).Transform(data);
        var output = ml.Transforms.Concatenate("F", "B", "V", "A", "O").Fit(named).Transform(named);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 6), output.Schema["F"].Type);
        Assert.Equal([new[] { 2f, 3, 4, 1, 1, 0 }, [0.5f, 7, 8, -1, 0, 1]], TestData.Vectors(output, "F"));
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        output.Schema["F"].GetSlotNames(ref slots);
        Assert.Equal(["B", "", "", "A", "O.1.5", "O.x"], slots.DenseValues().Select(s => s.ToString()));
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.Concatenate("F", "A", "S").Fit(data));
        Assert.Contains("'S'", e.Message);
    }

    [Fact]
    public void CopyDropSelect()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        var copied = ml.Transforms.CopyColumns("A2", "A").Fit(data).Transform(data);
        Assert.Equal([1f, -1f], TestData.Column<float>(copied, "A2"));
        var dropped = ml.Transforms.DropColumns("A", "V").Fit(data).Transform(data);
        Assert.Equal(["B", "S", "Flag"], dropped.Schema.Select(c => c.Name));
        var selected = ml.Transforms.SelectColumns("S", "A").Fit(data).Transform(data);
        Assert.Equal(["S", "A"], selected.Schema.Select(c => c.Name));
        Assert.Equal([1f, -1f], TestData.Column<float>(selected, "A"));
        // Replacing a column hides the old one; Drop removes both.
        var replaced = ml.Transforms.CopyColumns("A", "B").Fit(data).Transform(data);
        Assert.Equal([2f, 0.5f], TestData.Column<float>(replaced, "A"));
        Assert.True(replaced.Schema[0].IsHidden);
        Assert.DoesNotContain("A", ml.Transforms.DropColumns("A").Fit(replaced).Transform(replaced).Schema.Select(c => c.Name));
    }

    [Fact]
    public void ConvertType()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        var m = ml.Transforms.Conversion.ConvertType("D", "A", DataKind.Double)
            .Append(ml.Transforms.Conversion.ConvertType("F", "Flag", DataKind.Single))
            .Append(ml.Transforms.Conversion.ConvertType("P", "S", DataKind.Single))
            .Append(ml.Transforms.Conversion.ConvertType("I", "V", DataKind.Int32))
            .Append(ml.Transforms.Conversion.ConvertType("T", "B", DataKind.String))
            .Fit(data);
        var o = m.Transform(data);
        Assert.Equal([1.0, -1.0], TestData.Column<double>(o, "D"));
        Assert.Equal([1f, 0f], TestData.Column<float>(o, "F"));
        var p = TestData.Column<float>(o, "P");
        Assert.Equal(1.5f, p[0]);
        Assert.True(float.IsNaN(p[1])); // unparsable text → NaN for floats
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Int32, 2), o.Schema["I"].Type);
        Assert.Equal([7, 8], TestData.Column<VBuffer<int>>(o, "I")[1].ToArray());
        Assert.Equal(["2", "0.5"], TestData.Column<ReadOnlyMemory<char>>(o, "T").Select(t => t.ToString()));
    }

    [Fact]
    public void Contracts()
    {
        var ml = new MLContext(1);
        var data = Data(ml);
        EstimatorContract.Check(ml.Transforms.Concatenate("F", "A", "V", "B"), data, "V");
        EstimatorContract.Check(ml.Transforms.CopyColumns("A2", "A"), data, "A");
        EstimatorContract.Check(ml.Transforms.CopyColumns(new InputOutputColumnPair("S2", "S"), new InputOutputColumnPair("V2", "V")), data, "V");
        EstimatorContract.Check(ml.Transforms.DropColumns("A"), data, "A");
        EstimatorContract.Check(ml.Transforms.SelectColumns("V", "S"), data, "S");
        EstimatorContract.Check(ml.Transforms.Conversion.ConvertType("D", "V", DataKind.Double), data, "V");
        EstimatorContract.Check(ml.Transforms.Conversion.ConvertType("T", "Flag", DataKind.String), data, "Flag");
        // A whole chain obeys the contract too.
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding("O", "S")
            .Append(ml.Transforms.Concatenate("F", "A", "O"))
            .Append(ml.Transforms.NormalizeMinMax("F")), data, "S");
    }
}
