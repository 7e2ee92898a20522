using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Concatenate(output, inputs...)</c>: joins scalar and vector columns of one item
/// type into one vector, in the order given. Needs no training. Slot names: a scalar input's name,
/// "input.slot" for a vector input with slot names (empty otherwise).
/// </summary>
public sealed class ColumnConcatenatingEstimator : IEstimator<ColumnConcatenatingTransformer>
{
    private readonly string _output;
    private readonly string[] _inputs;

    internal ColumnConcatenatingEstimator(string outputColumnName, string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        if (inputColumnNames is not { Length: > 0 }) throw new ArgumentException("Expected at least one input column. Received: none", nameof(inputColumnNames));
        _output = outputColumnName;
        _inputs = [.. inputColumnNames];
    }

    /// <inheritdoc/>
    public ColumnConcatenatingTransformer Fit(IDataView input)
    {
        var t = new ColumnConcatenatingTransformer(_output, _inputs);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var cols = _inputs.Select(n => ShapeChecks.Find(inputSchema, nameof(ColumnConcatenatingEstimator), n)).ToArray();
        var item = cols[0].ItemType;
        foreach (var c in cols)
            if (!c.ItemType.Equals(item) || c.IsKey)
                throw ShapeChecks.WrongType(nameof(ColumnConcatenatingEstimator), c.Name, c.ItemType, $"the same item type as '{cols[0].Name}' ({item}), not a key");
        var kind = cols.Any(c => c.Kind == SchemaShape.VectorKind.VariableVector) ? SchemaShape.VectorKind.VariableVector : SchemaShape.VectorKind.Vector;
        return ShapeChecks.With(inputSchema, new SchemaShape.Column(_output, kind, item, false, kind == SchemaShape.VectorKind.Vector ? [AnnotationUtils.Kinds.SlotNames] : []));
    }
}

/// <summary>The fitted concatenation (see <see cref="ColumnConcatenatingEstimator"/>).</summary>
public sealed partial class ColumnConcatenatingTransformer : RowToRowTransformerBase
{
    private readonly string _output;
    private readonly string[] _inputs;

    internal ColumnConcatenatingTransformer(string output, string[] inputs)
    {
        _output = output; _inputs = inputs;
    }

    /// <summary>The output column.</summary>
    public string OutputColumnName => _output;
    /// <summary>The input columns, in order.</summary>
    public IReadOnlyList<string> InputColumnNames => _inputs;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var cols = _inputs.Select(n => ShapeChecks.Find(inputSchema, nameof(ColumnConcatenatingTransformer), n)).ToArray();
        var item = (PrimitiveDataViewType)cols[0].Type.GetItemType();
        foreach (var c in cols)
            if (!c.Type.GetItemType().Equals(item) || c.Type.GetItemType() is KeyDataViewType)
                throw ShapeChecks.WrongType(nameof(ColumnConcatenatingTransformer), c.Name, c.Type, $"the same item type as '{cols[0].Name}' ({item}), not a key");
        var sizes = cols.Select(c => c.Type is VectorDataViewType v ? v.Size : 1).ToArray();
        bool known = sizes.All(s => s > 0);
        DataViewSchema.Annotations? ann = null;
        if (known)
        {
            var names = new List<string>();
            foreach (var c in cols)
            {
                if (c.Type is not VectorDataViewType v) { names.Add(c.Name); continue; }
                var slots = AnnotationUtils.SlotNamesOrNull(c);
                for (int i = 0; i < v.Size; i++) names.Add(slots is null ? "" : $"{c.Name}.{slots[i]}");
            }
            ann = AnnotationUtils.SlotNames(names);
        }
        var type = new VectorDataViewType(item, known ? sizes.Sum() : 0);
        return [new OutputColumn(_output, type, ann, cols.Select(c => c.Index).ToArray(),
            row => Generic.Invoke<Delegate>(typeof(ColumnConcatenatingTransformer), nameof(MakeGetter), [item.RawType], null, row, cols))];
    }

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column[] cols)
    {
        var parts = cols.Select(c => c.Type is VectorDataViewType
            ? (Vector: row.GetGetter<VBuffer<T>>(c), Scalar: (ValueGetter<T>?)null)
            : (Vector: (ValueGetter<VBuffer<T>>?)null, Scalar: row.GetGetter<T>(c))).ToArray();
        var tmp = new VBuffer<T>[parts.Length];
        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> dst) =>
        {
            int len = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Vector is { } vg) { vg(ref tmp[i]); len += tmp[i].Length; }
                else len++;
            }
            var arr = dst.Buffer(len);
            int k = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Scalar is { } sg) { T v = default!; sg(ref v); arr[k++] = v; }
                else { tmp[i].CopyTo(arr.AsSpan(k)); k += tmp[i].Length; }
            }
            dst = new VBuffer<T>(len, arr);
        });
    }

    private sealed record Params(string Output, string[] Inputs);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(_output, _inputs));

    internal static ColumnConcatenatingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        return new ColumnConcatenatingTransformer(p.Output, p.Inputs);
    }
}
