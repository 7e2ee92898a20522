using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Maxout activation: splits the last dimension into groups of <c>pieces</c> consecutive features
/// and keeps each group's maximum, so (…, F) becomes (…, F / pieces). Put a <see cref="Linear"/>
/// with pieces × units outputs before it to get a maxout unit layer. The gradient flows to the
/// maximal element of each group.
/// </summary>
/// <remarks>
/// When <c>inFeatures</c> is given, the constructor checks that <c>pieces</c> divides it; an input
/// whose last dimension it does not divide fails at forward time with a <see cref="TorchException"/>
/// naming both numbers.
/// </remarks>
public sealed class Maxout : Module
{
    public Maxout(int pieces, long? inFeatures = null) : base(Create(pieces, inFeatures, out var h), h)
    {
        Pieces = pieces;
    }

    /// <summary>Number of consecutive features reduced to one output.</summary>
    public int Pieces { get; }

    internal static void CheckPieces(int pieces, long? features)
    {
        if (pieces < 1) throw new ArgumentOutOfRangeException(nameof(pieces), pieces, $"Expected at least one piece. Received: pieces={pieces}.");
        if (features is long f && f % pieces != 0)
            throw new ArgumentException($"Expected pieces to divide the number of features ({f}). Received: pieces={pieces}.", nameof(pieces));
    }

    private static int Create(int pieces, long? inFeatures, out IntPtr handle)
    {
        CheckPieces(pieces, inFeatures);
        return mlnd_module_activation((int)ActivationKind.Maxout, pieces, 0, out handle);
    }
}
