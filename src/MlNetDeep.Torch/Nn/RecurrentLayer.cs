using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// What <see cref="RNN"/>, <see cref="LSTM"/> and <see cref="GRU"/> share: stacked layers, optionally
/// bidirectional, run by libtorch's fused kernels. Parameters carry PyTorch's names and shapes
/// (<c>weight_ih_l{k}</c> [G·H, in], <c>weight_hh_l{k}</c> [G·H, H], <c>bias_ih_l{k}</c>,
/// <c>bias_hh_l{k}</c> [G·H], and <c>*_reverse</c> for the backward direction; G = 4 for LSTM,
/// 3 for GRU, 1 for RNN), all initialised uniform on ±1/√hidden_size as in PyTorch.
/// </summary>
/// <remarks>
/// Input is (N, T, input_size) when <see cref="BatchFirst"/>, else (T, N, input_size); an
/// unbatched (T, input_size) sequence is accepted too. <see cref="Module.Forward"/> returns the
/// whole output sequence, (N, T, D·H) when batch-first, D = 2 if bidirectional (forward and
/// backward outputs concatenated on the last axis), else 1. States are (num_layers·D, N, H).
/// </remarks>
public abstract class RecurrentLayer : Module
{
    private protected enum Cell { RnnTanh = 0, RnnRelu = 1, Lstm = 2, Gru = 3 }

    private protected RecurrentLayer(Cell cell, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst,
        double dropout, bool bidirectional, Device? device, ScalarType dtype)
        : base(Create(cell, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, device, dtype, out var h), h)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        HasBias = bias;
        BatchFirst = batchFirst;
        Dropout = dropout;
        Bidirectional = bidirectional;
    }

    public long InputSize { get; }
    public long HiddenSize { get; }
    public long NumLayers { get; }
    public bool HasBias { get; }
    /// <summary>True when input and output are (batch, time, features) rather than (time, batch, features).</summary>
    public bool BatchFirst { get; }
    /// <summary>Dropout probability on the outputs of every layer except the last, in training mode only.</summary>
    public double Dropout { get; }
    public bool Bidirectional { get; }

    /// <summary>Number of features of each output step: hidden size, doubled when bidirectional.</summary>
    public long OutputSize => HiddenSize * (Bidirectional ? 2 : 1);

    /// <summary>
    /// Runs the sequence from initial states <paramref name="h0"/> (and <paramref name="c0"/>, LSTM
    /// only), zeros when omitted, each of shape (num_layers·D, N, H). Returns the output sequence and
    /// the final states h_n (and c_n for LSTM, else null) in the same layout: layer by layer, forward
    /// direction before backward.
    /// </summary>
    public (Tensor Output, Tensor H, Tensor? C) ForwardWithState(Tensor input, Tensor? h0 = null, Tensor? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var none = new TensorHandle();
        Check(mlnd_module_recurrent_forward_state(Handle, input.Handle, h0?.Handle ?? none, c0?.Handle ?? none, out var o, out var hn, out var cn));
        var output = new Tensor(o);
        var h = new Tensor(hn);
        return (output, h, cn == IntPtr.Zero ? null : new Tensor(cn));
    }

    private static int Create(Cell cell, long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst,
        double dropout, bool bidirectional, Device? device, ScalarType dtype, out IntPtr handle)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"Expected a positive input size. Received: inputSize={inputSize}.");
        if (hiddenSize <= 0) throw new ArgumentOutOfRangeException(nameof(hiddenSize), hiddenSize, $"Expected a positive hidden size. Received: hiddenSize={hiddenSize}.");
        if (numLayers <= 0) throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, $"Expected at least one layer. Received: numLayers={numLayers}.");
        if (!(dropout >= 0 && dropout <= 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"Expected a value between 0 and 1. Received: dropout={dropout}.");
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        return mlnd_module_recurrent((int)cell, inputSize, hiddenSize, numLayers, bias ? 1 : 0, batchFirst ? 1 : 0, dropout,
            bidirectional ? 1 : 0, (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
