using System.Globalization;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Argument checks shared by the layers, so every layer words its errors the same way
/// (Keras style: what was expected, then "Received: name=value").
/// </summary>
internal static class LayerArgs
{
    internal static void Positive(long value, string paramName, string what)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(paramName, value, $"Expected a positive {what}. Received: {paramName}={value}.");
    }

    /// <summary>Checks each size is ≥ <paramref name="min"/> and returns them as an array.</summary>
    internal static long[] Sizes(string paramName, string what, long min, params long[] sizes)
    {
        foreach (var s in sizes)
            if (s < min)
                throw new ArgumentOutOfRangeException(paramName, s,
                    $"Expected {(min == 0 ? "non-negative" : "positive")} {what}. Received: {paramName}={Format(sizes)}.");
        return sizes;
    }

    internal static string Format(IReadOnlyList<long> sizes) =>
        sizes.Count == 1 ? sizes[0].ToString(CultureInfo.InvariantCulture) : $"({string.Join(", ", sizes)})";

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
