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
}

internal sealed record BenchOptions(int Epochs, int Threads);

internal sealed record PeerResult(string Peer, IReadOnlyList<double> Seconds, double PeakRssMb);
