namespace MlNetDeep;

/// <summary>
/// A fitted transformation of data, as ML.NET's <c>ITransformer</c>: <see cref="Transform"/> is lazy
/// (it returns a view computed row by row as a cursor reads it).
/// </summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>The schema <see cref="Transform"/> would produce; throws naming a missing or mistyped input column.</summary>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>The transformed view (lazy).</summary>
    IDataView Transform(IDataView input);
}
