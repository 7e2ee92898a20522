using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Conversion.MapValueToKey(output, input, maximumNumberOfKeys, keyOrdinality)</c>:
/// learns the distinct values of a text, numeric or boolean column (scalar or vector) and maps each
/// to a key 1..n (ordered by first occurrence, or by value: ordinal for text). Values unseen during
/// fitting, values beyond <c>maximumNumberOfKeys</c> and NaN map to key 0 ("missing"). The output
/// carries the values as its <c>KeyValues</c> annotation (as text with <c>addKeyValueAnnotationsAsText</c>). Needs training (one pass over the column).
/// </summary>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    /// <summary>How keys are ordered.</summary>
    public enum KeyOrdinality
    {
        /// <summary>In the order values first appear.</summary>
        ByOccurrence = 0,
        /// <summary>By value (ordinal for text, numeric for numbers).</summary>
        ByValue = 1,
    }

    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>Most keys learned per column.</summary>
        public const int MaximumNumberOfKeys = 1000000;
        /// <summary>Key order.</summary>
        public const KeyOrdinality Ordinality = KeyOrdinality.ByOccurrence;
    }

    private readonly (string Output, string Input)[] _columns;
    private readonly int _max;
    private readonly KeyOrdinality _ordinality;
    private readonly IDataView? _keyData;
    private readonly bool _textKeyValues;

    internal ValueToKeyMappingEstimator((string Output, string Input)[] columns, int maximumNumberOfKeys, KeyOrdinality keyOrdinality, IDataView? keyData, bool addKeyValueAnnotationsAsText = false)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        foreach (var (o, _) in columns) ArgumentException.ThrowIfNullOrEmpty(o);
        if (maximumNumberOfKeys < 1) throw new ArgumentOutOfRangeException(nameof(maximumNumberOfKeys), $"Expected maximumNumberOfKeys >= 1. Received: maximumNumberOfKeys={maximumNumberOfKeys}");
        if (keyData is not null && keyData.Schema.Count(c => !c.IsHidden) != 1)
            throw new ArgumentException($"Expected keyData with exactly one column. Received: {keyData.Schema}", nameof(keyData));
        _columns = columns; _max = maximumNumberOfKeys; _ordinality = keyOrdinality; _keyData = keyData; _textKeyValues = addKeyValueAnnotationsAsText;
    }

    internal static void CheckInput(string component, string name, DataViewType itemType)
    {
        if (itemType is VectorDataViewType or KeyDataViewType)
            throw ShapeChecks.WrongType(component, name, itemType, "text, a number or a boolean (scalar or vector)");
    }

    /// <inheritdoc/>
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var source = _keyData ?? input;
        var cols = _columns.Select(c => _keyData is null ? input.Schema[c.Input] : _keyData.Schema.First(x => !x.IsHidden)).ToArray();
        var maps = KeyMap.Fit(source, cols, _max, _ordinality == KeyOrdinality.ByValue); // one pass for all columns
        return new ValueToKeyMappingTransformer(_columns, maps, _textKeyValues);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _columns.Select(c =>
        {
            var i = ShapeChecks.Find(inputSchema, nameof(ValueToKeyMappingEstimator), c.Input);
            if (i.IsKey) throw ShapeChecks.WrongType(nameof(ValueToKeyMappingEstimator), c.Input, "Key", "text, a number or a boolean (scalar or vector)");
            CheckInput(nameof(ValueToKeyMappingEstimator), c.Input, i.ItemType);
            return new SchemaShape.Column(c.Output, i.Kind, NumberDataViewType.UInt32, true, [AnnotationUtils.Kinds.KeyValues], _textKeyValues ? TextDataViewType.Instance : i.ItemType);
        }).ToArray());
}

/// <summary>The fitted value → key mapping (see <see cref="ValueToKeyMappingEstimator"/>).</summary>
public sealed partial class ValueToKeyMappingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;
    private readonly KeyMap[] _maps;
    private readonly bool _textKeyValues;

    internal ValueToKeyMappingTransformer((string Output, string Input)[] columns, KeyMap[] maps, bool textKeyValues = false)
    {
        _columns = columns; _maps = maps; _textKeyValues = textKeyValues;
    }

    internal KeyMap MapOf(int column) => _maps[column];
    internal IReadOnlyList<(string Output, string Input)> Columns => _columns;

    /// <summary>The learned values of column <paramref name="columnIndex"/> as text, in key order.</summary>
    public IReadOnlyList<string> GetKeyValues(int columnIndex) => _maps[columnIndex].ValueStrings();

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _columns.Select((spec, j) =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ValueToKeyMappingTransformer), spec.Input);
            var item = c.Type.GetItemType();
            ValueToKeyMappingEstimator.CheckInput(nameof(ValueToKeyMappingTransformer), spec.Input, item);
            if (!item.Equals(_maps[j].ValueType))
                throw ShapeChecks.WrongType(nameof(ValueToKeyMappingTransformer), spec.Input, c.Type, $"{_maps[j].ValueType} values (the type it was fitted on)");
            var map = _maps[j];
            var key = new KeyDataViewType(typeof(uint), (ulong)Math.Max(map.Count, 1));
            DataViewType type = c.Type is VectorDataViewType v ? new VectorDataViewType(key, [.. v.Dimensions]) : key;
            var ann = new DataViewSchema.Annotations.Builder().Add(_textKeyValues ? TextKeyValues(map) : map.KeyValues());
            if (AnnotationUtils.SlotNamesOrNull(c) is { } names) ann.Add(AnnotationUtils.SlotNames(names));
            return new OutputColumn(spec.Output, type, ann.ToAnnotations(), [c.Index], row => map.MakeGetter(row, c));
        }).ToArray();

    private static DataViewSchema.Annotations TextKeyValues(KeyMap map)
    {
        var values = map.ValueStrings().Select(v => v.AsMemory()).ToArray();
        return new DataViewSchema.Annotations.Builder()
            .Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, values.Length), new VBuffer<ReadOnlyMemory<char>>(values.Length, values))
            .ToAnnotations();
    }

    private sealed record Params(string[] Outputs, string[] Inputs, string[] ValueTypes, string[][] Values, bool TextKeyValues = false);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(
        _columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(),
        _maps.Select(m => TypeCodec.Encode(m.ValueType)).ToArray(), _maps.Select(m => m.ValueStrings()).ToArray(), _textKeyValues));

    internal static ValueToKeyMappingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        int n = p.Outputs.Length;
        if (p.Inputs.Length != n || p.ValueTypes.Length != n || p.Values.Length != n) throw ctx.Error("ValueToKeyMapping: column lists differ in length.");
        var maps = new KeyMap[n];
        for (int i = 0; i < n; i++)
            maps[i] = KeyMap.FromStrings(TypeCodec.Decode(p.ValueTypes[i]) as PrimitiveDataViewType ?? throw ctx.Error($"bad value type '{p.ValueTypes[i]}'."), p.Values[i]);
        return new ValueToKeyMappingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), maps, p.TextKeyValues);
    }
}
