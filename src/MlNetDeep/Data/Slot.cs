namespace MlNetDeep.Data;

/// <summary>
/// Typed storage for one column's current value in a cursor (no boxing per row). Getters copy the
/// value out, so a cursor may reuse a slot's vector array from row to row.
/// </summary>
internal abstract class Slot
{
    public static Slot Create(DataViewType type) => (Slot)Activator.CreateInstance(typeof(Slot<>).MakeGenericType(type.RawType))!;
    public abstract Delegate MakeGetter();
    public abstract void SetBoxed(object? value);
    public abstract object? GetBoxed();
}

internal sealed class Slot<T> : Slot
{
    public T Value = default!;
    // Only vectors need copying (their array is reused); other values are handed over as they are.
    private static readonly bool IsVector = typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(VBuffer<>);
    public override Delegate MakeGetter() => IsVector
        ? (ValueGetter<T>)((ref T v) => v = ValueCopier.Copy(Value, v))
        : (ValueGetter<T>)((ref T v) => v = Value);
    public override void SetBoxed(object? value) => Value = (T)value!;
    public override object? GetBoxed() => Value;
}

/// <summary>A cursor whose derived class fills typed <see cref="Slot"/>s in <see cref="MoveNextCore"/>.</summary>
internal abstract class SlotCursor : DataViewRowCursor
{
    private readonly DataViewSchema _schema;
    protected readonly Slot?[] Slots;
    private long _position = -1;
    private bool _done;

    protected SlotCursor(DataViewSchema schema, IEnumerable<DataViewSchema.Column> active)
    {
        _schema = schema;
        Slots = new Slot?[schema.Count];
        foreach (var c in active) Slots[c.Index] ??= Slot.Create(schema[c.Index].Type);
    }

    public override DataViewSchema Schema => _schema;
    public override long Position => _position;
    public override bool IsColumnActive(DataViewSchema.Column column) => Slots[column.Index] is not null;

    public override bool MoveNext()
    {
        if (_done) return false;
        if (MoveNextCore()) { _position++; return true; }
        _done = true;
        return false;
    }

    protected abstract bool MoveNextCore();

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        RowChecks.Cast<TValue>(column, (Slots[column.Index] ?? throw RowChecks.Inactive(column)).MakeGetter());
}

/// <summary>Shared checks of getter requests.</summary>
internal static class RowChecks
{
    public static InvalidOperationException Inactive(DataViewSchema.Column column) =>
        new($"Column '{column.Name}' was not requested when the cursor was opened.");

    public static ValueGetter<TValue> Cast<TValue>(DataViewSchema.Column column, Delegate getter) =>
        getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
            $"Column '{column.Name}' has type {column.Type} (values of {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
}
