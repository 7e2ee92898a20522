namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Gated recurrent unit layer, as PyTorch's <c>nn.GRU</c>. Gates are stacked in PyTorch's order
/// (reset, update, new):
/// <code>
/// r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr)    z = σ(x W_izᵀ + b_iz + h W_hzᵀ + b_hz)
/// n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn))
/// h' = (1 − z) ⊙ n + z ⊙ h
/// </code>
/// See <see cref="RecurrentLayer"/> for shapes and parameter names.
/// </summary>
public sealed class GRU : RecurrentLayer
{
    public GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
        double dropout = 0, bool bidirectional = false, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Cell.Gru, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype)
    {
    }
}
