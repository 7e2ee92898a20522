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
        return new EstimatorChain<TTrans>([.. items, estimator]);
    }

    /// <summary>Chains <paramref name="transformer"/> after <paramref name="start"/>.</summary>
    public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer)
        where TTrans : class, ITransformer =>
        new(start, transformer);
}
