using System.Globalization;
using System.Numerics;

namespace MlNetDeep.Transforms;

/// <summary>
/// Conversions between column value types (ConvertType, KeyToValue): numbers convert with C#
/// truncating casts (NaN → 0 for integers), booleans as 1/0 and ≠ 0, text parses with the
/// invariant culture (an unparsable float is NaN; an unparsable integer or boolean throws naming the column).
/// </summary>
internal static class ValueConverter
{
    public static Func<TSrc, TDst> Get<TSrc, TDst>(string column)
    {
        var s = typeof(TSrc); var d = typeof(TDst);
        if (s == d) return (Func<TSrc, TDst>)(object)(Func<TSrc, TSrc>)(x => x);
        if (d == typeof(ReadOnlyMemory<char>)) return x => (TDst)(object)ToText(x).AsMemory();
        if (s == typeof(ReadOnlyMemory<char>)) return x => Parse<TDst>(((ReadOnlyMemory<char>)(object)x!).Span, column);
        if (s == typeof(bool)) { var f = Get<int, TDst>(column); return x => f((bool)(object)x! ? 1 : 0); }
        if (d == typeof(bool)) { var f = Get<TSrc, double>(column); return x => (TDst)(object)(f(x) != 0); }
        return Generic.Invoke<Func<TSrc, TDst>>(typeof(ValueConverter), nameof(Numeric), [s, d], null);
    }

    private static Func<TSrc, TDst> Numeric<TSrc, TDst>() where TSrc : INumberBase<TSrc> where TDst : INumberBase<TDst> =>
        x => TDst.CreateTruncating(x);

    private static string ToText<T>(T x) => x switch
    {
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double v => v.ToString("R", CultureInfo.InvariantCulture),
        IFormattable fm => fm.ToString(null, CultureInfo.InvariantCulture),
        _ => x?.ToString() ?? "",
    };

    private static T Parse<T>(ReadOnlySpan<char> s, string column)
    {
        var t = typeof(T);
        if (t == typeof(float)) return (T)(object)(float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : float.NaN);
        if (t == typeof(double)) return (T)(object)(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN);
        if (t == typeof(bool))
        {
            if (bool.TryParse(s, out var b)) return (T)(object)b;
            if (s.SequenceEqual("1")) return (T)(object)true;
            if (s.SequenceEqual("0") || s.IsEmpty) return (T)(object)false;
        }
        else if (s.IsEmpty) return default!;
        else if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            if (t == typeof(long)) return (T)(object)l;
            if (t == typeof(int) && l is >= int.MinValue and <= int.MaxValue) return (T)(object)(int)l;
            if (t == typeof(uint) && l is >= 0 and <= uint.MaxValue) return (T)(object)(uint)l;
        }
        throw new FormatException($"Column '{column}': cannot convert '{s}' to {t.Name}.");
    }
}
