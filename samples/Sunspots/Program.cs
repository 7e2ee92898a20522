// Yearly sunspot activity forecast one year ahead from the previous 12 (windows of 12, the last 20 % of years held out):
// LSTM(50) and GRU(50) against the naive forecast "next year = this year". Prints each RMSE and its ratio to the naive one,
// and writes forecast-vs-truth.svg (to the folder given as the first argument, default "sunspots-output").
using System.Globalization;
using MlNetDeep;
using MlNetDeep.Data;
using MlNetDeep.Trainers;
using MlNetDeep.Training;

const float Scale = 200f;   // the series peaks near 190: scaled to about [0, 1] for the network
var output = Path.GetFullPath(args.Length > 0 ? args[0] : "sunspots-output");
Directory.CreateDirectory(output);
var ml = new MLContext(seed: 1);
var series = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "sunspots.csv")).Skip(1)
    .Select(l => new Reading { Activity = float.Parse(l.Split(',')[1], CultureInfo.InvariantCulture) / Scale }).ToList();
var windows = ml.Data.CreateWindows(ml.Data.LoadFromEnumerable(series), "Activity", windowSize: 12);
var split = ml.Data.TrainTestSplitByOrder(windows, testFraction: 0.2);
var truth = Read<float>(split.TestSet, "Label").Select(v => (double)v * Scale).ToList();
var naive = ReadLast(split.TestSet).Select(v => (double)v * Scale).ToList();
var naiveRmse = Rmse(naive, truth);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{series.Count} years; test years {truth.Count}; naive RMSE {naiveRmse:F2}"));

var lines = new List<(string Name, IReadOnlyList<double> Values)> { ("truth", truth), ("naive", naive) };
foreach (var cell in new[] { RecurrentCell.Lstm, RecurrentCell.Gru })
{
    var model = ml.Regression.Trainers.Rnn(new RnnOptions
    {
        Cell = cell, HiddenSize = 50, Epochs = 100, BatchSize = 16, LearningRate = 0.005, Seed = 1, Verbosity = Verbosity.Silent,
    }).Fit(split.TrainSet);
    var forecast = Read<float>(model.Transform(split.TestSet), "Score").Select(v => (double)v * Scale).ToList();
    var rmse = Rmse(forecast, truth);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cell,-5} RMSE {rmse:F2}  ratio to naive {rmse / naiveRmse:F3}"));
    lines.Add((cell.ToString(), forecast));
}
SvgPlot.Save(SvgPlot.LineChart("Sunspots: one-year-ahead forecast on the held-out years", "test year", "activity", lines),
    Path.Combine(output, "forecast-vs-truth.svg"));
Console.WriteLine($"Wrote {Path.Combine(output, "forecast-vs-truth.svg")}");

static double Rmse(IReadOnlyList<double> a, IReadOnlyList<double> b) => Math.Sqrt(a.Zip(b).Average(p => (p.First - p.Second) * (p.First - p.Second)));

static List<T> Read<T>(IDataView data, string column)
{
    var col = data.Schema[column];
    var list = new List<T>();
    using var cursor = data.GetRowCursor([col]);
    var get = cursor.GetGetter<T>(col);
    T v = default!;
    while (cursor.MoveNext()) { get(ref v); list.Add(v); }
    return list;
}

static List<float> ReadLast(IDataView data)
{
    var col = data.Schema["Features"];
    var list = new List<float>();
    using var cursor = data.GetRowCursor([col]);
    var get = cursor.GetGetter<VBuffer<float>>(col);
    VBuffer<float> v = default;
    while (cursor.MoveNext()) { get(ref v); list.Add(v.DenseValues().Last()); }
    return list;
}

/// <summary>One year's activity (scaled).</summary>
internal sealed class Reading
{
    public float Activity { get; set; }
}
