namespace MlNetDeep.Data;

/// <summary>Fills the members of a row object from a cursor's columns (CreateEnumerable, prediction engines).</summary>
internal sealed class RowBinder
{
    private readonly (TypeSchema.Member Member, DataViewSchema.Column Column)[] _pairs;

    private RowBinder((TypeSchema.Member, DataViewSchema.Column)[] pairs) => _pairs = pairs;

    public IEnumerable<DataViewSchema.Column> Columns => _pairs.Select(p => p.Column);

    public static RowBinder Create(Type rowType, DataViewSchema schema, bool ignoreMissingColumns)
    {
        var pairs = new List<(TypeSchema.Member, DataViewSchema.Column)>();
        foreach (var m in TypeSchema.Create(rowType).Members)
        {
            var c = schema.GetColumnOrNull(m.ColumnName);
            if (c is null)
            {
                if (ignoreMissingColumns) continue;
                throw new ArgumentOutOfRangeException(nameof(schema), $"Member '{m.MemberName}' of {rowType.Name} reads column '{m.ColumnName}', which the data does not have. Columns present: {string.Join(", ", schema.Where(x => !x.IsHidden).Select(x => x.Name))}");
            }
            if (!TypeSchema.Compatible(c.Value.Type, m.MemberType))
                throw new InvalidOperationException($"Member '{m.MemberName}' of {rowType.Name} has type {m.MemberType.Name} but column '{m.ColumnName}' has type {c.Value.Type} (values of {c.Value.Type.RawType.Name}).");
            pairs.Add((m, c.Value));
        }
        return new RowBinder([.. pairs]);
    }

    public Action<object> MakeFiller(DataViewRow row)
    {
        var readers = _pairs.Select(p => (p.Member, Read: RowValueReaders.Boxed(row, p.Column))).ToArray();
        return obj =>
        {
            foreach (var (m, read) in readers) m.Set(obj, TypeSchema.ToMemberValue(read(), m.MemberType));
        };
    }
}
