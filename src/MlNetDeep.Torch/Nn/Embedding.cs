using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// A lookup table: int64 indices of any shape S give vectors of shape S × embeddingDim, rows of
/// the parameter <c>weight</c> [numEmbeddings, embeddingDim], initialised from N(0, 1) as in
/// PyTorch. The row <c>paddingIdx</c>, when given, starts at zero and receives no gradient.
/// </summary>
public sealed class Embedding : Module
{
    /// <param name="paddingIdx">A row that stays zero (negative counts from the end), or null.</param>
    public Embedding(long numEmbeddings, long embeddingDim, long? paddingIdx = null, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Create(numEmbeddings, embeddingDim, paddingIdx, device, dtype, out var h), h)
    {
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx is { } p && p < 0 ? p + numEmbeddings : paddingIdx;
    }

    public long NumEmbeddings { get; }
    public long EmbeddingDim { get; }

    /// <summary>The padding row, counted from the start (a negative argument is resolved), or null.</summary>
    public long? PaddingIdx { get; }

    private static int Create(long numEmbeddings, long embeddingDim, long? paddingIdx, Device? device, ScalarType dtype, out IntPtr handle)
    {
        LayerArgs.Positive(numEmbeddings, nameof(numEmbeddings), "number of embeddings");
        LayerArgs.Positive(embeddingDim, nameof(embeddingDim), "embedding size");
        long pad = -1;
        if (paddingIdx is { } p)
        {
            if (p < -numEmbeddings || p >= numEmbeddings)
                throw new ArgumentOutOfRangeException(nameof(paddingIdx), p,
                    $"Expected paddingIdx within [-{numEmbeddings}, {numEmbeddings}) for numEmbeddings={numEmbeddings}. Received: paddingIdx={p}.");
            pad = p < 0 ? p + numEmbeddings : p;
        }
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        return mlnd_module_embedding(numEmbeddings, embeddingDim, pad, (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
