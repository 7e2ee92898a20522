namespace Bench;

/// <summary>One benchmark: the same job in MlNetDeep and in its peer, measured in one run.</summary>
internal interface IBenchJob
{
    string Name { get; }

    /// <summary>What is timed, e.g. "s/epoch".</summary>
    string Unit { get; }

    /// <summary>Runs the job in MlNetDeep; returns the per-repetition times in seconds.</summary>
    IReadOnlyList<double> RunMlNetDeep(BenchOptions options, string workDir);

    /// <summary>Runs the peer (PyTorch, pandas, ...) on the same data.</summary>
    PeerResult RunPeer(BenchOptions options, string workDir);

    /// <summary>A short digest of the last MlNetDeep run's output (rows, a checksum) to compare with the peer's; empty when none.</summary>
    string Check => "";
}

internal sealed record BenchOptions(int Epochs, int Threads);

internal sealed record PeerResult(string Peer, IReadOnlyList<double> Seconds, double PeakRssMb, string Check = "");

/// <summary>MlNetDeep's side of a job, run in a child process (<see cref="ChildRun"/>) so its peak memory is its own.</summary>
internal sealed record OwnResult(IReadOnlyList<double> Seconds, double PeakRssMb, string Check);
