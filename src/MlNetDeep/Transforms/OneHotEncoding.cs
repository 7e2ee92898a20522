using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Categorical.OneHotEncoding(output, input, outputKind, maximumNumberOfKeys, keyOrdinality, dropFirst)</c>,
/// built as ML.NET builds it: value → key (<see cref="ValueToKeyMappingEstimator"/>), then key →
/// vector (<see cref="KeyToVectorMappingEstimator"/>). Output kinds: <c>Indicator</c> (one slot per
/// category, per element for vector input), <c>Bag</c> (counts), <c>Key</c> (just the key),
/// <c>Binary</c> (the key's index in binary, most significant bit first, ⌊log2 n⌋+1 slots).
/// A category not seen during fitting gives all zeros. MlNetDeep's <c>dropFirst</c> (as
/// <c>pd.get_dummies(drop_first=True)</c> and scikit-learn's <c>drop='first'</c>) leaves out the
/// slot of the category that is first in sorted order (ordinal for text, numeric for numbers),
/// whatever <c>keyOrdinality</c> is; use <c>keyOrdinality: ByValue</c> to also get the remaining
/// slots in pandas' column order. Needs training (one pass per column).
/// </summary>
public sealed class OneHotEncodingEstimator : IEstimator<OneHotEncodingTransformer>
{
    /// <summary>What the encoding produces, as ML.NET's <c>OneHotEncodingEstimator.OutputKind</c>.</summary>
    public enum OutputKind : byte
    {
        /// <summary>One slot per category (per element for vector input).</summary>
        Indicator = 1,
        /// <summary>Per-category counts over a vector's elements.</summary>
        Bag = 2,
        /// <summary>The key alone.</summary>
        Key = 3,
        /// <summary>The key index in binary.</summary>
        Binary = 4,
    }

    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>Output kind.</summary>
        public const OutputKind OutKind = OutputKind.Indicator;
        /// <summary>Most categories per column.</summary>
        public const int MaximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys;
        /// <summary>Category order.</summary>
        public const ValueToKeyMappingEstimator.KeyOrdinality KeyOrdinality = ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence;
    }

    private readonly (string Output, string Input)[] _columns;
    private readonly OutputKind _kind;
    private readonly bool _dropFirst;
    private readonly ValueToKeyMappingEstimator _toKey;

    internal OneHotEncodingEstimator((string Output, string Input)[] columns, OutputKind outputKind, int maximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality, bool dropFirst, IDataView? keyData)
    {
        if (!Enum.IsDefined(outputKind)) throw new ArgumentOutOfRangeException(nameof(outputKind), $"Expected Indicator, Bag, Key or Binary. Received: outputKind={outputKind}");
        if (dropFirst && outputKind is not (OutputKind.Indicator or OutputKind.Bag))
            throw new ArgumentException($"dropFirst applies to Indicator or Bag output. Received: outputKind={outputKind}", nameof(dropFirst));
        _columns = columns; _kind = outputKind; _dropFirst = dropFirst;
        _toKey = new ValueToKeyMappingEstimator(columns, maximumNumberOfKeys, keyOrdinality, keyData);
    }

    /// <inheritdoc/>
    public OneHotEncodingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var toKey = _toKey.Fit(input);
        if (_kind == OutputKind.Key) return new OneHotEncodingTransformer(toKey, null);
        var mode = _kind switch { OutputKind.Bag => KeyToVectorMappingTransformer.Mode.Bag, OutputKind.Binary => KeyToVectorMappingTransformer.Mode.Binary, _ => KeyToVectorMappingTransformer.Mode.Indicator };
        var toVector = new KeyToVectorMappingTransformer(_columns.Select((c, i) =>
            new KeyToVectorMappingTransformer.ColumnOptions(c.Output, c.Output, mode, _dropFirst ? toKey.MapOf(i).FirstKeyInSortedOrder() : 0)).ToArray());
        return new OneHotEncodingTransformer(toKey, toVector);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var keyed = _toKey.GetOutputSchema(inputSchema);
        if (_kind == OutputKind.Key) return keyed;
        return ShapeChecks.With(inputSchema, _columns.Select(c =>
        {
            var k = keyed.Find(c.Output);
            var kind = k.Kind == SchemaShape.VectorKind.VariableVector && _kind != OutputKind.Bag ? SchemaShape.VectorKind.VariableVector : SchemaShape.VectorKind.Vector;
            return new SchemaShape.Column(c.Output, kind, NumberDataViewType.Single, false, [AnnotationUtils.Kinds.SlotNames]);
        }).ToArray());
    }
}

/// <summary>The fitted one-hot encoding: a value → key mapping followed (except for <c>Key</c> output) by a key → vector mapping.</summary>
public sealed partial class OneHotEncodingTransformer : ITransformer
{
    private readonly ValueToKeyMappingTransformer _toKey;
    private readonly KeyToVectorMappingTransformer? _toVector;

    internal OneHotEncodingTransformer(ValueToKeyMappingTransformer toKey, KeyToVectorMappingTransformer? toVector)
    {
        _toKey = toKey; _toVector = toVector;
    }

    /// <summary>The learned categories of column <paramref name="columnIndex"/> as text, in key order.</summary>
    public IReadOnlyList<string> GetCategories(int columnIndex) => _toKey.GetKeyValues(columnIndex);

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        var s = _toKey.GetOutputSchema(inputSchema);
        return _toVector is null ? s : _toVector.GetOutputSchema(s);
    }

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        var v = _toKey.Transform(input);
        return _toVector is null ? v : _toVector.Transform(v);
    }

    /// <inheritdoc/>
    public void Save(ModelSaveContext ctx)
    {
        ctx.SaveChild("valueToKey", _toKey);
        if (_toVector is not null) ctx.SaveChild("keyToVector", _toVector);
    }

    internal static OneHotEncodingTransformer Load(ModelLoadContext ctx)
    {
        var children = ctx.LoadChildren();
        if (children.Count is < 1 or > 2 || children[0] is not ValueToKeyMappingTransformer k || (children.Count == 2 && children[1] is not KeyToVectorMappingTransformer))
            throw ctx.Error("OneHotEncoding: expected a ValueToKeyMapping followed by an optional KeyToVector.");
        return new OneHotEncodingTransformer(k, children.Count == 2 ? (KeyToVectorMappingTransformer)children[1] : null);
    }
}
