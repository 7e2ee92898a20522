using MlNetDeep.Data;
using MlNetDeep.Onnx;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// Exports fitted pipelines, runs them through ONNX Runtime on rows of a data view (feeding the raw
/// input columns the export names) and compares with the pipeline's own Transform; runs check_onnx.py.
/// </summary>
internal static class PipelineExportHarness
{
    /// <summary>Exports, checks with check_onnx.py, runs every output on <paramref name="rows"/> and asserts equality with the pipeline to <paramref name="atol"/>.</summary>
    public static OnnxExportResult AssertMatches(MLContext ml, ITransformer model, IDataView rows, string name, double atol = 1e-5, bool exportableTailOnly = false, IDataView? tailInput = null)
    {
        using var stream = new MemoryStream();
        var result = ml.Model.ConvertToOnnx(model, rows, stream, exportableTailOnly);
        var bytes = stream.ToArray();
        Check(name, bytes);
        var transformed = model.Transform(rows);
        var outputs = Run(bytes, tailInput ?? rows, result);
        foreach (var o in result.Outputs)
        {
            var expected = Values(transformed, o.ColumnName, out var width);
            Assert.Equal(width, o.Width);
            var actual = outputs[o.OnnxName];
            Assert.Equal(new long[] { expected.Length / Math.Max(width, 1), o.Width }, actual.Shape);
            var got = Doubles(actual);
            for (int i = 0; i < expected.Length && i < got.Length; i++)
                if (double.IsNaN(expected[i]))
                {
                    Assert.True(double.IsNaN(got[i]), $"{name}: {o.ColumnName}[{i}] is {got[i]}, expected NaN");
                    expected[i] = got[i] = 0;
                }
            TestData.AssertClose(expected, got, rtol: 0, atol: atol, what: $"{name}: {o.ColumnName}");
        }
        return result;
    }

    /// <summary>Runs the model with the export's input columns read from <paramref name="rows"/>.</summary>
    public static IReadOnlyDictionary<string, OnnxTensor> Run(byte[] model, IDataView rows, OnnxExportResult result)
    {
        using var session = OnnxSession.FromBytes(model);
        var feeds = result.Inputs.ToDictionary(i => i.OnnxName, i => Tensor(rows, i));
        return session.Run(feeds);
    }

    /// <summary>The graph input <paramref name="input"/> as a [rows, width] tensor of its element type.</summary>
    public static OnnxTensor Tensor(IDataView rows, OnnxExportColumn input)
    {
        var col = rows.Schema[input.ColumnName];
        var item = col.Type.GetItemType();
        if (item is TextDataViewType)
        {
            var s = Read<ReadOnlyMemory<char>>(rows, col).Select(m => m.ToString()).ToArray();
            return OnnxTensor.Create(s, s.Length / input.Width, input.Width);
        }
        return item.RawType switch
        {
            var t when t == typeof(float) => Make(Read<float>(rows, col), input.Width),
            var t when t == typeof(double) => Make(Read<double>(rows, col), input.Width),
            var t when t == typeof(int) => Make(Read<int>(rows, col), input.Width),
            var t when t == typeof(long) => Make(Read<long>(rows, col), input.Width),
            var t when t == typeof(bool) => Make(Read<bool>(rows, col), input.Width),
            var t => throw new NotSupportedException(t.Name),
        };
    }

    private static OnnxTensor Make<T>(T[] data, long width) where T : unmanaged => OnnxTensor.Create(data, data.Length / width, width);

    /// <summary>A column's values, row-major, as doubles (booleans 1/0, keys their index).</summary>
    public static double[] Values(IDataView data, string column, out long width)
    {
        var col = data.Schema[column];
        width = col.Type is VectorDataViewType v ? v.Size : 1;
        var raw = col.Type.GetItemType().RawType;
        if (raw == typeof(float)) return Read<float>(data, col).Select(x => (double)x).ToArray();
        if (raw == typeof(double)) return Read<double>(data, col);
        if (raw == typeof(uint)) return Read<uint>(data, col).Select(x => (double)x).ToArray();
        if (raw == typeof(int)) return Read<int>(data, col).Select(x => (double)x).ToArray();
        if (raw == typeof(long)) return Read<long>(data, col).Select(x => (double)x).ToArray();
        if (raw == typeof(bool)) return Read<bool>(data, col).Select(x => x ? 1.0 : 0.0).ToArray();
        throw new NotSupportedException(raw.Name);
    }

    /// <summary>An ONNX Runtime output as doubles (booleans 1/0).</summary>
    public static double[] Doubles(OnnxTensor t) => t.ElementType switch
    {
        OnnxElementType.Float => t.ToArray<float>().Select(x => (double)x).ToArray(),
        OnnxElementType.Double => t.ToArray<double>(),
        OnnxElementType.Int64 => t.ToArray<long>().Select(x => (double)x).ToArray(),
        OnnxElementType.Int32 => t.ToArray<int>().Select(x => (double)x).ToArray(),
        OnnxElementType.Bool => t.ToArray<bool>().Select(x => x ? 1.0 : 0.0).ToArray(),
        var e => throw new NotSupportedException(e.ToString()),
    };

    private static T[] Read<T>(IDataView data, DataViewSchema.Column col)
    {
        var values = new List<T>();
        using var cursor = data.GetRowCursor([col]);
        if (col.Type is VectorDataViewType)
        {
            var g = cursor.GetGetter<VBuffer<T>>(col);
            VBuffer<T> v = default;
            while (cursor.MoveNext()) { g(ref v); values.AddRange(v.DenseValues()); }
        }
        else
        {
            var g = cursor.GetGetter<T>(col);
            T x = default!;
            while (cursor.MoveNext()) { g(ref x); values.Add(x); }
        }
        return [.. values];
    }

    /// <summary>Runs check_onnx.py (ONNX checker, strict shape inference, opset 13, producer, symbolic batch) on the model.</summary>
    public static void Check(string name, byte[] model)
    {
        if (!File.Exists(OnnxCheckerTests.Python) || OnnxCheckerTests.Run("-c", "import onnx, numpy").Code != 0)
            Assert.Fail($"{OnnxCheckerTests.Python} with the onnx module (Debian python3-onnx) is needed: run scripts/setup.sh.");
        var folder = Path.Combine(Path.GetTempPath(), "mlnetdeep-pipeline-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllBytes(Path.Combine(folder, name + ".onnx"), model);
            var (code, output) = OnnxCheckerTests.Run(Path.Combine(AppContext.BaseDirectory, "Onnx", "check_onnx.py"), folder);
            Assert.True(code == 0, output);
            Assert.Contains($"OK   {name}.onnx", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
