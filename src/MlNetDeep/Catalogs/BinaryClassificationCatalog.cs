namespace MlNetDeep;

/// <summary>
/// Binary classification tasks (<c>ml.BinaryClassification</c>): trainers in <see cref="Trainers"/>, and evaluation. Trainers
/// and Evaluate are added by their own files (this is a partial class).
/// </summary>
public sealed partial class BinaryClassificationCatalog : CatalogBase
{
    internal BinaryClassificationCatalog(MLContext context) : base(context) => Trainers = new BinaryClassificationTrainers(context);

    /// <summary>The binary classification trainers.</summary>
    public BinaryClassificationTrainers Trainers { get; }

    /// <summary>The binary classification trainers (a partial class: each trainer adds its factory).</summary>
    public sealed partial class BinaryClassificationTrainers : CatalogBase
    {
        internal BinaryClassificationTrainers(MLContext context) : base(context) { }
    }
}
