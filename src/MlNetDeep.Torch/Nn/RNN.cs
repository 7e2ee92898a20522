namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Elman recurrent layer, as PyTorch's <c>nn.RNN</c>:
/// <c>h_t = f(x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh)</c> with f = tanh or ReLU.
/// See <see cref="RecurrentLayer"/> for shapes and parameter names.
/// </summary>
public sealed class RNN : RecurrentLayer
{
    public RNN(long inputSize, long hiddenSize, long numLayers = 1, RnnNonlinearity nonlinearity = RnnNonlinearity.Tanh,
        bool bias = true, bool batchFirst = false, double dropout = 0, bool bidirectional = false,
        Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(CellOf(nonlinearity), inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype)
    {
        Nonlinearity = nonlinearity;
    }

    public RnnNonlinearity Nonlinearity { get; }

    private static Cell CellOf(RnnNonlinearity nonlinearity) => nonlinearity switch
    {
        RnnNonlinearity.Tanh => Cell.RnnTanh,
        RnnNonlinearity.Relu => Cell.RnnRelu,
        _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, $"Expected Tanh or Relu. Received: nonlinearity={nonlinearity}."),
    };
}
