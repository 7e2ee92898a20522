namespace MlNetDeep.Transforms.Text;

/// <summary>
/// How <see cref="TextNormalizer"/> changes letter case, with the rules of the invariant
/// culture (ML.NET's <c>TextNormalizingEstimator.CaseMode</c>; the numeric values match it).
/// </summary>
public enum CaseMode
{
    /// <summary>Lower-case every character (the default).</summary>
    Lower = 0,
    /// <summary>Upper-case every character.</summary>
    Upper = 1,
    /// <summary>Leave case unchanged.</summary>
    None = 2,
}
