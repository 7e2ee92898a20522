using MlNetDeep.Data;
using MlNetDeep.Transforms;
using static MlNetDeep.Transforms.NormalizingEstimator;

namespace MlNetDeep;

/// <summary>
/// Feature-engineering transforms (<c>ml.Transforms</c>), with ML.NET's method names, parameter
/// names and defaults. Sub-catalogs: <see cref="Categorical"/>, <see cref="Conversion"/>, <see cref="Text"/>.
/// A partial class: other transform groups add their methods in their own files.
/// </summary>
public sealed partial class TransformsCatalog : CatalogBase
{
    internal TransformsCatalog(MLContext context) : base(context)
    {
        Categorical = new CategoricalTransforms(context);
        Conversion = new ConversionTransforms(context);
        Text = new TextTransforms(context);
    }

    /// <summary>Categorical encodings.</summary>
    public CategoricalTransforms Categorical { get; }
    /// <summary>Type and key conversions.</summary>
    public ConversionTransforms Conversion { get; }
    /// <summary>Text featurization.</summary>
    public TextTransforms Text { get; }

    /// <summary>Joins columns of one item type into a vector column (see <see cref="ColumnConcatenatingEstimator"/>).</summary>
    public ColumnConcatenatingEstimator Concatenate(string outputColumnName, params string[] inputColumnNames) => new(outputColumnName, inputColumnNames);

    /// <summary>Copies a column under a new name.</summary>
    public ColumnCopyingEstimator CopyColumns(string outputColumnName, string inputColumnName) => new((outputColumnName, inputColumnName));

    /// <summary>Copies several columns.</summary>
    public ColumnCopyingEstimator CopyColumns(params InputOutputColumnPair[] columns) => new(Pairs(columns));

    /// <summary>Removes the named columns.</summary>
    public ColumnSelectingEstimator DropColumns(params string[] columnNames) => new(columnNames, keep: false);

    /// <summary>Keeps only the named columns, in the order given.</summary>
    public ColumnSelectingEstimator SelectColumns(params string[] columnNames) => new(columnNames, keep: true);

    /// <summary>Min-max scaling (see <see cref="NormalizingEstimator"/> for the exact formulas).</summary>
    public NormalizingEstimator NormalizeMinMax(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool fixZero = Defaults.EnsureZeroUntouched) =>
        NormalizeMinMax([new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumExampleCount, fixZero);

    /// <summary>Min-max scaling of several columns.</summary>
    public NormalizingEstimator NormalizeMinMax(InputOutputColumnPair[] columns,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool fixZero = Defaults.EnsureZeroUntouched) =>
        new(Pairs(columns).Select(p => new ColumnOptions(p.Output, p.Input, NormalizationMode.MinMax, maximumExampleCount, fixZero, false)).ToArray());

    /// <summary>Mean-variance scaling (see <see cref="NormalizingEstimator"/>; <c>fixZero: false</c> is scikit-learn's StandardScaler).</summary>
    public NormalizingEstimator NormalizeMeanVariance(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool fixZero = Defaults.EnsureZeroUntouched, bool useCdf = Defaults.MeanVarCdf) =>
        NormalizeMeanVariance([new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumExampleCount, fixZero, useCdf);

    /// <summary>Mean-variance scaling of several columns.</summary>
    public NormalizingEstimator NormalizeMeanVariance(InputOutputColumnPair[] columns,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool fixZero = Defaults.EnsureZeroUntouched, bool useCdf = Defaults.MeanVarCdf) =>
        new(Pairs(columns).Select(p => new ColumnOptions(p.Output, p.Input, NormalizationMode.MeanVariance, maximumExampleCount, fixZero, useCdf)).ToArray());

    /// <summary>Replaces NaN values (see <see cref="MissingValueReplacingEstimator"/>).</summary>
    public MissingValueReplacingEstimator ReplaceMissingValues(string outputColumnName, string? inputColumnName = null,
        MissingValueReplacingEstimator.ReplacementMode replacementMode = MissingValueReplacingEstimator.ReplacementMode.DefaultValue, bool imputeBySlot = true) =>
        new([(outputColumnName, inputColumnName ?? outputColumnName)], replacementMode, imputeBySlot);

    /// <summary>Replaces NaN values in several columns.</summary>
    public MissingValueReplacingEstimator ReplaceMissingValues(InputOutputColumnPair[] columns,
        MissingValueReplacingEstimator.ReplacementMode replacementMode = MissingValueReplacingEstimator.ReplacementMode.DefaultValue, bool imputeBySlot = true) =>
        new(Pairs(columns), replacementMode, imputeBySlot);

    /// <summary>Flags NaN values (see <see cref="MissingValueIndicatorEstimator"/>).</summary>
    public MissingValueIndicatorEstimator IndicateMissingValues(string outputColumnName, string? inputColumnName = null) =>
        new([(outputColumnName, inputColumnName ?? outputColumnName)]);

    /// <summary>Flags NaN values in several columns.</summary>
    public MissingValueIndicatorEstimator IndicateMissingValues(InputOutputColumnPair[] columns) => new(Pairs(columns));

    /// <summary>Runs <paramref name="mapAction"/> per row (see <see cref="CustomMappingEstimator{TSrc, TDst}"/>; not saved in model files).</summary>
    public CustomMappingEstimator<TSrc, TDst> CustomMapping<TSrc, TDst>(Action<TSrc, TDst> mapAction, string? contractName = null)
        where TSrc : class, new() where TDst : class, new() =>
        new(mapAction, contractName);

    /// <summary>Scaling by the mean and deviation of ln x, through the normal CDF by default (see <see cref="NormalizingEstimator"/>).</summary>
    public NormalizingEstimator NormalizeLogMeanVariance(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool useCdf = true) =>
        new([new ColumnOptions(outputColumnName, inputColumnName ?? outputColumnName, NormalizationMode.LogMeanVariance, maximumExampleCount, false, useCdf)]);

    /// <summary>
    /// Robust scaling by median and inter-quantile range, as ML.NET's <c>NormalizeRobustScaling</c>
    /// (see <see cref="NormalizingEstimator"/>; it keeps the values it fits on in memory).
    /// </summary>
    public NormalizingEstimator NormalizeRobustScaling(string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = Defaults.MaximumExampleCount, bool centerData = true, uint quantileMin = 25, uint quantileMax = 75) =>
        new([new ColumnOptions(outputColumnName, inputColumnName ?? outputColumnName, NormalizationMode.RobustScaling, maximumExampleCount, false, false, centerData, quantileMin, quantileMax)]);

    internal static (string Output, string Input)[] Pairs(InputOutputColumnPair[] columns)
    {
        if (columns is not { Length: > 0 }) throw new ArgumentException("Expected at least one column pair. Received: none", nameof(columns));
        return columns.Select(c => (c.OutputColumnName, c.InputColumnName)).ToArray();
    }

    /// <summary>Categorical encodings (<c>ml.Transforms.Categorical</c>).</summary>
    public sealed partial class CategoricalTransforms : CatalogBase
    {
        internal CategoricalTransforms(MLContext context) : base(context) { }

        /// <summary>
        /// One-hot encodes a categorical column (see <see cref="OneHotEncodingEstimator"/>);
        /// <paramref name="dropFirst"/> is MlNetDeep's addition (pandas' <c>drop_first</c>).
        /// </summary>
        public OneHotEncodingEstimator OneHotEncoding(string outputColumnName, string? inputColumnName = null,
            OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.Defaults.OutKind,
            int maximumNumberOfKeys = OneHotEncodingEstimator.Defaults.MaximumNumberOfKeys,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = OneHotEncodingEstimator.Defaults.KeyOrdinality,
            IDataView? keyData = null, bool dropFirst = false) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], outputKind, maximumNumberOfKeys, keyOrdinality, dropFirst, keyData);

        /// <summary>One-hot encodes several columns with the same settings.</summary>
        public OneHotEncodingEstimator OneHotEncoding(InputOutputColumnPair[] columns,
            OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.Defaults.OutKind,
            int maximumNumberOfKeys = OneHotEncodingEstimator.Defaults.MaximumNumberOfKeys,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = OneHotEncodingEstimator.Defaults.KeyOrdinality,
            IDataView? keyData = null, bool dropFirst = false) =>
            new(Pairs(columns), outputKind, maximumNumberOfKeys, keyOrdinality, dropFirst, keyData);

        /// <summary>One-hot encodes hashed values into 2^<paramref name="numberOfBits"/> slots (see <see cref="OneHotHashEncodingEstimator"/>).</summary>
        public OneHotHashEncodingEstimator OneHotHashEncoding(string outputColumnName, string? inputColumnName = null,
            OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.Defaults.OutKind, int numberOfBits = 16, uint seed = HashingEstimator.Defaults.Seed) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], outputKind, numberOfBits, seed);
    }

    /// <summary>Type and key conversions (<c>ml.Transforms.Conversion</c>).</summary>
    /// <remarks>Hashing: <see cref="ConversionTransforms.Hash(string, string?, int, uint)"/>.</remarks>
    public sealed partial class ConversionTransforms : CatalogBase
    {
        internal ConversionTransforms(MLContext context) : base(context) { }

        /// <summary>Converts a column to another value kind (see <see cref="TypeConvertingEstimator"/>).</summary>
        public TypeConvertingEstimator ConvertType(string outputColumnName, string? inputColumnName = null, DataKind outputKind = DataKind.Single) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName, outputKind)]);

        /// <summary>Converts several columns.</summary>
        public TypeConvertingEstimator ConvertType(InputOutputColumnPair[] columns, DataKind outputKind = DataKind.Single) =>
            new(Pairs(columns).Select(p => (p.Output, p.Input, outputKind)).ToArray());

        /// <summary>Maps values to keys (see <see cref="ValueToKeyMappingEstimator"/>).</summary>
        public ValueToKeyMappingEstimator MapValueToKey(string outputColumnName, string? inputColumnName = null,
            int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
            bool addKeyValueAnnotationsAsText = false, IDataView? keyData = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], maximumNumberOfKeys, keyOrdinality, keyData, addKeyValueAnnotationsAsText);

        /// <summary>Maps several columns' values to keys.</summary>
        public ValueToKeyMappingEstimator MapValueToKey(InputOutputColumnPair[] columns,
            int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
            ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
            bool addKeyValueAnnotationsAsText = false, IDataView? keyData = null) =>
            new(Pairs(columns), maximumNumberOfKeys, keyOrdinality, keyData, addKeyValueAnnotationsAsText);

        /// <summary>Hashes values to keys (see <see cref="HashingEstimator"/>).</summary>
        public HashingEstimator Hash(string outputColumnName, string? inputColumnName = null, int numberOfBits = HashingEstimator.Defaults.NumberOfBits, uint seed = HashingEstimator.Defaults.Seed) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)], numberOfBits, seed);

        /// <summary>Maps keys back to their values (see <see cref="KeyToValueMappingEstimator"/>).</summary>
        public KeyToValueMappingEstimator MapKeyToValue(string outputColumnName, string? inputColumnName = null) =>
            new([(outputColumnName, inputColumnName ?? outputColumnName)]);

        /// <summary>Maps several key columns back to their values.</summary>
        public KeyToValueMappingEstimator MapKeyToValue(InputOutputColumnPair[] columns) => new(Pairs(columns));

        /// <summary>Maps keys to indicator (or, with <paramref name="outputCountVector"/>, count) vectors (see <see cref="KeyToVectorMappingEstimator"/>).</summary>
        public KeyToVectorMappingEstimator MapKeyToVector(string outputColumnName, string? inputColumnName = null, bool outputCountVector = false) =>
            new([new KeyToVectorMappingTransformer.ColumnOptions(outputColumnName, inputColumnName ?? outputColumnName,
                outputCountVector ? KeyToVectorMappingTransformer.Mode.Bag : KeyToVectorMappingTransformer.Mode.Indicator, 0)]);
    }

    /// <summary>Text featurization (<c>ml.Transforms.Text</c>); its transforms are added in their own files.</summary>
    public sealed partial class TextTransforms : CatalogBase
    {
        internal TextTransforms(MLContext context) : base(context) { }
    }
}
