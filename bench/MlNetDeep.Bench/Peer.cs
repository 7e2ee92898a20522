using System.Diagnostics;
using System.Text.Json;

namespace Bench;

/// <summary>Runs a peer script with Debian's Python (which has python3-torch) and reads its JSON line.</summary>
internal static class Peer
{
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string ScriptPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "pytorch", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Peer script bench/pytorch/{name} not found above {AppContext.BaseDirectory}.");
    }

    public static JsonElement Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(ScriptPath(script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {Python}.");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed with exit code {p.ExitCode}:\n{stderr.Result}");
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.Clone();
    }
}
