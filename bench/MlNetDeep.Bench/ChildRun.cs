using System.Diagnostics;
using System.Text.Json;

namespace Bench;

/// <summary>
/// Runs MlNetDeep's side of one job in a fresh process of this same program (<c>--child job</c>),
/// so the peak resident memory reported (VmHWM) is that job's alone, as the peer's is: not the
/// parent's, which holds every job run before it.
/// </summary>
internal static class ChildRun
{
    public const string Flag = "--child";

    /// <summary>In the child: runs the job and prints one JSON line.</summary>
    public static int Serve(IBenchJob job, BenchOptions options, string workDir)
    {
        var seconds = job.RunMlNetDeep(options, workDir);
        Console.WriteLine(JsonSerializer.Serialize(new { seconds, peak_rss_mb = Memory.PeakRssMb(), check = job.Check }));
        return 0;
    }

    /// <summary>In the parent: starts the child for <paramref name="jobName"/> and reads its JSON line.</summary>
    public static OwnResult Run(string jobName, BenchOptions options, string workDir)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell this program's path.");
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Started as "dotnet MlNetDeep.Bench.dll": the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        foreach (var a in new[] { Flag, jobName, "--work", workDir, "--epochs", options.Epochs.ToString(), "--threads", options.Threads.ToString() })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {self}.");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"MlNetDeep run of {jobName} failed with exit code {p.ExitCode}:\n{stderr.Result}\n{stdout}");
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new OwnResult(r.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToList(),
            r.GetProperty("peak_rss_mb").GetDouble(), r.GetProperty("check").GetString() ?? "");
    }
}
