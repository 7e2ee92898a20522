using System.Runtime.CompilerServices;
using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.CustomMapping&lt;TSrc, TDst&gt;(mapAction, contractName)</c>: runs a lambda per row.
/// The input columns are the members of <typeparamref name="TSrc"/> (matched by name), the output
/// columns the members of <typeparamref name="TDst"/>. Needs no training. NOT saved in model files:
/// a lambda cannot be stored, so saving a model that contains it throws.
/// </summary>
public sealed class CustomMappingEstimator<TSrc, TDst> : IEstimator<CustomMappingTransformer<TSrc, TDst>>
    where TSrc : class, new()
    where TDst : class, new()
{
    private readonly Action<TSrc, TDst> _map;
    private readonly string? _contractName;

    internal CustomMappingEstimator(Action<TSrc, TDst> mapAction, string? contractName)
    {
        ArgumentNullException.ThrowIfNull(mapAction);
        _map = mapAction; _contractName = contractName;
    }

    /// <inheritdoc/>
    public CustomMappingTransformer<TSrc, TDst> Fit(IDataView input)
    {
        var t = new CustomMappingTransformer<TSrc, TDst>(_map, _contractName);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var m in TypeSchema.Create(typeof(TSrc)).Members)
        {
            var c = ShapeChecks.Find(inputSchema, $"CustomMapping<{typeof(TSrc).Name}, {typeof(TDst).Name}>", m.ColumnName);
            var expected = SchemaShape.Column.From(m.ColumnName, m.ColumnType);
            if (!c.ItemType.Equals(expected.ItemType) || c.IsVector != expected.IsVector)
                throw ShapeChecks.WrongType("CustomMapping", m.ColumnName, c, $"{m.ColumnType} (member {typeof(TSrc).Name}.{m.MemberName})");
        }
        return ShapeChecks.With(inputSchema, TypeSchema.Create(typeof(TDst)).Members.Select(m => SchemaShape.Column.From(m.ColumnName, m.ColumnType)).ToArray());
    }
}

/// <summary>The custom mapping's transformer (see <see cref="CustomMappingEstimator{TSrc, TDst}"/>); cannot be saved.</summary>
public sealed class CustomMappingTransformer<TSrc, TDst> : RowToRowTransformerBase
    where TSrc : class, new()
    where TDst : class, new()
{
    private readonly Action<TSrc, TDst> _map;
    private readonly TypeSchema _out = TypeSchema.Create(typeof(TDst));

    internal CustomMappingTransformer(Action<TSrc, TDst> map, string? contractName)
    {
        _map = map; ContractName = contractName;
    }

    /// <summary>The name given at creation (kept for ML.NET compatibility; not used to save).</summary>
    public string? ContractName { get; }

    /// <summary>The per-cursor state: the input row object, the output object, and the row they hold.</summary>
    private sealed class State(Action<object> fill)
    {
        public readonly TSrc Src = new();
        public TDst Dst = new();
        public long Position = -1;
        public Action<object> Fill = fill;
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var binder = RowBinder.Create(typeof(TSrc), inputSchema, ignoreMissingColumns: false);
        var inputs = binder.Columns.Select(c => c.Index).ToArray();
        // Every output column's getter of one cursor shares one State, so the lambda runs once per row.
        var states = new ConditionalWeakTable<DataViewRow, State>();
        State StateOf(DataViewRow row) => states.GetValue(row, r => new State(binder.MakeFiller(r)));
        return _out.Members.Select(m => new OutputColumn(m.ColumnName, m.ColumnType, null, inputs, row =>
        {
            var state = StateOf(row);
            return Generic.Invoke<Delegate>(typeof(CustomMappingTransformer<TSrc, TDst>), nameof(MakeGetter), [m.ColumnType.RawType], this, row, state, m);
        })).ToArray();
    }

    private Delegate MakeGetter<T>(DataViewRow row, State state, TypeSchema.Member member) =>
        (ValueGetter<T>)((ref T value) =>
        {
            if (state.Position != row.Position)
            {
                state.Fill(state.Src);
                state.Dst = new TDst();
                _map(state.Src, state.Dst);
                state.Position = row.Position;
            }
            value = ValueCopier.Copy((T)TypeSchema.ToColumnValue(member.Get(state.Dst), member.ColumnType)!, value);
        });

    /// <summary>Always throws: a lambda cannot be written to a model file.</summary>
    public override void Save(ModelSaveContext ctx) =>
        throw new InvalidOperationException($"CustomMapping<{typeof(TSrc).Name}, {typeof(TDst).Name}> cannot be saved: a lambda cannot be stored in a model file.");
}
