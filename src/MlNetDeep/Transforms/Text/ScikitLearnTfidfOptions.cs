namespace MlNetDeep.Transforms.Text;

/// <summary>
/// MlNetDeep's addition to <c>ProduceNgrams</c>/<c>ProduceWordBags</c>: weight the bags exactly as
/// scikit-learn's <c>TfidfVectorizer</c> (see <see cref="TermWeighter.ScikitLearn"/>) instead of
/// ML.NET's <c>weighting</c>, and order the slots as its vocabulary (sorted n-grams,
/// <see cref="NgramOrdering.ByValue"/>). The defaults are scikit-learn's. Tokenize and normalize as
/// scikit-learn does upstream (e.g. <c>NormalizeText(keepPunctuations: false)</c>).
/// </summary>
public sealed class ScikitLearnTfidfOptions
{
    /// <summary><c>use_idf</c>: multiply by idf (otherwise idf = 1).</summary>
    public bool UseIdf { get; init; } = true;
    /// <summary><c>smooth_idf</c>: idf = ln((1 + N) / (1 + df)) + 1, otherwise ln(N / df) + 1.</summary>
    public bool SmoothIdf { get; init; } = true;
    /// <summary><c>sublinear_tf</c>: tf = 1 + ln(count).</summary>
    public bool SublinearTf { get; init; }
    /// <summary><c>norm</c>: row normalization after weighting.</summary>
    public VectorNorm Norm { get; init; } = VectorNorm.L2;
    /// <summary><c>binary</c>: tf = 1 for every present n-gram.</summary>
    public bool Binary { get; init; }
}
