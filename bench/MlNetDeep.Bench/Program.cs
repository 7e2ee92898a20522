using System.Globalization;
using Bench;

// Usage: dotnet run -c Release --project bench/MlNetDeep.Bench -- [--epochs N] [--threads N] [job ...]
// Runs each job in MlNetDeep and in its peer in this one run and prints one table of medians
// and ratios (MlNetDeep / peer: below 1 means MlNetDeep is faster). Memory is each process's
// peak resident set (VmHWM): MlNetDeep's side of each job runs in its own child process of this
// program (ChildRun), so its number includes the .NET runtime and nothing run before it.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
int epochs = 5, threads = 1;
string? child = null, work = null;
var names = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs": epochs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case ChildRun.Flag: child = args[++i]; break;
        case "--work": work = args[++i]; break;
        default: names.Add(args[i]); break;
    }
}

var jobs = new Dictionary<string, IBenchJob>
{
    ["churn-mlp"] = new ChurnMlpJob(),
    ["churn-pipeline"] = new ChurnPipelineJob(),
    ["onnx-latency"] = OnnxLatencyJob.Churn(),
    ["onnx-latency-cnn"] = OnnxLatencyJob.Cnn(),
};
var selected = names.Count == 0 ? jobs.Keys.ToList() : names;
var options = new BenchOptions(epochs, threads);
if (child is not null) return ChildRun.Serve(jobs[child], options, work ?? throw new ArgumentException("--child needs --work"));
var workDir = Directory.CreateTempSubdirectory("mlnetdeep-bench-").FullName;

Console.WriteLine($"MlNetDeep benchmarks: {epochs} epochs, {threads} intra-op thread(s), {Environment.ProcessorCount} cores");
var rows = new List<string[]>();
var checks = new List<string>();
foreach (var name in selected)
{
    if (!jobs.TryGetValue(name, out var job))
    {
        Console.Error.WriteLine($"Unknown job '{name}'. Known: {string.Join(", ", jobs.Keys)}");
        return 2;
    }
    // Peer first, then ours, then the peer again: the two peer runs bracket ours so a change in
    // machine load shows up as a spread between them.
    var peer1 = job.RunPeer(options, workDir);
    var ours = ChildRun.Run(name, options, workDir);
    var peer2 = job.RunPeer(options, workDir);
    if (ours.Check.Length > 0) checks.Add($"{name}: MlNetDeep {ours.Check}; peer {peer2.Check}");
    // The first repetition of each run is warm-up (allocator, caches) and is left out.
    var oursMedian = Median(ours.Seconds.Skip(1));
    var peerMedian = Median(peer1.Seconds.Skip(1).Concat(peer2.Seconds.Skip(1)));
    rows.Add(new[]
    {
        job.Name, job.Unit, $"{oursMedian:F4}", $"{peerMedian:F4}", peer1.Peer, $"{oursMedian / peerMedian:F2}",
        $"{ours.PeakRssMb:F0} / {Math.Max(peer1.PeakRssMb, peer2.PeakRssMb):F0}",
    });
}
Directory.Delete(workDir, recursive: true);

var header = new[] { "job", "unit", "MlNetDeep", "peer", "peer name", "ratio", "peak MiB (ours / peer)" };
var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
Console.WriteLine(Line(header));
Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
foreach (var r in rows) Console.WriteLine(Line(r));
Console.WriteLine("(medians over epochs after the first; ratio = MlNetDeep / peer)");
foreach (var c in checks) Console.WriteLine("check " + c);
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}
