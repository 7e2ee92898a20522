namespace MlNetDeep;

/// <summary>
/// Base of the <see cref="MLContext"/> catalogs. Catalogs are partial classes: other parts of
/// MlNetDeep (trainers, evaluation) add their methods in their own files.
/// </summary>
public abstract class CatalogBase
{
    private protected CatalogBase(MLContext context) => Context = context;

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }
}
