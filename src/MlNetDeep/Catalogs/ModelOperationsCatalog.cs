using MlNetDeep.Model;

namespace MlNetDeep;

/// <summary>
/// Model operations (<c>ml.Model</c>): saving and loading model files (see <see cref="ModelFile"/>
/// for the format) and prediction engines.
/// </summary>
public sealed partial class ModelOperationsCatalog : CatalogBase
{
    internal ModelOperationsCatalog(MLContext context) : base(context) { }

    /// <summary>Writes <paramref name="model"/> and the schema of its input to a zip file at <paramref name="filePath"/>.</summary>
    public void Save(ITransformer model, DataViewSchema? inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using var fs = File.Create(filePath);
        ModelFile.Save(model, inputSchema, fs);
    }

    /// <summary>Writes <paramref name="model"/> and the schema of its input to <paramref name="stream"/>.</summary>
    public void Save(ITransformer model, DataViewSchema? inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Save(model, inputSchema, stream);
    }

    /// <summary>
    /// Reads a model file. Throws <see cref="FileNotFoundException"/> for a missing file and
    /// <see cref="ModelFormatException"/> (naming the file) for a damaged, truncated, tampered or newer-format one.
    /// </summary>
    public ITransformer Load(string filePath, out DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        if (!File.Exists(filePath)) throw new FileNotFoundException($"Model file '{filePath}' not found.", filePath);
        using var fs = File.OpenRead(filePath);
        return ModelFile.Load(fs, filePath, out inputSchema);
    }

    /// <summary>Reads a model from a stream (errors name it "&lt;stream&gt;").</summary>
    public ITransformer Load(Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelFile.Load(stream, "<stream>", out inputSchema);
    }

    /// <summary>A reusable single-row engine; NOT thread-safe (see <see cref="PredictionEngine{TSrc, TDst}"/>).</summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true, DataViewSchema? inputSchema = null)
        where TSrc : class where TDst : class, new() =>
        new(transformer, inputSchema, ignoreMissingColumns);

    /// <summary>A reusable single-row engine checking <typeparamref name="TSrc"/> against a loaded model's <paramref name="inputSchema"/>; NOT thread-safe.</summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, DataViewSchema inputSchema)
        where TSrc : class where TDst : class, new() =>
        new(transformer, inputSchema, true);

    /// <summary>A thread-safe pool of prediction engines for <paramref name="transformer"/>.</summary>
    public PredictionEnginePool<TSrc, TDst> CreatePredictionEnginePool<TSrc, TDst>(ITransformer transformer, int maximumRetained = 64, DataViewSchema? inputSchema = null)
        where TSrc : class where TDst : class, new() =>
        new(() => new PredictionEngine<TSrc, TDst>(transformer, inputSchema, true), maximumRetained);
}
