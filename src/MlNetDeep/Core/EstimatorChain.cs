namespace MlNetDeep;

/// <summary>
/// Estimators applied in order, as ML.NET's <c>EstimatorChain&lt;TLastTransformer&gt;</c>: <see cref="Fit"/>
/// fits each on the output of the transformers fitted before it.
/// </summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>, IEstimatorChain
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain.</summary>
    public EstimatorChain() : this([], []) { }

    internal EstimatorChain(IEstimator<ITransformer>[] estimators, bool[]? cacheAfter = null)
    {
        _estimators = estimators;
        _cacheAfter = cacheAfter ?? new bool[estimators.Length];
    }

    bool[] IEstimatorChain.CacheAfter => _cacheAfter;

    /// <summary>The estimators, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>A new chain with <paramref name="estimator"/> at the end.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator) where TNewTrans : class, ITransformer =>
        new([.. _estimators, estimator], [.. _cacheAfter, false]);

    /// <summary>
    /// As ML.NET: while fitting, the data after the current last estimator is cached in memory
    /// (<see cref="DataOperationsCatalog.Cache"/>), so the estimators appended later read it
    /// from memory instead of re-reading and re-transforming the source. Fitting only; the fitted chain is unchanged.
    /// </summary>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0) return this;
        var flags = (bool[])_cacheAfter.Clone();
        flags[^1] = true;
        return new([.. _estimators], flags);
    }

    /// <inheritdoc/>
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema)); // fail before any pass over the data
        var fitted = new ITransformer[_estimators.Length];
        var current = input;
        for (int i = 0; i < _estimators.Length; i++)
        {
            fitted[i] = _estimators[i].Fit(current);
            if (i + 1 < _estimators.Length)
            {
                current = fitted[i].Transform(current);
                if (_cacheAfter[i]) current = new Data.CacheDataView(current);
            }
        }
        return new TransformerChain<TLastTransformer>(fitted);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var s = inputSchema;
        foreach (var e in _estimators) s = e.GetOutputSchema(s);
        return s;
    }
}

/// <summary>Lets <c>Append</c> extend a chain whatever its last transformer type (classes are not covariant).</summary>
internal interface IEstimatorChain
{
    IReadOnlyList<IEstimator<ITransformer>> Estimators { get; }
    bool[] CacheAfter { get; }
}
