
namespace MlNetDeep;

/// <summary>
/// The entry point, as ML.NET's <c>MLContext</c>: catalogs of data operations, transforms,
/// trainers and model IO. <paramref name="seed"/> makes every random operation that takes no
/// explicit seed (splits, shuffles, trainer initialization) reproducible.
/// </summary>
public sealed class MLContext(int? seed = null)
{
    /// <summary>The seed given at construction (null: nondeterministic).</summary>
    public int? Seed { get; } = seed;

    /// <summary>Loading, saving, splitting and filtering data.</summary>
    public DataOperationsCatalog Data => field ??= new DataOperationsCatalog(this);

    /// <summary>Feature-engineering transforms.</summary>
    public TransformsCatalog Transforms => field ??= new TransformsCatalog(this);

    /// <summary>Binary classification trainers and evaluation.</summary>
    public BinaryClassificationCatalog BinaryClassification => field ??= new BinaryClassificationCatalog(this);

    /// <summary>Multiclass classification trainers and evaluation.</summary>
    public MulticlassClassificationCatalog MulticlassClassification => field ??= new MulticlassClassificationCatalog(this);

    /// <summary>Regression trainers and evaluation.</summary>
    public RegressionCatalog Regression => field ??= new RegressionCatalog(this);

    /// <summary>Clustering trainers and evaluation.</summary>
    public ClusteringCatalog Clustering => field ??= new ClusteringCatalog(this);

    /// <summary>Saving, loading and prediction engines.</summary>
    public ModelOperationsCatalog Model => field ??= new ModelOperationsCatalog(this);

    /// <summary>Messages from components (e.g. rows skipped by a loader), as ML.NET's <c>Log</c> event.</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    internal void WriteLog(string message) => Log?.Invoke(this, new LoggingEventArgs(message));

    /// <summary>The seed for an operation: its own, else a value drawn from the context seed, else a random one.</summary>
    internal int ResolveSeed(int? explicitSeed)
    {
        if (explicitSeed is int s) return s;
        if (Seed is null) return Random.Shared.Next();
        lock (_seedLock) return (_seeds ??= new Random(Seed.Value)).Next();
    }

    private readonly object _seedLock = new();
    private Random? _seeds;
}

/// <summary>A message written to <see cref="MLContext.Log"/>.</summary>
public sealed class LoggingEventArgs(string message) : EventArgs
{
    /// <summary>The message.</summary>
    public string Message { get; } = message;
}
