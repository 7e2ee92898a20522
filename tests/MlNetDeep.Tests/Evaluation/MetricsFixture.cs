using MlNetDeep.Data;
using System.Text.Json;

namespace MlNetDeep.Tests.Evaluation;

/// <summary>
/// Reads Fixtures/metrics.json, written by Fixtures/make_metrics_fixture.py (scikit-learn, run
/// with Debian's python3-sklearn). The JSON is committed, so the tests need no Python.
/// </summary>
internal static class MetricsFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "metrics.json");
        if (!File.Exists(path)) throw new FileNotFoundException("metrics.json is missing; regenerate it with make_metrics_fixture.py beside it.", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static JsonElement Case(string name) => Root.Value.GetProperty(name);

    public static double Double(this JsonElement e, string name) => e.GetProperty(name).GetDouble();
    public static float[] Floats(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
    public static double[] Doubles(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
    public static int[] Ints(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
    public static bool[] Bools(this JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetBoolean()).ToArray();
    public static double[][] Matrix(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    /// <summary>|actual − expected| ≤ 1e-6 (absolute, the metrics are of order 1), with the metric's name on failure.</summary>
    public static void Close(double expected, double actual, string what, double tolerance = 1e-6)
    {
        if (!(Math.Abs(actual - expected) <= tolerance))
            Assert.Fail($"{what}: got {actual:R}, expected {expected:R} (tolerance {tolerance:G3})");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what, double tolerance = 1e-6)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++) Close(expected[i], actual[i], $"{what}[{i}]", tolerance);
    }

    public static void SameCounts(double[][] expected, ConfusionMatrix actual)
    {
        Assert.Equal(expected.Length, actual.NumberOfClasses);
        for (int r = 0; r < expected.Length; r++)
            Assert.Equal(expected[r], actual.Counts[r].ToArray());
    }
}
