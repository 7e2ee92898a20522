using System.Reflection;
using System.Text.Json;
using MlNetDeep.Data;

namespace MlNetDeep.Tests.Support;

/// <summary>Fixtures (committed JSON written by the make_*.py scripts), data files, temp files and row reading for tests.</summary>
public static class TestData
{
    public static string DataPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    public static JsonElement Fixture(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture {fileName} is missing; regenerate it with the make_*.py script beside it.", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e) => e.ValueKind == JsonValueKind.Object
        ? e.GetProperty("data").Doubles()
        : e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();

    public static int[] Shape(this JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>Asserts |actual − expected| ≤ atol + rtol·|expected| element-wise, naming the first failing index.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double rtol = 1e-5, double atol = 1e-6, string what = "")
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            var tol = atol + rtol * Math.Abs(expected[i]);
            if (!(Math.Abs(actual[i] - expected[i]) <= tol))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R} (tolerance {tol:G3})");
        }
    }

    /// <summary>A temporary file that is deleted on dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile(string? contents = null, string extension = ".csv")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlnd-" + Guid.NewGuid().ToString("N") + extension);
            if (contents is not null) File.WriteAllText(Path, contents);
        }

        public string Path { get; }

        public void Dispose()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }
    }

    /// <summary>A float vector column read row by row.</summary>
    public static List<float[]> Vectors(IDataView data, string column)
    {
        var col = data.Schema[column];
        var list = new List<float[]>();
        using var c = data.GetRowCursor([col]);
        var g = c.GetGetter<VBuffer<float>>(col);
        VBuffer<float> v = default;
        while (c.MoveNext()) { g(ref v); list.Add(v.ToArray()); }
        return list;
    }

    /// <summary>A scalar column read row by row.</summary>
    public static List<T> Column<T>(IDataView data, string column)
    {
        var col = data.Schema[column];
        var list = new List<T>();
        using var c = data.GetRowCursor([col]);
        var g = c.GetGetter<T>(col);
        T v = default!;
        while (c.MoveNext()) { g(ref v); list.Add(v); }
        return list;
    }

    public static long CountRows(IDataView data)
    {
        using var c = data.GetRowCursor([]);
        long n = 0;
        while (c.MoveNext()) n++;
        return n;
    }

    /// <summary>Every visible column of every row, as comparable strings (vectors joined, floats round-trip formatted).</summary>
    public static List<string[]> AllRows(IDataView data)
    {
        var cols = data.Schema.Where(c => !c.IsHidden).ToArray();
        var rows = new List<string[]>();
        using var cursor = data.GetRowCursor(cols);
        var readers = cols.Select(c => (Func<string>)typeof(TestData).GetMethod(nameof(Reader), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(c.Type.RawType).Invoke(null, [cursor, c])!).ToArray();
        while (cursor.MoveNext()) rows.Add(readers.Select(r => r()).ToArray());
        return rows;
    }

    private static Func<string> Reader<T>(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<T>(c);
        T v = default!;
        return () =>
        {
            g(ref v);
            return v switch
            {
                VBuffer<float> f => string.Join("|", f.DenseValues().Select(x => x.ToString("R"))),
                VBuffer<double> d => string.Join("|", d.DenseValues().Select(x => x.ToString("R"))),
                VBuffer<uint> k => string.Join("|", k.DenseValues()),
                VBuffer<ReadOnlyMemory<char>> t => string.Join("|", t.DenseValues().Select(x => x.ToString())),
                float f => f.ToString("R"),
                double d => d.ToString("R"),
                _ => v?.ToString() ?? "<null>",
            };
        };
    }
}
