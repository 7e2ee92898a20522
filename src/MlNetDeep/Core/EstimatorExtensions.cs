namespace MlNetDeep;

/// <summary><c>Append</c> for estimators and transformers, as in ML.NET.</summary>
public static class EstimatorExtensions
{
    /// <summary>Chains <paramref name="estimator"/> after <paramref name="start"/>.</summary>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(estimator);
        IEstimator<ITransformer>[] items = start is IEstimatorChain c ? [.. c.Estimators] : [start];
        bool[] cache = start is IEstimatorChain cc ? [.. cc.CacheAfter] : [false];
        return new EstimatorChain<TTrans>([.. items, estimator], [.. cache, false]);
    }

    /// <summary>Caches the data after <paramref name="start"/> while fitting what is appended next (see <see cref="EstimatorChain{T}.AppendCacheCheckpoint"/>).</summary>
    public static EstimatorChain<TTrans> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, MLContext context)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start is EstimatorChain<TTrans> chain) return chain.AppendCacheCheckpoint(context);
        return new EstimatorChain<TTrans>([start], [true]);
    }

    /// <summary>Chains <paramref name="transformer"/> after <paramref name="start"/>.</summary>
    public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer)
        where TTrans : class, ITransformer =>
        new(start, transformer);
}
