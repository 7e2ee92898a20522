using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Inverted dropout: in training, each element is zeroed with probability <c>rate</c> and the
/// others are scaled by 1/(1 − rate), so the expected value is unchanged; in evaluation it is the
/// identity. Draws come from libtorch's seeded generator (<see cref="Torch.ManualSeed"/>).
/// </summary>
public sealed class Dropout : Module
{
    /// <param name="rate">Probability of zeroing an element, 0 ≤ rate &lt; 1 (PyTorch's <c>p</c>).</param>
    public Dropout(double rate = 0.5) : base(Create(rate, out var h), h)
    {
        Rate = rate;
    }

    public double Rate { get; }

    private static int Create(double rate, out IntPtr handle)
    {
        if (!(rate >= 0 && rate < 1))
            throw new ArgumentOutOfRangeException(nameof(rate), rate,
                $"Expected a value between 0 (inclusive) and 1 (exclusive). Received: rate={LayerArgs.Format(rate)}.");
        return mlnd_module_dropout(rate, out handle);
    }
}
