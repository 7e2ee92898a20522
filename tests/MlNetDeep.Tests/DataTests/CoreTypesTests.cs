using MlNetDeep.Data;

namespace MlNetDeep.Tests.DataTests;

public class CoreTypesTests
{
    [Fact]
    public void VBufferDensifiesMlNetSparseConstructor()
    {
        var v = new VBuffer<float>(5, 2, [7f, 9f, 123f], [1, 3]);
        Assert.Equal([0f, 7, 0, 9, 0], v.ToArray());
        Assert.True(v.IsDense);
        Assert.Equal(9f, v.GetItemOrDefault(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VBuffer<float>(2, 1, [1f], [5]));
        var dst = new VBuffer<float>(1, new float[10]);
        v.CopyTo(ref dst);
        Assert.Equal(v.ToArray(), dst.ToArray());
    }

    [Fact]
    public void TypesCompareByValue()
    {
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 3));
        Assert.NotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Double, 3));
        Assert.False(new VectorDataViewType(NumberDataViewType.Single).IsKnownSize);
        Assert.Equal(6, new VectorDataViewType(NumberDataViewType.Single, 2, 3).Size);
        Assert.Equal(new KeyDataViewType(typeof(uint), 4), new KeyDataViewType(typeof(uint), 4));
        Assert.Throws<ArgumentException>(() => new KeyDataViewType(typeof(int), 4));
        Assert.Equal(typeof(ReadOnlyMemory<char>), TextDataViewType.Instance.RawType);
        Assert.Equal(typeof(VBuffer<bool>), new VectorDataViewType(BooleanDataViewType.Instance, 2).RawType);
    }

    [Fact]
    public void SchemaBuilderHidesEarlierColumnsOfTheSameName()
    {
        var s = new DataViewSchema.Builder()
            .AddColumn("A", NumberDataViewType.Single)
            .AddColumn("B", TextDataViewType.Instance)
            .AddColumn("A", NumberDataViewType.Double)
            .ToSchema();
        Assert.Equal(3, s.Count);
        Assert.True(s[0].IsHidden);
        Assert.Equal(2, s["A"].Index);
        Assert.Equal(NumberDataViewType.Double, s["A"].Type);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s["C"]);
        Assert.Contains("'C'", e.Message);
        Assert.Contains("B, A", e.Message); // visible columns only
    }

    public sealed class Row { public float X { get; set; } [VectorType(2)] public double[] V { get; set; } = []; }

    [Fact]
    public void GetColumnAndWrongGetterType()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { X = 1, V = [1, 2] }, new Row { X = 2, V = [3, 4] } });
        Assert.Equal([1f, 2f], data.GetColumn<float>("X"));
        var vs = data.GetVectorColumn<double>("V").ToList();
        Assert.Equal([3.0, 4.0], vs[1]);
        Assert.Equal([1.0, 2.0], vs[0]); // values are kept, not overwritten by the next row
        using var c = data.GetRowCursorForAllColumns();
        var e = Assert.Throws<InvalidOperationException>(() => c.GetGetter<double>(data.Schema["X"]));
        Assert.Contains("'X'", e.Message);
        Assert.Contains("Double", e.Message);
        using var only = data.GetRowCursor([data.Schema["V"]]);
        Assert.False(only.IsColumnActive(data.Schema["X"]));
        Assert.Throws<InvalidOperationException>(() => only.GetGetter<float>(data.Schema["X"]));
    }

    [Fact]
    public void EstimatorChainAppendFlattensAndFitsInOrder()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { X = 1, V = [1, 2] }, new Row { X = -4, V = [3, 4] } });
        IEstimator<ITransformer> start = ml.Transforms.CopyColumns("Y", "X").Append(ml.Transforms.NormalizeMinMax("Y"));
        var chain = start.Append(ml.Transforms.Conversion.ConvertType("Z", "Y", DataKind.Double));
        Assert.Equal(3, chain.Estimators.Count);
        var model = chain.Fit(data);
        Assert.Equal(3, model.Count());
        Assert.Equal([0.25, -1.0], model.Transform(data).GetColumn<double>("Z"));
    }

    [Fact]
    public void PreviewShowsTheFirstRows()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new Row { X = i, V = [i, -i] }).ToList());
        var p = data.Preview(maxRows: 3);
        Assert.Equal(3, p.RowView.Length);
        Assert.Equal(["X", "V"], p.ColumnView.Select(c => c.Column.Name));
        Assert.Equal(2f, p.RowView[2].Values[0].Value);
        Assert.Equal([2.0, -2.0], (double[])p.ColumnView[1].Values[2]!);
        Assert.Contains("[1, -1]", p.ToString());
    }

    public sealed class CountingRows : IEnumerable<Row>
    {
        public int Enumerations;
        public IEnumerator<Row> GetEnumerator()
        {
            Enumerations++;
            for (int i = 0; i < 4; i++) yield return new Row { X = i, V = [i, i] };
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void CacheReadsTheSourceOnce()
    {
        var ml = new MLContext(1);
        var source = new CountingRows();
        var cached = ml.Data.Cache(ml.Data.LoadFromEnumerable(source));
        Assert.Equal([0f, 1, 2, 3], cached.GetColumn<float>("X"));
        Assert.Equal([3.0, 3.0], cached.GetVectorColumn<double>("V").Last());
        Assert.Equal(1, source.Enumerations);
        Assert.Equal(4, cached.GetRowCount());

        // AppendCacheCheckpoint: the estimators after the checkpoint fit on the cached data.
        var src2 = new CountingRows();
        var data = ml.Data.LoadFromEnumerable(src2);
        var model = ml.Transforms.CopyColumns("Y", "X").AppendCacheCheckpoint(ml)
            .Append(ml.Transforms.NormalizeMinMax("Y"))
            .Append(ml.Transforms.NormalizeMeanVariance("Z", "Y"))
            .Fit(data);
        Assert.Equal(1, src2.Enumerations);
        Assert.Equal([0f, 1 / 3f, 2 / 3f, 1], model.Transform(data).GetColumn<float>("Y"));
    }
}
