namespace MlNetDeep.Transforms.Text;

/// <summary>
/// <c>ml.Transforms.Text.ProduceWordBags(output, input, ngramLength, skipLength, useAllLengths, maximumNgramsCount, weighting)</c>:
/// text straight to a bag of word n-grams, as ML.NET: the text is split into words on spaces
/// (<see cref="WordTokenizer"/>; no case change, so put <c>NormalizeText</c> first when wanted),
/// then counted and weighted as <see cref="NgramExtractingEstimator"/> does (the fitted transformer
/// is an <see cref="NgramExtractingTransformer"/> that tokenizes its input). Input: text or a
/// vector of text. Needs training.
/// </summary>
public sealed class WordBagEstimator : IEstimator<NgramExtractingTransformer>
{
    /// <summary>The word-bag settings of <see cref="TextFeaturizingEstimator.Options"/>, as ML.NET's class of this name.</summary>
    public sealed class Options
    {
        /// <summary>Longest n-gram (ML.NET's default here: 1).</summary>
        public int NgramLength { get; set; } = 1;
        /// <summary>Tokens an n-gram may skip.</summary>
        public int SkipLength { get; set; } = NgramExtractingEstimator.Defaults.SkipLength;
        /// <summary>Keep all lengths 1…n.</summary>
        public bool UseAllLengths { get; set; } = NgramExtractingEstimator.Defaults.UseAllLengths;
        /// <summary>Dictionary limit per length (one value, or one per length).</summary>
        public int[] MaximumNgramsCount { get; set; } = [NgramExtractingEstimator.Defaults.MaximumNgramsCount];
        /// <summary>Weighting.</summary>
        public NgramExtractingEstimator.WeightingCriteria Weighting { get; set; } = NgramExtractingEstimator.Defaults.Weighting;

        internal NgramExtractor ToExtractor() => UseAllLengths
            ? new NgramExtractor(NgramLength, SkipLength, true, MaximumNgramsCount)
            : new NgramExtractor(NgramLength, SkipLength, false, [MaximumNgramsCount is { Length: > 0 } m ? m[^1] : NgramExtractingEstimator.Defaults.MaximumNgramsCount]);
    }

    private readonly NgramExtractingEstimator _inner;

    internal WordBagEstimator((string Output, string Input)[] columns, NgramExtractor extractor, NgramExtractingEstimator.WeightingCriteria weighting,
        ScikitLearnTfidfOptions? scikitLearnTfidf) =>
        _inner = new NgramExtractingEstimator(columns, extractor, weighting, scikitLearnTfidf, [' ']);

    /// <inheritdoc/>
    public NgramExtractingTransformer Fit(IDataView input) => _inner.Fit(input);

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);
}
