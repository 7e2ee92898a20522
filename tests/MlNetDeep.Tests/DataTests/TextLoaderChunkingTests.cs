using System.Globalization;
using System.Text;
using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.DataTests;

/// <summary>
/// The loader reads in fixed chunks and parses plain decimals on a fast path: values must equal
/// the general parser's bit for bit, and lines must split the same wherever a chunk ends.
/// </summary>
public class TextLoaderChunkingTests
{
    private static string[] NumberTexts()
    {
        var rng = new Random(11);
        var texts = new List<string> { "0", "-0", "+3", ".5", "5.", "-.25", "007.100", "1e5", "-2.5E-3", " 7", "8 ", "?", "",
            "16777217", "16777219", "0.1", "3.4028235e38", "123456789012345678", "1234567890123456789", "12345678901234567890",
            "9007199254740993", "0.00000000000000000000001", "0.000000000000000000000001", "340282356779733661637539395458142568448",
            "1.00000017881393421514957253748434595763683319091796875", "33554431", "33554433.0" };
        for (int i = 0; i < 3000; i++)
        {
            var digits = rng.Next(1, 21);
            var sb = new StringBuilder();
            if (rng.Next(4) == 0) sb.Append('-');
            for (int d = 0; d < digits; d++) sb.Append((char)('0' + rng.Next(10)));
            if (rng.Next(3) > 0) sb.Insert(sb.Length - rng.Next(0, Math.Min(digits, 23)), '.');
            texts.Add(sb.ToString());
        }
        return [.. texts];
    }

    [Fact]
    public void DecimalsEqualTheGeneralParserBitForBit()
    {
        var texts = NumberTexts();
        using var f = new TestData.TempFile(string.Join("\n", texts.Select(t => $"{t},{t}")) + "\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, [new TextLoader.Column("F", DataKind.Single, 0), new TextLoader.Column("D", DataKind.Double, 1)], ',');
        var floats = TestData.Column<float>(data, "F");
        var doubles = TestData.Column<double>(data, "D");
        Assert.Equal(texts.Length, floats.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            var t = texts[i];
            bool missing = string.IsNullOrWhiteSpace(t) || t.Trim() == "?";
            float ef = missing ? float.NaN : float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
            double ed = missing ? double.NaN : double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.SingleToInt32Bits(ef) == BitConverter.SingleToInt32Bits(floats[i]), $"'{t}' as float: {floats[i]:R}, expected {ef:R}");
            Assert.True(BitConverter.DoubleToInt64Bits(ed) == BitConverter.DoubleToInt64Bits(doubles[i]), $"'{t}' as double: {doubles[i]:R}, expected {ed:R}");
        }
    }

    [Fact]
    public void LinesSplitTheSameAcrossChunkBoundariesAndLineEndings()
    {
        // Lines of every length around the chunk size, ending in \n, \r\n or a lone \r, and one
        // line longer than several chunks: each row's text and number must come back whole.
        var sb = new StringBuilder("name,n\r\n");
        var expected = new List<(string Name, float N)>();
        string[] endings = ["\n", "\r\n", "\r"];
        int row = 0;
        foreach (var len in new[] { 1, 7, 100, 4000, 65530, 65535, 65536, 65537, 70000, 300000, 3 })
            for (int k = 0; k < 3; k++, row++)
            {
                var name = new string((char)('a' + row % 26), len);
                expected.Add((name, row));
                sb.Append(name).Append(',').Append(row.ToString(CultureInfo.InvariantCulture)).Append(endings[(row + k) % 3]);
                if (row % 5 == 0) sb.Append("\r\n"); // blank lines are skipped
            }
        using var f = new TestData.TempFile(sb.ToString());
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, [new TextLoader.Column("Name", DataKind.String, 0), new TextLoader.Column("N", DataKind.Single, 1)], ',', hasHeader: true);
        var names = TestData.Column<ReadOnlyMemory<char>>(data, "Name").Select(m => m.ToString()).ToList();
        var numbers = TestData.Column<float>(data, "N");
        Assert.Equal(expected.Select(e => e.Name), names);
        Assert.Equal(expected.Select(e => e.N), numbers);
        // Counting only (no column parsed) sees the same rows.
        using var cursor = data.GetRowCursor([]);
        int count = 0;
        while (cursor.MoveNext()) count++;
        Assert.Equal(expected.Count, count);
    }

    [Fact]
    public void ShortLineAfterChunksIsNamedWithItsLineEvenWhenItsFieldIsNotRead()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) sb.Append(i).Append(";x,").Append(i * 2).Append('\n');
        sb.Append("5;y\n"); // line 20001 lacks field 2
        using var f = new TestData.TempFile(sb.ToString());
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, new TextLoader.Options
        {
            Columns = [new TextLoader.Column("A", DataKind.Int32, 0), new TextLoader.Column("B", DataKind.String, 1), new TextLoader.Column("C", DataKind.Single, 2)],
            Separators = [';', ','],
        });
        var a = data.Schema["A"];
        using var cursor = data.GetRowCursor([a]); // C is not read, but every declared field must exist
        var get = cursor.GetGetter<int>(a);
        int v = 0, rows = 0;
        var ex = Assert.Throws<DataLoadException>(() => { while (cursor.MoveNext()) { get(ref v); Assert.Equal(rows++, v); } });
        Assert.Equal(20000, rows);
        Assert.Equal(20001, ex.LineNumber);
        Assert.Equal("C", ex.ColumnName);
    }

    [Fact]
    public void RepeatedCategoriesShareOneStringAndStayValidAfterTheCursorMoves()
    {
        using var f = new TestData.TempFile("c\nFrance\nSpain\nFrance\nGermany\n");
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile(f.Path, [new TextLoader.Column("C", DataKind.String, 0)], ',', hasHeader: true);
        var kept = TestData.Column<ReadOnlyMemory<char>>(data, "C"); // values kept across rows
        Assert.Equal(["France", "Spain", "France", "Germany"], kept.Select(m => m.ToString()));
    }
}
