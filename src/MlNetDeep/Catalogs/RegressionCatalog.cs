namespace MlNetDeep;

/// <summary>
/// Regression tasks (<c>ml.Regression</c>): trainers in <see cref="Trainers"/>, and evaluation. Trainers
/// and Evaluate are added by their own files (this is a partial class).
/// </summary>
public sealed partial class RegressionCatalog : CatalogBase
{
    internal RegressionCatalog(MLContext context) : base(context) => Trainers = new RegressionTrainers(context);

    /// <summary>The regression trainers.</summary>
    public RegressionTrainers Trainers { get; }

    /// <summary>The regression trainers (a partial class: each trainer adds its factory).</summary>
    public sealed partial class RegressionTrainers : CatalogBase
    {
        internal RegressionTrainers(MLContext context) : base(context) { }
    }
}
