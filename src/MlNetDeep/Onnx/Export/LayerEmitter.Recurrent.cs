using MlNetDeep.Torch.Nn;
using static MlNetDeep.Onnx.OnnxAttribute;

namespace MlNetDeep.Onnx;

internal sealed partial class LayerEmitter
{
    // Where ONNX's gate k comes from in PyTorch's stacking. LSTM: PyTorch (i, f, g, o), ONNX (i, o, f, c).
    // GRU: PyTorch (r, z, n), ONNX (z, r, h).
    internal static readonly int[] LstmGateOrder = { 0, 3, 1, 2 };
    internal static readonly int[] GruGateOrder = { 1, 0, 2 };

    /// <summary>
    /// One ONNX LSTM/GRU/RNN node per stacked layer, both directions in one node. ONNX runs
    /// (T, N, features) and returns (T, directions, N, H); PyTorch's layers pass (T, N, directions·H)
    /// on, so each output is transposed and reshaped, and batch-first input and output are transposed.
    /// </summary>
    private string EmitRecurrent(RecurrentLayer r, string prefix, string x)
    {
        var (op, gates, order) = r switch
        {
            LSTM => ("LSTM", 4, LstmGateOrder),
            GRU => ("GRU", 3, GruGateOrder),
            _ => ("RNN", 1, new[] { 0 }),
        };
        var directions = r.Bidirectional ? 2 : 1;
        var h = r.HiddenSize;
        if (r.BatchFirst) x = _g.AddNode("Transpose", new[] { x }, Ints("perm", 1, 0, 2));
        for (int layer = 0; layer < r.NumLayers; layer++)
        {
            var inputSize = layer == 0 ? r.InputSize : h * directions;
            var w = new List<float>();
            var rw = new List<float>();
            var b = new List<float>();
            foreach (var suffix in directions == 2 ? new[] { "", "_reverse" } : new[] { "" })
            {
                w.AddRange(Reorder(Data(r, $"weight_ih_l{layer}{suffix}"), gates, order));
                rw.AddRange(Reorder(Data(r, $"weight_hh_l{layer}{suffix}"), gates, order));
                if (r.HasBias)
                {
                    b.AddRange(Reorder(Data(r, $"bias_ih_l{layer}{suffix}"), gates, order));
                    b.AddRange(Reorder(Data(r, $"bias_hh_l{layer}{suffix}"), gates, order));
                }
            }
            var name = $"{prefix}l{layer}_";
            var inputs = new List<string>
            {
                x,
                _g.AddInitializer(name + "W", w.ToArray(), directions, gates * h, inputSize),
                _g.AddInitializer(name + "R", rw.ToArray(), directions, gates * h, h),
            };
            if (r.HasBias) inputs.Add(_g.AddInitializer(name + "B", b.ToArray(), directions, 2 * gates * h));
            var attributes = new List<OnnxAttribute>
            {
                Int("hidden_size", h),
                String("direction", directions == 2 ? "bidirectional" : "forward"),
            };
            if (r is GRU) attributes.Add(Int("linear_before_reset", 1));
            if (r is RNN rnn)
                attributes.Add(Strings("activations", Enumerable.Repeat(rnn.Nonlinearity == RnnNonlinearity.Relu ? "Relu" : "Tanh", directions).ToArray()));
            var y = _g.AddNode(op, inputs, attributes.ToArray());
            // (T, D, N, H) → (T, N, D, H) → (T, N, D·H): forward features first, as PyTorch concatenates.
            var t = _g.AddNode("Transpose", new[] { y }, Ints("perm", 0, 2, 1, 3));
            x = _g.AddNode("Reshape", new[] { t, _g.AddInitializer("rnn_shape", new long[] { 0, 0, -1 }, 3) });
        }
        return r.BatchFirst ? _g.AddNode("Transpose", new[] { x }, Ints("perm", 1, 0, 2)) : x;
    }

    /// <summary>Reorders the <paramref name="gates"/> equal row blocks of a stacked weight or bias: block k of the result is block order[k] of the input.</summary>
    internal static float[] Reorder(float[] data, int gates, int[] order)
    {
        var block = data.Length / gates;
        var result = new float[data.Length];
        for (int k = 0; k < gates; k++) Array.Copy(data, order[k] * block, result, k * block, block);
        return result;
    }
}
