using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Transforms;

namespace Bench;

/// <summary>
/// The course's churn feature recipe on the churn CSV repeated to 1,000,000 rows: load, drop
/// RowNumber/CustomerId/Surname, one-hot Geography and Gender (drop-first), concatenate with the
/// eight numeric columns, standardize (fixZero: false: (x − mean)/σ). One repetition fits the
/// pipeline (the one-hot and the scaler each read the file: ML.NET's streaming passes) and then
/// transforms every row, reading each row's Features vector. The peer (pandas + scikit-learn,
/// bench/pytorch/churn_pipeline_pandas.py) reads the file once into memory and does the same.
/// </summary>
internal sealed class ChurnPipelineJob : IBenchJob
{
    public const int Rows = 1_000_000;

    public string Name => "churn features, 1M rows (load, one-hot, concat, standardize)";
    public string Unit => "s/pass";

    /// <summary>The churn file's 10,000 data lines repeated to <see cref="Rows"/> rows, written once into the work folder.</summary>
    public static string BigCsv(string workDir)
    {
        var path = Path.Combine(workDir, "churn_1m.csv");
        if (File.Exists(path)) return path;
        var lines = File.ReadAllLines(DataFile("Churn_Modelling.csv"));
        var data = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        var tmp = path + ".part";
        using (var w = new StreamWriter(tmp, append: false, new System.Text.UTF8Encoding(false), 1 << 20))
        {
            w.NewLine = "\n";
            w.WriteLine(lines[0]);
            for (int i = 0; i < Rows; i++) w.WriteLine(data[i % data.Length]);
        }
        File.Move(tmp, path);
        return path;
    }

    /// <summary>A file of the repository's data/ folder, found above the bench's output folder.</summary>
    public static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"data/{name} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>A row of the churn file, as the course's C# port declares it.</summary>
    public sealed class Customer
    {
        [LoadColumn(0)] public float RowNumber { get; set; }
        [LoadColumn(1)] public float CustomerId { get; set; }
        [LoadColumn(2)] public string Surname { get; set; } = "";
        [LoadColumn(3)] public float CreditScore { get; set; }
        [LoadColumn(4)] public string Geography { get; set; } = "";
        [LoadColumn(5)] public string Gender { get; set; } = "";
        [LoadColumn(6)] public float Age { get; set; }
        [LoadColumn(7)] public float Tenure { get; set; }
        [LoadColumn(8)] public float Balance { get; set; }
        [LoadColumn(9)] public float NumOfProducts { get; set; }
        [LoadColumn(10)] public float HasCrCard { get; set; }
        [LoadColumn(11)] public float IsActiveMember { get; set; }
        [LoadColumn(12)] public float EstimatedSalary { get; set; }
        [LoadColumn(13)] public bool Exited { get; set; }
    }

    public static readonly string[] Numeric = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];

    public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.DropColumns("RowNumber", "CustomerId", "Surname")
            .Append(ml.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("Geography"), new InputOutputColumnPair("Gender")],
                keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue, dropFirst: true))
            .Append(ml.Transforms.Concatenate("Features", [.. Numeric, "Geography", "Gender"]))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false));

    /// <summary>Rows and sum of |x| over every Features value of the last pass (the peer prints the same).</summary>
    public string Check { get; private set; } = "";

    public IReadOnlyList<double> RunMlNetDeep(BenchOptions options, string workDir)
    {
        var csv = BigCsv(workDir);
        var seconds = new List<double>();
        for (int rep = 0; rep < options.Epochs; rep++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromTextFile<Customer>(csv, ',', hasHeader: true);
            var model = Pipeline(ml).Fit(data);
            var output = model.Transform(data);
            var features = output.Schema["Features"];
            using var cursor = output.GetRowCursor([features]);
            var get = cursor.GetGetter<VBuffer<float>>(features);
            VBuffer<float> row = default;
            long rows = 0;
            double sum = 0;
            while (cursor.MoveNext())
            {
                get(ref row);
                foreach (var v in row.GetValues()) sum += Math.Abs(v);
                rows++;
            }
            seconds.Add(sw.Elapsed.TotalSeconds);
            if (rows != Rows) throw new InvalidOperationException($"Expected {Rows} rows. Received: {rows}");
            Check = $"rows={rows} sum|x|={sum:F0}";
        }
        return seconds;
    }

    public PeerResult RunPeer(BenchOptions options, string workDir)
    {
        var r = Peer.Run("churn_pipeline_pandas.py", "--csv", BigCsv(workDir), "--repeats", options.Epochs.ToString());
        if (r.GetProperty("rows").GetInt64() != Rows) throw new InvalidOperationException($"pandas read {r.GetProperty("rows")} rows; expected {Rows}.");
        return new PeerResult($"pandas {r.GetProperty("pandas").GetString()} + sklearn {r.GetProperty("sklearn").GetString()}",
            r.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            r.GetProperty("peak_rss_mb").GetDouble(),
            $"rows={r.GetProperty("rows").GetInt64()} sum|x|={r.GetProperty("checksum").GetDouble():F0}");
    }
}
