namespace MlNetDeep.Transforms.Text;

/// <summary>
/// Keras' <c>pad_sequences</c>: brings integer sequences to one length by truncating and padding.
/// The defaults are Keras' (<c>padding='pre', truncating='pre', value=0</c>).
/// </summary>
/// <remarks>
/// A sequence longer than the length loses tokens at the <c>truncating</c> end ('pre' keeps the
/// last tokens, 'post' the first); a shorter one gets <c>value</c> added at the <c>padding</c> end.
/// Example, length 4: [5, 6] → pre [0, 0, 5, 6], post [5, 6, 0, 0]; [1, 2, 3, 4, 5, 6] →
/// pre [3, 4, 5, 6], post [1, 2, 3, 4].
/// </remarks>
public static class SequencePadding
{
    /// <summary>Writes <paramref name="sequence"/> padded/truncated into all of <paramref name="destination"/>.</summary>
    public static void Pad(ReadOnlySpan<int> sequence, Span<int> destination, SequenceSide padding = SequenceSide.Pre,
        SequenceSide truncating = SequenceSide.Pre, int value = 0)
    {
        CheckSide(padding, nameof(padding));
        CheckSide(truncating, nameof(truncating));
        int length = destination.Length;
        if (sequence.Length > length)
            sequence = truncating == SequenceSide.Pre ? sequence[(sequence.Length - length)..] : sequence[..length];
        int fill = length - sequence.Length;
        if (padding == SequenceSide.Pre)
        {
            destination[..fill].Fill(value);
            sequence.CopyTo(destination[fill..]);
        }
        else
        {
            sequence.CopyTo(destination);
            destination[sequence.Length..].Fill(value);
        }
    }

    /// <summary>One sequence padded/truncated to <paramref name="length"/>.</summary>
    public static int[] Pad(ReadOnlySpan<int> sequence, int length, SequenceSide padding = SequenceSide.Pre,
        SequenceSide truncating = SequenceSide.Pre, int value = 0)
    {
        CheckLength(length, nameof(length));
        var result = new int[length];
        Pad(sequence, result, padding, truncating, value);
        return result;
    }

    /// <summary>
    /// Keras' <c>pad_sequences(sequences, maxlen, padding, truncating, value)</c>: every sequence
    /// brought to <paramref name="maxLength"/>, or to the longest sequence's length when null.
    /// </summary>
    public static int[][] PadSequences(IReadOnlyList<int[]> sequences, int? maxLength = null, SequenceSide padding = SequenceSide.Pre,
        SequenceSide truncating = SequenceSide.Pre, int value = 0)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        int length = maxLength ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s?.Length ?? 0));
        CheckLength(length, nameof(maxLength));
        var result = new int[sequences.Count][];
        for (int i = 0; i < result.Length; i++) result[i] = Pad(sequences[i] ?? [], length, padding, truncating, value);
        return result;
    }

    private static void CheckLength(int length, string name)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(name, length, $"Expected a length ≥ 0. Received: {name}={length}");
    }

    private static void CheckSide(SequenceSide side, string name)
    {
        if (!Enum.IsDefined(side)) throw new ArgumentOutOfRangeException(name, side, $"Expected Pre or Post. Received: {name}={side}");
    }
}
