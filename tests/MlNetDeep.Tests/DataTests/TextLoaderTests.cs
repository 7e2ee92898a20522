using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.DataTests;

public class TextLoaderTests
{
    private sealed class Row
    {
        [LoadColumn(0)] public float A { get; set; }
        [LoadColumn(1), ColumnName("Name")] public string City { get; set; } = "";
        [LoadColumn(2, 4)] public float[] V { get; set; } = [];
        [LoadColumn(5)] public bool Flag { get; set; }
        [LoadColumn(6)] public long Id { get; set; }
    }

    private sealed class Row2
    {
        public float A { get; set; }
        public string Name { get; set; } = "";
        public float[] V { get; set; } = [];
        public bool Flag { get; set; }
        public long Id { get; set; }
    }

    private const string Csv = "A,City,v1,v2,v3,Flag,Id\n1.5,Paris,1,2,3,true,10\n-2,\"Rome, IT\",4,5,6,0,11\n\n,Oslo,7,8,9,1,12\n";

    [Fact]
    public void AttributesDefineColumnsAndTypes()
    {
        using var f = new TestData.TempFile(Csv);
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Row>(f.Path, ',', hasHeader: true, allowQuoting: true);
        Assert.Equal(["A", "Name", "V", "Flag", "Id"], data.Schema.Select(c => c.Name));
        Assert.Equal(NumberDataViewType.Single, data.Schema["A"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["V"].Type);
        Assert.Equal(NumberDataViewType.Int64, data.Schema["Id"].Type);
        var rows = ml.Data.CreateEnumerable<Row2>(data, reuseRowObject: false).ToList();
        Assert.Equal(3, rows.Count); // the blank line is skipped
        Assert.Equal(1.5f, rows[0].A);
        Assert.Equal("Rome, IT", rows[1].Name); // quoted separator is data
        Assert.True(float.IsNaN(rows[2].A)); // empty float field is NaN
        Assert.Equal([4f, 5f, 6f], rows[1].V);
        Assert.Equal([true, false, true], rows.Select(r => r.Flag));
        Assert.Equal([10L, 11L, 12L], rows.Select(r => r.Id));
    }

    [Fact]
    public void NonGenericLoaderWithExplicitColumns()
    {
        using var f = new TestData.TempFile("x\ty\tz\n1\t2\t3\n4\t5\t6\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, [new TextLoader.Column("First", DataKind.Int32, 0), new TextLoader.Column("Rest", DataKind.Double, 1, 2)], hasHeader: true);
        Assert.Equal([1, 4], TestData.Column<int>(data, "First"));
        var rest = TestData.Column<VBuffer<double>>(data, "Rest").Select(v => v.ToArray()).ToList();
        Assert.Equal([5.0, 6.0], rest[1]);
    }

    [Fact]
    public void StreamsTheFileAgainForEachCursor()
    {
        using var f = new TestData.TempFile("1\n2\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, [new TextLoader.Column("X", DataKind.Single, 0)]);
        Assert.Equal(2, TestData.CountRows(data));
        File.AppendAllText(f.Path, "3\n"); // nothing was cached: the next cursor sees the new line
        Assert.Equal([1f, 2f, 3f], TestData.Column<float>(data, "X"));
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        var ml = new MLContext(1);
        var ex = Assert.Throws<FileNotFoundException>(() => ml.Data.LoadFromTextFile<Row>("no-such-dir/absent.csv", ','));
        Assert.Contains("absent.csv", ex.Message);
    }

    [Fact]
    public void NonNumericValueNamesFileLineAndColumn()
    {
        using var f = new TestData.TempFile("A,City,v1,v2,v3,Flag,Id\n1,P,1,2,3,true,10\n2,Q,1,abc,3,true,11\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Row>(f.Path, ',', hasHeader: true);
        Assert.Equal(2, TestData.CountRows(data)); // as ML.NET, only the columns read are parsed
        var ex = Assert.Throws<DataLoadException>(() => TestData.AllRows(data));
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("V", ex.ColumnName);
        Assert.Contains(Path.GetFileName(f.Path), ex.Message);
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("'V'", ex.Message);
        Assert.Contains("'abc'", ex.Message);
    }

    [Fact]
    public void ShortLineNamesTheColumnItCannotRead()
    {
        using var f = new TestData.TempFile("1,P,1,2,3,true,10\n2,Q,1\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Row>(f.Path, ',');
        var ex = Assert.Throws<DataLoadException>(() => TestData.CountRows(data));
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal("V", ex.ColumnName);
        Assert.Contains("3 field(s)", ex.Message);
    }

    [Fact]
    public void BadIntegerAndBooleanAreErrors()
    {
        using var f = new TestData.TempFile("1,P,1,2,3,maybe,10\n");
        var ml = new MLContext(1);
        var ex = Assert.Throws<DataLoadException>(() => TestData.AllRows(ml.Data.LoadFromTextFile<Row>(f.Path, ',')));
        Assert.Equal("Flag", ex.ColumnName);
        using var g = new TestData.TempFile("1,P,1,2,3,1,1.5\n");
        var ex2 = Assert.Throws<DataLoadException>(() => TestData.Column<long>(ml.Data.LoadFromTextFile<Row>(g.Path, ','), "Id"));
        Assert.Equal("Id", ex2.ColumnName);
    }

    [Fact]
    public void SkipInvalidRowsCountsThemAndLogs()
    {
        using var f = new TestData.TempFile("1,P,1,2,3,true,10\nbad,Q,1,2,3,true,11\n3,R,1,2\n4,S,1,2,3,false,13\n");
        var ml = new MLContext(1);
        var log = new List<string>();
        ml.Log += (_, e) => log.Add(e.Message);
        var data = ml.Data.LoadFromTextFile<Row>(f.Path, new TextLoader.Options { Separators = [','], SkipInvalidRows = true });
        Assert.Equal(0, data.SkippedRowCount);
        Assert.Equal([1f, 4f], TestData.Column<float>(data, "A"));
        Assert.Equal(2, data.SkippedRowCount);
        Assert.Contains(log, m => m.Contains("line 2") && m.Contains("'A'"));
        Assert.Contains(log, m => m.Contains("skipped 2"));
        // The row set does not depend on the columns read.
        Assert.Equal(2, TestData.CountRows(data));
    }

    [Fact]
    public void UnterminatedQuoteIsAnError()
    {
        using var f = new TestData.TempFile("1,\"open,1,2,3,true,10\n");
        var ml = new MLContext(1);
        var ex = Assert.Throws<DataLoadException>(() => TestData.CountRows(ml.Data.LoadFromTextFile<Row>(f.Path, ',', allowQuoting: true)));
        Assert.Equal(1, ex.LineNumber);
        Assert.Contains("unterminated", ex.Message);
    }

    private sealed class Picked
    {
        [LoadColumn([2, 0])] public float[] Pair { get; set; } = [];
        [LoadColumn(1)] public string Name { get; set; } = "";
    }

    [Fact]
    public void IndexListAndTrimWhitespace()
    {
        using var f = new TestData.TempFile("1;a  ;3   \n4;b;6\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Picked>(f.Path, ';', trimWhitespace: true);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 2), data.Schema["Pair"].Type);
        Assert.Equal([new[] { 3f, 1 }, [6, 4]], TestData.Vectors(data, "Pair"));
        // trimWhitespace removes trailing whitespace of the line (as ML.NET), not inside fields.
        Assert.Equal(["a  ", "b"], TestData.Column<ReadOnlyMemory<char>>(data, "Name").Select(m => m.ToString()));
    }

    [Fact]
    public void ReadingIsLazyAndStopsEarly()
    {
        using var f = new TestData.TempFile("1,P,1,2,3,true,10\n2,Q,1,2,3,true,11\nbroken line\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<Row>(f.Path, ',');
        var model = ml.Transforms.NormalizeMinMax("V").Fit(ml.Data.TakeRows(data, 2)); // never reaches line 3
        var transformed = model.Transform(data); // lazy: nothing read yet
        Assert.Equal(2, TestData.Vectors(ml.Data.TakeRows(transformed, 2), "V").Count);
        var ex = Assert.Throws<DataLoadException>(() => TestData.CountRows(transformed));
        Assert.Equal(3, ex.LineNumber);
    }
}
