using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using Xunit.Abstractions;

namespace MlNetDeep.Tests.DataTests;

/// <summary>
/// A text file far larger than what the process holds is read, transformed and counted with
/// constant memory: the loader streams it in fixed chunks and the transforms keep one row.
/// </summary>
public class StreamingTests(ITestOutputHelper output)
{
    private const int Repeats = 450; // 450 × the churn file's 10,000 rows: about 300 MB

    [Fact]
    public void ThreeHundredMegabyteFileStreamsThroughOneHotAndNormalizeWithFlatMemory()
    {
        var ml = new MLContext(seed: 1);
        var small = ml.Data.LoadFromTextFile<ChurnPipelineTests.Customer>(TestData.DataPath("Churn_Modelling.csv"), ',', hasHeader: true);
        var model = ml.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")], dropFirst: true)
            .Append(ml.Transforms.Concatenate("Features", "CreditScore", "Age", "Balance", "EstimatedSalary", "Geography", "Gender"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Fit(small); // fitted once on the small file; the big file is only transformed
        var (smallRows, smallSums) = Stream(model.Transform(small), null);

        using var big = new TestData.TempFile();
        var lines = File.ReadAllLines(TestData.DataPath("Churn_Modelling.csv"));
        using (var w = new StreamWriter(big.Path, false, new System.Text.UTF8Encoding(false), 1 << 20))
        {
            w.WriteLine(lines[0]);
            for (int r = 0; r < Repeats; r++)
                foreach (var line in lines.AsSpan(1)) if (line.Length > 0) w.WriteLine(line);
        }
        long fileBytes = new FileInfo(big.Path).Length;
        Assert.True(fileBytes > 280_000_000, $"the generated file has {fileBytes} bytes");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = ResidentBytes();
        long peak = before;
        var (rows, sums) = Stream(model.Transform(ml.Data.LoadFromTextFile<ChurnPipelineTests.Customer>(big.Path, ',', hasHeader: true)),
            () => peak = Math.Max(peak, ResidentBytes()));

        Assert.Equal(Repeats * smallRows, rows);
        // Every value went through: the column sums are the small file's times the repeats.
        TestData.AssertClose(smallSums.Select(s => s * Repeats).ToArray(), sums, rtol: 1e-6, atol: 1e-3, what: "column sums");
        long growth = peak - before;
        output.WriteLine($"streamed {rows} rows, {fileBytes >> 20} MiB; resident memory grew by {growth / 1048576.0:F1} MiB (before {before >> 20} MiB)");
        Assert.True(growth < 100L << 20, $"resident memory grew by {growth >> 20} MiB while streaming a {fileBytes >> 20} MiB file");
    }

    /// <summary>Rows and per-slot sums of Features; <paramref name="sample"/> runs every 10,000 rows.</summary>
    private static (long Rows, double[] Sums) Stream(IDataView data, Action? sample)
    {
        var col = data.Schema["Features"];
        using var cursor = data.GetRowCursor([col]);
        var get = cursor.GetGetter<VBuffer<float>>(col);
        VBuffer<float> v = default;
        double[]? sums = null;
        long rows = 0;
        while (cursor.MoveNext())
        {
            get(ref v);
            var values = v.GetValues();
            sums ??= new double[values.Length];
            for (int i = 0; i < values.Length; i++) sums[i] += values[i];
            if (++rows % 10_000 == 0) sample?.Invoke();
        }
        return (rows, sums ?? []);
    }

    /// <summary>The process's resident set now (Linux: /proc/self/statm, second field, in pages).</summary>
    private static long ResidentBytes()
    {
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
