using System.Text.Json;

namespace MlNetDeep.Tests.Text;

/// <summary>
/// Loads the JSON fixtures written by Fixtures/make_text_fixtures.py (scikit-learn and NLTK run
/// with Debian's python3); they are committed, so the tests need no Python.
/// </summary>
internal static class TextFixture
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture {fileName} is missing; regenerate it with Fixtures/make_text_fixtures.py.", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();
    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>A fixture sparse matrix {"shape", "rows", "cols", "values"} as dense rows.</summary>
    public static double[][] DenseRows(this JsonElement m)
    {
        var shape = m.GetProperty("shape").Ints();
        var rows = m.GetProperty("rows").Ints();
        var cols = m.GetProperty("cols").Ints();
        var values = m.GetProperty("values").Doubles();
        var dense = Enumerable.Range(0, shape[0]).Select(_ => new double[shape[1]]).ToArray();
        for (int i = 0; i < values.Length; i++) dense[rows[i]][cols[i]] = values[i];
        return dense;
    }

    public static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R}");
    }
}
