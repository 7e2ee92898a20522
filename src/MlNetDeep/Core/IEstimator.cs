namespace MlNetDeep;

/// <summary>
/// Something that learns a transformer from data, as ML.NET's <c>IEstimator&lt;TTransformer&gt;</c>.
/// Chain estimators with <see cref="EstimatorExtensions.Append{TTrans}(IEstimator{ITransformer}, IEstimator{TTrans})"/>.
/// </summary>
public interface IEstimator<out TTransformer> where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="input"/> (only) and returns the fitted transformer.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>The output columns known before fitting; throws naming a missing or mistyped input column.</summary>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
