namespace MlNetDeep.Transforms.Text;

/// <summary>
/// How n-gram counts are weighted (ML.NET's <c>NgramExtractingEstimator.WeightingCriteria</c>;
/// the numeric values match it). With N training documents and df(t) of them containing t,
/// ML.NET's idf is the unsmoothed <c>idf(t) = ln(N / df(t))</c>, the course's formula.
/// </summary>
public enum NgramWeighting
{
    /// <summary>Term frequency: the raw count of the n-gram in the document (the default).</summary>
    Tf = 0,
    /// <summary>idf(t) where the n-gram occurs in the document, 0 elsewhere.</summary>
    Idf = 1,
    /// <summary>count × idf(t).</summary>
    TfIdf = 2,
}
