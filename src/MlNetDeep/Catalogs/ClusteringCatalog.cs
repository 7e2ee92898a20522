namespace MlNetDeep;

/// <summary>
/// Clustering tasks (<c>ml.Clustering</c>): trainers in <see cref="Trainers"/>, and evaluation. Trainers
/// and Evaluate are added by their own files (this is a partial class).
/// </summary>
public sealed partial class ClusteringCatalog : CatalogBase
{
    internal ClusteringCatalog(MLContext context) : base(context) => Trainers = new ClusteringTrainers(context);

    /// <summary>The clustering trainers.</summary>
    public ClusteringTrainers Trainers { get; }

    /// <summary>The clustering trainers (a partial class: each trainer adds its factory).</summary>
    public sealed partial class ClusteringTrainers : CatalogBase
    {
        internal ClusteringTrainers(MLContext context) : base(context) { }
    }
}
