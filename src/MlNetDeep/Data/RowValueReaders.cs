using System.Runtime.CompilerServices;

namespace MlNetDeep.Data;

/// <summary>Type-agnostic readers of a row's values: as double (numeric columns), as a 64-bit hash (any scalar), or boxed.</summary>
internal static class RowValueReaders
{
    /// <summary>A reader of a numeric or key scalar as double (keys: their index; NaN stays NaN).</summary>
    public static Func<double> Double(DataViewRow row, DataViewSchema.Column c) => c.Type.RawType switch
    {
        var t when t == typeof(float) => Wrap<float>(row, c, v => v),
        var t when t == typeof(double) => Wrap<double>(row, c, v => v),
        var t when t == typeof(int) => Wrap<int>(row, c, v => v),
        var t when t == typeof(uint) => Wrap<uint>(row, c, v => v),
        var t when t == typeof(long) => Wrap<long>(row, c, v => v),
        var t when t == typeof(bool) => Wrap<bool>(row, c, v => v ? 1 : 0),
        _ => throw new ArgumentException($"Column '{c.Name}' has type {c.Type}; expected a numeric, boolean or key scalar."),
    };

    /// <summary>A reader of any scalar as a seeded 64-bit hash (equal values give equal hashes).</summary>
    public static Func<ulong> Hash(DataViewRow row, DataViewSchema.Column c, ulong seed)
    {
        if (c.Type is TextDataViewType)
        {
            var g = row.GetGetter<ReadOnlyMemory<char>>(c);
            ReadOnlyMemory<char> v = default;
            return () => { g(ref v); return HashChars(v.Span, seed); };
        }
        var d = Double(row, c);
        return () =>
        {
            var x = d();
            if (x == 0) x = 0; // -0 and 0 are the same key
            return Mix(seed ^ (ulong)BitConverter.DoubleToInt64Bits(x));
        };
    }

    /// <summary>Reads any column's value boxed (vectors get a fresh array each call).</summary>
    public static Func<object?> Boxed(DataViewRow row, DataViewSchema.Column c) =>
        Generic.Invoke<Func<object?>>(typeof(RowValueReaders), nameof(BoxedCore), [c.Type.RawType], null, row, c);

    private static Func<object?> BoxedCore<T>(DataViewRow row, DataViewSchema.Column c)
    {
        var g = row.GetGetter<T>(c);
        return () => { T v = default!; g(ref v); return v; };
    }

    private static Func<double> Wrap<T>(DataViewRow row, DataViewSchema.Column c, Func<T, double> f)
    {
        var g = row.GetGetter<T>(c);
        T v = default!;
        return () => { g(ref v); return f(v); };
    }

    /// <summary>SplitMix64 finalizer: a good 64-bit mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong HashChars(ReadOnlySpan<char> s, ulong seed)
    {
        ulong h = Mix(seed ^ (ulong)s.Length);
        foreach (var ch in s) h = Mix(h ^ ch);
        return h;
    }

    /// <summary>A hash mapped to [0, 1).</summary>
    public static double ToUnit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
