using System.Text.Json;
using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// The ONNX models and PyTorch reference outputs written by Fixtures/make_onnx_models.py
/// (torch.onnx.export, opset 13, dynamic batch axis); committed, so the tests need no Python.
/// </summary>
internal static class OnnxFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "onnx_models.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static string ModelPath(string model) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "onnx", Root.Value.GetProperty(model).GetProperty("file").GetString()!);

    /// <summary>The cases of a model: inputs as tensors of the element types the model declares,
    /// and PyTorch's outputs as JSON tensors.</summary>
    public static IEnumerable<(Dictionary<string, OnnxTensor> Inputs, Dictionary<string, JsonElement> Expected)> Cases(string model, OnnxSession session)
    {
        foreach (var c in Root.Value.GetProperty(model).GetProperty("cases").EnumerateArray())
        {
            var inputs = new Dictionary<string, OnnxTensor>();
            foreach (var p in c.GetProperty("inputs").EnumerateObject())
                inputs[p.Name] = ToTensor(p.Value, session.Inputs.Single(i => i.Name == p.Name).ElementType);
            var expected = c.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            yield return (inputs, expected);
        }
    }

    public static long[] Shape(JsonElement tensor) => tensor.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();

    public static double[] Values(JsonElement tensor) =>
        tensor.GetProperty("data").EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.True => 1.0,
            JsonValueKind.False => 0.0,
            _ => v.GetDouble(),
        }).ToArray();

    public static OnnxTensor ToTensor(JsonElement tensor, OnnxElementType type)
    {
        var shape = Shape(tensor);
        if (type == OnnxElementType.String)
            return OnnxTensor.Create(tensor.GetProperty("data").EnumerateArray().Select(v => v.GetString()!).ToArray(), shape);
        var v = Values(tensor);
        return type switch
        {
            OnnxElementType.Float => OnnxTensor.Create(v.Select(x => (float)x).ToArray(), shape),
            OnnxElementType.Double => OnnxTensor.Create(v, shape),
            OnnxElementType.Int64 => OnnxTensor.Create(v.Select(x => (long)x).ToArray(), shape),
            OnnxElementType.Int32 => OnnxTensor.Create(v.Select(x => (int)x).ToArray(), shape),
            OnnxElementType.Bool => OnnxTensor.Create(v.Select(x => x != 0).ToArray(), shape),
            _ => throw new NotSupportedException(type.ToString()),
        };
    }

    /// <summary>Any tensor's elements as doubles, for comparison.</summary>
    public static double[] AsDoubles(OnnxTensor t) => t.ElementType switch
    {
        OnnxElementType.Float => t.ToArray<float>().Select(x => (double)x).ToArray(),
        OnnxElementType.Double => t.ToArray<double>(),
        OnnxElementType.Int64 => t.ToArray<long>().Select(x => (double)x).ToArray(),
        OnnxElementType.Int32 => t.ToArray<int>().Select(x => (double)x).ToArray(),
        OnnxElementType.Bool => t.ToArray<bool>().Select(x => x ? 1.0 : 0.0).ToArray(),
        _ => throw new NotSupportedException(t.ElementType.ToString()),
    };

    /// <summary>Asserts shape equality and |actual - expected| &lt;= tol * max(1, |expected|).</summary>
    public static void AssertClose(JsonElement expected, OnnxTensor actual, double tolerance, string what)
    {
        Assert.Equal(Shape(expected), actual.Shape.ToArray());
        var e = Values(expected);
        var a = AsDoubles(actual);
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
            if (!(Math.Abs(e[i] - a[i]) <= tolerance * Math.Max(1.0, Math.Abs(e[i]))))
                Assert.Fail($"{what}: element {i} is {a[i]:R}, PyTorch gives {e[i]:R}");
    }
}
