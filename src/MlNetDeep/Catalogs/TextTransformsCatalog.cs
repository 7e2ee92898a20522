using MlNetDeep.Transforms.Text;

namespace MlNetDeep;

public sealed partial class TransformsCatalog
{
    /// <summary>
    /// The text transforms of <c>ml.Transforms.Text</c>, with ML.NET's names, parameters and defaults,
    /// plus MlNetDeep's <see cref="StemWords"/> and <see cref="MapTokensToSequence"/>.
    /// </summary>
    public sealed partial class TextTransforms
    {
        /// <summary>Normalizes case, diacritics, punctuation and numbers (see <see cref="TextNormalizingEstimator"/>).</summary>
        public TextNormalizingEstimator NormalizeText(string outputColumnName, string? inputColumnName = null,
            CaseMode caseMode = TextNormalizer.Defaults.CaseMode, bool keepDiacritics = TextNormalizer.Defaults.KeepDiacritics,
            bool keepPunctuations = TextNormalizer.Defaults.KeepPunctuations, bool keepNumbers = TextNormalizer.Defaults.KeepNumbers) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], new TextNormalizer(caseMode, keepDiacritics, keepPunctuations, keepNumbers));

        /// <summary>Splits text into words on <paramref name="separators"/> (default: space; see <see cref="WordTokenizingEstimator"/>).</summary>
        public WordTokenizingEstimator TokenizeIntoWords(string outputColumnName, string? inputColumnName = null, char[]? separators = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], separators);

        /// <summary>Splits text into character keys (see <see cref="TokenizingByCharactersEstimator"/>).</summary>
        public TokenizingByCharactersEstimator TokenizeIntoCharactersAsKeys(string outputColumnName, string? inputColumnName = null, bool useMarkerCharacters = true) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], useMarkerCharacters);

        /// <summary>Removes English stop words from a token vector (see <see cref="StopWordsRemovingEstimator"/>).</summary>
        public StopWordsRemovingEstimator RemoveDefaultStopWords(string outputColumnName, string? inputColumnName = null,
            StopWordsRemovingEstimator.Language language = StopWordsRemovingEstimator.Language.English) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], language);

        /// <summary>Removes the given stop words from a token vector (see <see cref="CustomStopWordsRemovingEstimator"/>).</summary>
        public CustomStopWordsRemovingEstimator RemoveStopWords(string outputColumnName, string? inputColumnName = null, params string[] stopwords) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], stopwords);

        /// <summary>MlNetDeep's addition: Porter-stems every token of a token vector (see <see cref="WordStemmingEstimator"/>).</summary>
        public WordStemmingEstimator StemWords(string outputColumnName, string? inputColumnName = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)]);

        /// <summary>
        /// A bag of n-grams of a key vector or a text-token vector (see <see cref="NgramExtractingEstimator"/>);
        /// <paramref name="scikitLearnTfidf"/> (MlNetDeep's addition) replaces <paramref name="weighting"/> by scikit-learn's TF-IDF.
        /// </summary>
        public NgramExtractingEstimator ProduceNgrams(string outputColumnName, string? inputColumnName = null,
            int ngramLength = NgramExtractingEstimator.Defaults.NgramLength, int skipLength = NgramExtractingEstimator.Defaults.SkipLength,
            bool useAllLengths = NgramExtractingEstimator.Defaults.UseAllLengths, int maximumNgramsCount = NgramExtractingEstimator.Defaults.MaximumNgramsCount,
            NgramExtractingEstimator.WeightingCriteria weighting = NgramExtractingEstimator.Defaults.Weighting, ScikitLearnTfidfOptions? scikitLearnTfidf = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], new NgramExtractor(ngramLength, skipLength, useAllLengths, maximumNgramsCount),
                weighting, scikitLearnTfidf, null);

        /// <summary>
        /// Text to a bag of word n-grams (see <see cref="WordBagEstimator"/>);
        /// <paramref name="scikitLearnTfidf"/> (MlNetDeep's addition) replaces <paramref name="weighting"/> by scikit-learn's TF-IDF.
        /// </summary>
        public WordBagEstimator ProduceWordBags(string outputColumnName, string? inputColumnName = null,
            int ngramLength = NgramExtractingEstimator.Defaults.NgramLength, int skipLength = NgramExtractingEstimator.Defaults.SkipLength,
            bool useAllLengths = NgramExtractingEstimator.Defaults.UseAllLengths, int maximumNgramsCount = NgramExtractingEstimator.Defaults.MaximumNgramsCount,
            NgramExtractingEstimator.WeightingCriteria weighting = NgramExtractingEstimator.Defaults.Weighting, ScikitLearnTfidfOptions? scikitLearnTfidf = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], new NgramExtractor(ngramLength, skipLength, useAllLengths, maximumNgramsCount),
                weighting, scikitLearnTfidf);

        /// <summary>Text to a normalized vector of word and character n-grams with ML.NET's defaults (see <see cref="TextFeaturizingEstimator"/>).</summary>
        public TextFeaturizingEstimator FeaturizeText(string outputColumnName, string? inputColumnName = null) =>
            new(outputColumnName, [inputColumnName ?? outputColumnName], null);

        /// <summary>Text from one or more columns to a feature vector with <paramref name="options"/> (see <see cref="TextFeaturizingEstimator"/>).</summary>
        public TextFeaturizingEstimator FeaturizeText(string outputColumnName, TextFeaturizingEstimator.Options options, params string[] inputColumnNames) =>
            new(outputColumnName, inputColumnNames, options);

        /// <summary>
        /// MlNetDeep's addition: tokens to a fixed-length Int64 id vector for an Embedding/LSTM, as Keras
        /// TextVectorization / pad_sequences (see <see cref="TokenSequenceMappingEstimator"/>).
        /// </summary>
        public TokenSequenceMappingEstimator MapTokensToSequence(string outputColumnName, string? inputColumnName = null, int? maximumTokens = null,
            int sequenceLength = TokenSequenceMappingEstimator.Defaults.SequenceLength,
            SequenceSide padding = TokenSequenceMappingEstimator.Defaults.Padding, SequenceSide truncating = TokenSequenceMappingEstimator.Defaults.Truncating) =>
            new(outputColumnName, inputColumnName ?? outputColumnName, maximumTokens, sequenceLength, padding, truncating);
    }
}
