namespace MlNetDeep;

/// <summary>
/// Multiclass classification tasks (<c>ml.MulticlassClassification</c>): trainers in <see cref="Trainers"/>, and evaluation. Trainers
/// and Evaluate are added by their own files (this is a partial class).
/// </summary>
public sealed partial class MulticlassClassificationCatalog : CatalogBase
{
    internal MulticlassClassificationCatalog(MLContext context) : base(context) => Trainers = new MulticlassClassificationTrainers(context);

    /// <summary>The multiclass classification trainers.</summary>
    public MulticlassClassificationTrainers Trainers { get; }

    /// <summary>The multiclass classification trainers (a partial class: each trainer adds its factory).</summary>
    public sealed partial class MulticlassClassificationTrainers : CatalogBase
    {
        internal MulticlassClassificationTrainers(MLContext context) : base(context) { }
    }
}
