using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Keeps only the last time step of a sequence: (N, T, F) → (N, F), or (T, N, F) → (N, F) when
/// <c>batchFirst</c> is false. Put it after a recurrent layer inside a <see cref="Sequential"/> to
/// feed a sequence classifier's dense head.
/// </summary>
/// <remarks>
/// After a bidirectional layer this takes the last step of the concatenated output: the forward
/// direction's final state, but the backward direction's state after reading only the last input
/// step (its final state is at step 0). Use <see cref="RecurrentLayer.ForwardWithState"/>'s h_n to
/// get both directions' final states.
/// </remarks>
public sealed class LastTimeStep : Module
{
    public LastTimeStep(bool batchFirst = true) : base(mlnd_module_last_time_step(batchFirst ? 1 : 0, out var h), h)
    {
        BatchFirst = batchFirst;
    }

    public bool BatchFirst { get; }
}
