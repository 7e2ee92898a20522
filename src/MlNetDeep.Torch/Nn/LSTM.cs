namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Long short-term memory layer, as PyTorch's <c>nn.LSTM</c>. Gates are stacked in PyTorch's order
/// (input, forget, cell, output):
/// <code>
/// i = σ(x W_iiᵀ + b_ii + h W_hiᵀ + b_hi)    f = σ(x W_ifᵀ + b_if + h W_hfᵀ + b_hf)
/// g = tanh(x W_igᵀ + b_ig + h W_hgᵀ + b_hg) o = σ(x W_ioᵀ + b_io + h W_hoᵀ + b_ho)
/// c' = f ⊙ c + i ⊙ g                         h' = o ⊙ tanh(c')
/// </code>
/// See <see cref="RecurrentLayer"/> for shapes and parameter names; <see cref="RecurrentLayer.ForwardWithState"/>
/// also returns the final cell state c_n.
/// </summary>
public sealed class LSTM : RecurrentLayer
{
    public LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
        double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Cell.Lstm, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype)
    {
    }
}
