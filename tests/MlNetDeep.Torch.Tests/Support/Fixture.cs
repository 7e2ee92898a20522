using System.Text.Json;

namespace MlNetDeep.Torch.Tests.Support;

/// <summary>
/// Reads the JSON fixtures written by the PyTorch scripts in Fixtures/ (make_*.py, run with
/// Debian's python3-torch). Tests need no Python: the JSON files are committed.
/// </summary>
public static class Fixture
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Fixture {fileName} is missing; regenerate it with the make_*.py script beside it.", path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static float[] Floats(this JsonElement e) => e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    public static long[] Longs(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>A fixture tensor stored as {"shape": [...], "data": [...]} (data flattened row-major).</summary>
    public static Tensor Tensor(this JsonElement e, ScalarType dtype = ScalarType.Float32)
    {
        var shape = e.GetProperty("shape").Longs();
        var data = e.GetProperty("data");
        return dtype switch
        {
            ScalarType.Float32 => Torch.Tensor(data.Floats(), shape),
            ScalarType.Float64 => Torch.Tensor(data.Doubles(), shape),
            ScalarType.Int64 => Torch.Tensor(data.Longs(), shape),
            _ => throw new NotSupportedException(dtype.ToString()),
        };
    }

    /// <summary>Asserts |actual - expected| ≤ atol + rtol·|expected| element-wise, naming the first failing index.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rtol = 1e-5, double atol = 1e-6, string what = "")
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            var tol = atol + rtol * Math.Abs(expected[i]);
            if (!(Math.Abs(actual[i] - expected[i]) <= tol))
                Assert.Fail($"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R} (tolerance {tol:G3})");
        }
    }

    public static void AssertClose(float[] expected, float[] actual, double rtol = 1e-5, double atol = 1e-6, string what = "") =>
        AssertClose(expected.Select(v => (double)v).ToArray(), actual.Select(v => (double)v).ToArray(), rtol, atol, what);

    /// <summary>Compares a tensor (any float type) with a fixture tensor's values and shape.</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, double rtol = 1e-5, double atol = 1e-6, string what = "")
    {
        Assert.Equal(expected.GetProperty("shape").Longs(), actual.Shape);
        using var d = actual.To(ScalarType.Float64);
        AssertClose(expected.GetProperty("data").Doubles(), d.ToArray<double>(), rtol, atol, what);
    }
}
