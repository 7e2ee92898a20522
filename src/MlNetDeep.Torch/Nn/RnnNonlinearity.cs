namespace MlNetDeep.Torch.Nn;

/// <summary>The nonlinearity of an Elman <see cref="RNN"/>: h' = f(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh).</summary>
public enum RnnNonlinearity
{
    Tanh = 0,
    Relu = 1,
}
