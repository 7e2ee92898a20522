using System.Runtime.CompilerServices;

namespace MlNetDeep.Data;

/// <summary>
/// Culture-invariant parsing of the plain decimals that data files are made of ("-12.5", "619",
/// "101348.88") without the general parser's overhead. It answers only when the result is exactly
/// what <c>float.Parse</c>/<c>double.Parse</c> (invariant culture) return, i.e. correctly rounded:
/// at most 19 significant digits forming an integer m below 2^53 and at most 22 decimals, so
/// m / 10^k is one correctly rounded division (Clinger's fast path). Anything else (exponents,
/// whitespace, more digits, a float that lands on a rounding tie) returns false and callers use
/// the general parser.
/// </summary>
internal static class FastNumberParser
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDouble(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (!TryDecimal(s, out var m, out var decimals, out var negative)) return false;
        double d = m;
        if (decimals > 0) d /= PowersOf10[decimals];
        value = negative ? -d : d;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSingle(ReadOnlySpan<char> s, out float value)
    {
        value = 0;
        if (!TryDecimal(s, out var m, out var decimals, out var negative)) return false;
        double d = m;
        if (decimals > 0) d /= PowersOf10[decimals];
        // d is the correctly rounded double of the decimal; rounding it to float is the correctly
        // rounded float unless d sits exactly halfway between two floats (then the double
        // rounding may differ): the 29 bits float drops would be 1000...0.
        if ((BitConverter.DoubleToInt64Bits(d) & 0x1FFF_FFFF) == 0x1000_0000) return false;
        var f = (float)d;
        value = negative ? -f : f;
        return true;
    }

    /// <summary>[+-]digits[.digits] with at least one digit: the integer of all digits and the count after the point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDecimal(ReadOnlySpan<char> s, out ulong mantissa, out int decimals, out bool negative)
    {
        mantissa = 0; decimals = 0; negative = false;
        int i = 0;
        if (s.Length == 0) return false;
        if (s[0] == '-') { negative = true; i = 1; }
        else if (s[0] == '+') i = 1;
        int digits = 0, point = -1;
        ulong m = 0;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                if (++digits > 19) return false;
                m = m * 10 + d;
            }
            else if (s[i] == '.' && point < 0) point = digits;
            else return false;
        }
        if (digits == 0 || m >= 1UL << 53) return false;
        decimals = point < 0 ? 0 : digits - point;
        if (decimals > 22) return false;
        mantissa = m;
        return true;
    }
}
