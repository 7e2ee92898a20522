using MlNetDeep.Data;

namespace MlNetDeep.Onnx;

/// <summary>
/// The state of one pipeline export, handed to each <see cref="IOnnxExportable"/> step: the graph
/// being built (<see cref="Builder"/>), the schema entering the current step (<see cref="Schema"/>)
/// and, for each column, the ONNX value that holds it (<see cref="OnnxColumn"/>: [batch, width]).
/// Graph inputs are the pipeline's input columns that some step reads, named after them: float,
/// double, int32, int64, bool or string elements, [batch, 1] for a scalar and [batch, k] for a
/// vector of k values. A column made by a step that cannot be exported cannot be read; asking
/// for it names that step.
/// </summary>
public sealed class OnnxExportContext
{
    private readonly Dictionary<string, OnnxColumn> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unavailable = new(StringComparer.Ordinal);
    private readonly List<OnnxExportColumn> _inputs = [];
    private readonly HashSet<string> _inputValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedInputs = new(StringComparer.Ordinal);
    // Variable-length vector input columns: graph inputs only when a step asks for them with a width.
    private readonly Dictionary<string, DataViewSchema.Column> _variableInputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _variableWidths = new(StringComparer.Ordinal);

    /// <summary>
    /// A context over <paramref name="inputSchema"/>: every visible column ONNX can take becomes a
    /// graph input, or only those in <paramref name="inputsToDeclare"/> when given.
    /// </summary>
    internal OnnxExportContext(OnnxGraphBuilder builder, DataViewSchema inputSchema, IReadOnlySet<string>? inputsToDeclare,
        IReadOnlyDictionary<string, long>? variableInputWidths = null)
    {
        Builder = builder;
        Schema = inputSchema;
        foreach (var c in inputSchema.Where(c => !c.IsHidden))
        {
            if (c.Type is VectorDataViewType { IsKnownSize: false } v && TryGetElementType(v.ItemType, out var itemType))
            {
                _unavailable[c.Name] = $"input column '{c.Name}' is a vector of variable size, which cannot be a [batch, width] graph input";
                if (inputsToDeclare is null) { _variableInputs[c.Name] = c; builder.UniqueName(c.Name); } // reserved until a step asks
                else if (variableInputWidths is not null && variableInputWidths.TryGetValue(c.Name, out var w))
                {
                    _variableInputs[c.Name] = c;
                    _variableWidths[c.Name] = w;
                    builder.AddInput(c.Name, itemType, w);
                    _inputValues.Add(c.Name);
                    _inputs.Add(new OnnxExportColumn(c.Name, c.Name, itemType, w));
                }
            }
            else if (!TryDescribe(c.Type, out var type, out var width, out var why))
                _unavailable[c.Name] = $"input column '{c.Name}' has type {c.Type}, which cannot be an ONNX graph input ({why})";
            else if (inputsToDeclare is null || inputsToDeclare.Contains(c.Name))
            {
                builder.AddInput(c.Name, type, width);
                _columns[c.Name] = new OnnxColumn(c.Name, type, width);
                _inputValues.Add(c.Name);
                _inputs.Add(new OnnxExportColumn(c.Name, c.Name, type, width));
            }
            else _unavailable[c.Name] = $"input column '{c.Name}' was not declared";
        }
    }

    /// <summary>The graph being built.</summary>
    public OnnxGraphBuilder Builder { get; }

    /// <summary>The schema entering the step being exported.</summary>
    public DataViewSchema Schema { get; private set; }

    /// <summary>The graph inputs declared so far.</summary>
    internal IReadOnlyList<OnnxExportColumn> Inputs => _inputs;

    /// <summary>The input columns some step has read.</summary>
    internal IReadOnlySet<string> UsedInputs => _usedInputs;

    /// <summary>The columns that have a value now, by name.</summary>
    internal IReadOnlyDictionary<string, OnnxColumn> Columns => _columns;

    /// <summary>The widths steps gave to variable-length input columns.</summary>
    internal IReadOnlyDictionary<string, long> VariableInputWidths => _variableWidths;

    /// <summary>Whether <paramref name="columnName"/> is an input column of variable length that <see cref="GetPaddedInput"/> can declare.</summary>
    public bool IsVariableLengthInput(string columnName) => _variableInputs.ContainsKey(columnName);

    /// <summary>
    /// Declares the variable-length input column <paramref name="columnName"/> as the graph input
    /// [batch, <paramref name="width"/>] (the caller pads or truncates each row to that width as the
    /// step documents; -1 leaves the width dynamic) and returns it. Asking again with another width fails.
    /// </summary>
    public OnnxColumn GetPaddedInput(string columnName, long width)
    {
        if (!_variableInputs.TryGetValue(columnName, out var c))
            throw new OnnxExportException("", $"column '{columnName}' is not a variable-length input column");
        if (width < 1 && width != -1) throw new ArgumentOutOfRangeException(nameof(width), width, $"Expected a width >= 1, or -1 for a dynamic width. Received: width={width}.");
        if (_variableWidths.TryGetValue(columnName, out var w))
        {
            if (w != width) throw new OnnxExportException("", $"input column '{columnName}' is already declared with width {w}; a step asked for {width}");
            if (!Builder.IsNameUsed(columnName) || !_inputValues.Contains(columnName))
                throw new OnnxExportException("", $"input column '{columnName}' was not declared");
        }
        else
        {
            Builder.ReleaseName(columnName);
            TryGetElementType(c.Type.GetItemType(), out var t);
            Builder.AddInput(columnName, t, width);
            _variableWidths[columnName] = width;
            _inputValues.Add(columnName);
            _inputs.Add(new OnnxExportColumn(columnName, columnName, t, width));
        }
        _usedInputs.Add(columnName);
        var input = _inputs.First(i => i.ColumnName == columnName);
        return new OnnxColumn(columnName, input.DataType, width);
    }

    /// <summary>Whether <paramref name="value"/> is a graph input as it was fed (not computed).</summary>
    internal bool IsInputValue(string value) => _inputValues.Contains(value);

    /// <summary>Whether the column <paramref name="columnName"/> has an ONNX value; when not, <paramref name="reason"/> says why.</summary>
    public bool CanRead(string columnName, out string? reason)
    {
        if (_columns.ContainsKey(columnName)) { reason = null; return true; }
        reason = _unavailable.TryGetValue(columnName, out var why) ? why : $"column '{columnName}' is not in the pipeline at this step";
        return false;
    }

    /// <summary>The ONNX value holding column <paramref name="columnName"/>; throws <see cref="OnnxExportException"/> saying why when there is none.</summary>
    public OnnxColumn GetColumn(string columnName)
    {
        if (!CanRead(columnName, out var reason)) throw new OnnxExportException("", reason!);
        var c = _columns[columnName];
        if (_inputValues.Contains(c.ValueName)) _usedInputs.Add(c.ValueName);
        return c;
    }

    /// <summary>Declares that column <paramref name="columnName"/> is now held by <paramref name="value"/> (replacing a column of that name).</summary>
    public void SetColumn(string columnName, OnnxColumn value)
    {
        ArgumentException.ThrowIfNullOrEmpty(columnName);
        ArgumentNullException.ThrowIfNull(value);
        if (!Builder.IsNameUsed(value.ValueName))
            throw new ArgumentException($"Expected a value of this graph. Received: {value.ValueName} for column '{columnName}'.", nameof(value));
        _columns[columnName] = value;
        _unavailable.Remove(columnName);
        _variableInputs.Remove(columnName); // the name now means the computed column

    }

    /// <summary>Declares that column <paramref name="columnName"/> is now held by the value <paramref name="valueName"/>, [batch, <paramref name="width"/>] of <paramref name="type"/>.</summary>
    public OnnxColumn SetColumn(string columnName, string valueName, OnnxDataType type, long width)
    {
        var c = new OnnxColumn(valueName, type, width);
        SetColumn(columnName, c);
        return c;
    }

    /// <summary>
    /// Exports a nested step (e.g. one of the parts a composite transformer is made of), then moves
    /// <see cref="Schema"/> past it. Throws when it cannot be exported.
    /// </summary>
    public void ExportStep(ITransformer step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step is not IOnnxExportable e)
            throw new OnnxExportException(step.GetType().Name, $"{step.GetType().Name} does not implement ONNX export.");
        if (!e.CanExport(this, out var reason))
            throw new OnnxExportException(step.GetType().Name, $"{step.GetType().Name}: {reason}");
        var before = Schema;
        e.Export(this);
        Advance(step, before);
    }

    /// <summary>Moves past a step that was exported from <paramref name="before"/>: columns its output schema no longer shows are dropped.</summary>
    internal void Advance(ITransformer step, DataViewSchema before)
    {
        var output = step.GetOutputSchema(before);
        var visible = output.Where(c => !c.IsHidden).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _columns.Keys.Where(n => !visible.Contains(n)).ToList()) _columns.Remove(name);
        foreach (var name in visible.Where(n => !_columns.ContainsKey(n) && !_unavailable.ContainsKey(n)))
            _unavailable[name] = $"column '{name}' has no ONNX value (its step did not declare it)";
        Schema = output;
    }

    /// <summary>Moves past a step that is not exported: the columns it makes cannot be read.</summary>
    internal void Skip(ITransformer step, string stepName, DataViewSchema before)
    {
        var output = step.GetOutputSchema(before);
        foreach (var c in output.Where(c => !c.IsHidden))
        {
            var old = before.GetColumnOrNull(c.Name);
            if (old is { } o && !o.IsHidden && o.Index == c.Index) continue; // passed through
            _columns.Remove(c.Name);
            _variableInputs.Remove(c.Name);
            _unavailable[c.Name] = $"column '{c.Name}' is made by step {stepName}, which cannot be exported";
        }
        var visible = output.Where(c => !c.IsHidden).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _columns.Keys.Where(n => !visible.Contains(n)).ToList()) _columns.Remove(name);
        Schema = output;
    }

    /// <summary>
    /// The ONNX element type and width of a column of type <paramref name="type"/>: numbers, booleans,
    /// text and keys (as int64), scalar or fixed-size vector; <paramref name="why"/> says why not otherwise.
    /// </summary>
    public static bool TryDescribe(DataViewType type, out OnnxDataType elementType, out long width, out string? why)
    {
        ArgumentNullException.ThrowIfNull(type);
        width = 1;
        why = null;
        if (type is VectorDataViewType v)
        {
            if (!v.IsKnownSize) { elementType = default; why = "a vector of variable size"; return false; }
            width = v.Size;
        }
        var item = type.GetItemType();
        if (TryGetElementType(item, out elementType)) return true;
        why = $"no ONNX element type for {item}";
        return false;
    }

    /// <summary>The ONNX element type of a pipeline item type (keys are int64 indices).</summary>
    public static bool TryGetElementType(DataViewType itemType, out OnnxDataType elementType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        elementType = default;
        if (itemType is KeyDataViewType) { elementType = OnnxDataType.Int64; return true; }
        if (itemType is TextDataViewType) { elementType = OnnxDataType.String; return true; }
        if (itemType is BooleanDataViewType) { elementType = OnnxDataType.Bool; return true; }
        if (itemType == NumberDataViewType.Single) elementType = OnnxDataType.Float;
        else if (itemType == NumberDataViewType.Double) elementType = OnnxDataType.Double;
        else if (itemType == NumberDataViewType.Int32) elementType = OnnxDataType.Int32;
        else if (itemType == NumberDataViewType.Int64) elementType = OnnxDataType.Int64;
        else return false;
        return true;
    }
}
