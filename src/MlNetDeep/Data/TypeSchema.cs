using System.Reflection;

namespace MlNetDeep.Data;

/// <summary>
/// The columns of a row class: its public fields and properties (minus <see cref="NoColumnAttribute"/>),
/// named by <see cref="ColumnNameAttribute"/>, vectors for arrays (fixed size with
/// <see cref="VectorTypeAttribute"/>). Converts member values to and from column values
/// (string ↔ ReadOnlyMemory&lt;char&gt;, T[] ↔ VBuffer&lt;T&gt;).
/// </summary>
internal sealed class TypeSchema
{
    public sealed record Member(string MemberName, string ColumnName, Type MemberType, DataViewType ColumnType, int[]? LoadIndices,
        Func<object, object?> Get, Action<object, object?> Set);

    public IReadOnlyList<Member> Members { get; }

    private TypeSchema(List<Member> members) => Members = members;

    public static TypeSchema Create(Type type)
    {
        var list = new List<Member>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var members = type.GetFields(flags).Cast<MemberInfo>()
            .Concat(type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0))
            .OrderBy(m => m.MetadataToken);
        foreach (var m in members)
        {
            if (m.GetCustomAttribute<NoColumnAttribute>() is not null) continue;
            var (mt, get, set) = m switch
            {
                FieldInfo f => (f.FieldType, (Func<object, object?>)f.GetValue, (Action<object, object?>)f.SetValue),
                PropertyInfo p => (p.PropertyType,
                    p.CanRead ? (Func<object, object?>)p.GetValue : _ => throw new InvalidOperationException($"Property '{p.Name}' cannot be read."),
                    p.CanWrite ? (Action<object, object?>)p.SetValue : (_, _) => throw new InvalidOperationException($"Property '{p.Name}' of {type.Name} has no setter.")),
                _ => throw new InvalidOperationException(),
            };
            var name = m.GetCustomAttribute<ColumnNameAttribute>()?.Name ?? m.Name;
            var load = m.GetCustomAttribute<LoadColumnAttribute>()?.Indices;
            list.Add(new Member(m.Name, name, mt, ColumnTypeOf(m, mt, load), load, get, set));
        }
        if (list.Count == 0) throw new ArgumentException($"{type.Name} has no public fields or properties to map to columns.", nameof(type));
        return new TypeSchema(list);
    }

    private static DataViewType ColumnTypeOf(MemberInfo m, Type t, int[]? load)
    {
        var vt = m.GetCustomAttribute<VectorTypeAttribute>();
        if (t.IsArray)
        {
            var item = DataKindExtensions.FromClrType(t.GetElementType()!, m.Name).ToType(m.Name);
            var dims = vt?.Dimensions ?? (load is { Length: > 1 } ? [load.Length] : [0]);
            if (load is not null && vt is not null && dims.Aggregate(1, (a, b) => a * b) is var size && size != 0 && size != load.Length)
                throw new ArgumentException($"Member '{m.Name}': [VectorType] declares {size} elements but [LoadColumn] reads {load.Length} fields.");
            return new VectorDataViewType(item, dims);
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(VBuffer<>))
            return new VectorDataViewType(DataKindExtensions.FromClrType(t.GetGenericArguments()[0], m.Name).ToType(m.Name), vt?.Dimensions ?? [0]);
        if (t == typeof(MLImage))
            return m.GetCustomAttribute<ImageTypeAttribute>() is { } image ? new ImageDataViewType(image.Height, image.Width) : new ImageDataViewType();
        if (vt is not null) throw new ArgumentException($"Member '{m.Name}' has [VectorType] but type {t.Name}; expected an array.");
        if (load is { Length: > 1 }) throw new ArgumentException($"Member '{m.Name}' reads {load.Length} fields; expected an array type, got {t.Name}.");
        return DataKindExtensions.FromClrType(t, m.Name).ToType(m.Name);
    }

    /// <summary>Member value → column value.</summary>
    public static object? ToColumnValue(object? v, DataViewType columnType)
    {
        switch (v)
        {
            case string s: return s.AsMemory();
            case null when columnType is TextDataViewType: return ReadOnlyMemory<char>.Empty;
            case null when columnType is VectorDataViewType vt: return Generic.Invoke<object>(typeof(TypeSchema), nameof(EmptyVector), [vt.ItemType.RawType], null);
            case Array a when a.GetType().GetElementType() == typeof(string):
                var mem = ((string[])a).Select(x => (x ?? "").AsMemory()).ToArray();
                return new VBuffer<ReadOnlyMemory<char>>(mem.Length, mem);
            case Array a: return Generic.Invoke<object>(typeof(TypeSchema), nameof(ArrayToVector), [a.GetType().GetElementType()!], null, a);
            default: return v;
        }
    }

    /// <summary>Column value → member value of type <paramref name="memberType"/>.</summary>
    public static object? ToMemberValue(object? v, Type memberType)
    {
        if (v is null) return null;
        if (memberType == typeof(string) && v is ReadOnlyMemory<char> m) return m.ToString();
        if (memberType == typeof(string[]) && v is VBuffer<ReadOnlyMemory<char>> tv) return tv.DenseValues().Select(x => x.ToString()).ToArray();
        if (memberType.IsArray && v.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(VBuffer<>))
            return Generic.Invoke<object>(typeof(TypeSchema), nameof(VectorToArray), [memberType.GetElementType()!], null, v);
        if (v.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(VBuffer<>)) return ValueCopier.CopyBoxed(v);
        return v;
    }

    /// <summary>Whether a column of <paramref name="columnType"/> can fill a member of <paramref name="memberType"/>.</summary>
    public static bool Compatible(DataViewType columnType, Type memberType)
    {
        var raw = columnType.RawType;
        if (raw == memberType) return true;
        if (columnType is TextDataViewType) return memberType == typeof(string);
        if (columnType is VectorDataViewType v)
            return memberType.IsArray && (memberType.GetElementType() == v.ItemType.RawType || (v.ItemType is TextDataViewType && memberType == typeof(string[])));
        return false;
    }

    private static object EmptyVector<T>() => new VBuffer<T>(0, []);
    private static object ArrayToVector<T>(T[] a) => new VBuffer<T>(a.Length, (T[])a.Clone());
    private static object VectorToArray<T>(VBuffer<T> v) => v.ToArray();
}
