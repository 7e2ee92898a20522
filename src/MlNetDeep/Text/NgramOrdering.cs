namespace MlNetDeep.Transforms.Text;

/// <summary>The order of the slots of an <see cref="NgramVocabulary"/>.</summary>
public enum NgramOrdering
{
    /// <summary>
    /// In the order n-grams were first met while reading the training documents (ML.NET's order):
    /// document by document, position by position, and at each position the n-grams starting
    /// there, shorter before longer (with skips, depth first).
    /// </summary>
    ByOccurrence = 0,
    /// <summary>
    /// Sorted by the n-gram's tokens joined with single spaces, compared ordinally (UTF-16 code
    /// units): scikit-learn's <c>CountVectorizer</c> vocabulary order for tokens without spaces.
    /// </summary>
    ByValue = 1,
}
