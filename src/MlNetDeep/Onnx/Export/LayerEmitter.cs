using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using static MlNetDeep.Onnx.OnnxAttribute;

namespace MlNetDeep.Onnx;

/// <summary>
/// Appends the ONNX nodes of one layer to a graph. Each method gets the value name of the layer's
/// input and a traced sample of that input (to know its rank and static sizes), and returns the
/// value name of the layer's output.
/// </summary>
internal sealed partial class LayerEmitter
{
    private readonly OnnxGraphBuilder _g;

    internal LayerEmitter(OnnxGraphBuilder graph) => _g = graph;

    /// <summary>Why <paramref name="layer"/> cannot be exported, or null when it can (Sequential: see its children).</summary>
    internal static string? Unsupported(Module layer) => layer switch
    {
        Sequential or Linear or Conv1d or Conv2d or MaxPool1d or MaxPool2d or AvgPool1d or AvgPool2d or MinPool1d or MinPool2d
            or GlobalAvgPool1d or GlobalAvgPool2d or GlobalMaxPool1d or GlobalMaxPool2d or Dropout or Flatten { StartDim: not 0 } or Embedding
            or PReLU or Maxout or RecurrentLayer or LastTimeStep or Activation => null,
        BatchNorm1d { TrackRunningStats: false } or BatchNorm2d { TrackRunningStats: false } =>
            "batch norm without running statistics normalizes with each batch's own statistics, which depend on the other rows; ONNX's inference BatchNormalization needs fixed statistics",
        BatchNorm1d or BatchNorm2d => null,
        Flatten { StartDim: 0 } => "flattening from dimension 0 merges the batch dimension, so the graph would have no per-row output",
        _ => $"no ONNX mapping is defined for {layer.GetType().Name}",
    };

    /// <summary>Emits <paramref name="layer"/> (recursing into Sequential); <paramref name="output"/> is the traced output.</summary>
    internal string Emit(Module layer, string path, string x, Tensor sample, out Tensor output)
    {
        if (layer is Sequential seq)
        {
            for (int i = 0; i < seq.Layers.Count; i++)
            {
                x = Emit(seq.Layers[i], path.Length == 0 ? $"{i}" : $"{path}.{i}", x, sample, out var next);
                sample = next;
            }
            output = sample;
            return x;
        }
        string y;
        try
        {
            y = EmitLayer(layer, path.Length == 0 ? "" : path + ".", x, sample.Shape);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"Cannot export layer {path} ({layer.Name}) to ONNX: {e.Message}", e);
        }
        output = layer.Forward(sample);
        return y;
    }

    private string EmitLayer(Module layer, string prefix, string x, long[] shape) => layer switch
    {
        Linear l => EmitLinear(l, prefix, x, shape.Length),
        Conv1d c => EmitConv(c, prefix, x, new[] { c.KernelSize }, new[] { c.Stride }, new[] { c.Dilation }, c.Padding, c.Groups, c.HasBias),
        Conv2d c => EmitConv(c, prefix, x, new[] { c.KernelSize.Height, c.KernelSize.Width }, new[] { c.Stride.Height, c.Stride.Width },
            new[] { c.Dilation.Height, c.Dilation.Width }, c.Padding, c.Groups, c.HasBias),
        MaxPool1d p => EmitPool("MaxPool", x, new[] { p.KernelSize }, new[] { p.Stride }, new[] { p.Padding }),
        MaxPool2d p => EmitPool("MaxPool", x, Pair(p.KernelSize), Pair(p.Stride), Pair(p.Padding)),
        AvgPool1d p => EmitPool("AveragePool", x, new[] { p.KernelSize }, new[] { p.Stride }, new[] { p.Padding }),
        AvgPool2d p => EmitPool("AveragePool", x, Pair(p.KernelSize), Pair(p.Stride), Pair(p.Padding)),
        MinPool1d p => EmitNeg(EmitPool("MaxPool", EmitNeg(x), new[] { p.KernelSize }, new[] { p.Stride }, new[] { p.Padding })),
        MinPool2d p => EmitNeg(EmitPool("MaxPool", EmitNeg(x), Pair(p.KernelSize), Pair(p.Stride), Pair(p.Padding))),
        GlobalAvgPool1d or GlobalAvgPool2d => _g.AddNode("Flatten", new[] { _g.AddNode("GlobalAveragePool", new[] { x }) }, Int("axis", 1)),
        GlobalMaxPool1d or GlobalMaxPool2d => _g.AddNode("Flatten", new[] { _g.AddNode("GlobalMaxPool", new[] { x }) }, Int("axis", 1)),
        BatchNorm1d b => EmitBatchNorm(b, prefix, x, shape.Length, b.Eps, b.Affine, b.NumFeatures),
        BatchNorm2d b => EmitBatchNorm(b, prefix, x, shape.Length, b.Eps, b.Affine, b.NumFeatures),
        Dropout => x,
        Flatten f => EmitFlatten(f, x, shape.Length),
        Embedding e => _g.AddNode("Gather", new[] { Param(e, prefix, "weight"), x }, Int("axis", 0)),
        Activation a => EmitActivation(a, x),
        PReLU p => EmitPRelu(p, prefix, x, shape.Length),
        Maxout m => EmitMaxout(m, x, shape.Length),
        RecurrentLayer r => EmitRecurrent(r, prefix, x),
        LastTimeStep t => _g.AddNode("Gather", new[] { x, _g.AddInitializer("last_index", new long[] { -1 }) }, Int("axis", t.BatchFirst ? 1 : 0)),
        _ => throw new NotSupportedException(Unsupported(layer) ?? "no ONNX mapping"),
    };

    private static long[] Pair((long Height, long Width) v) => new[] { v.Height, v.Width };

    /// <summary>A parameter or buffer of <paramref name="layer"/> as an initializer named prefix+name.</summary>
    private string Param(Module layer, string prefix, string name)
    {
        using var t = Tensor(layer, name);
        return _g.AddInitializer(prefix + name, t);
    }

    private static Tensor Tensor(Module layer, string name)
    {
        Tensor? found = null;
        foreach (var (n, t) in layer.NamedParameters().Concat(layer.NamedBuffers()))
        {
            if (n == name && found is null) found = t;
            else t.Dispose();
        }
        return found ?? throw new NotSupportedException($"the layer has no tensor named {name}");
    }

    private static float[] Data(Module layer, string name)
    {
        using var t = Tensor(layer, name);
        using var f = t.To(Device.Cpu, ScalarType.Float32);
        return f.ToArray<float>();
    }

    private string Scalar(string hint, float value) => _g.AddInitializer(hint, new[] { value });

    private string EmitNeg(string x) => _g.AddNode("Neg", new[] { x });

    private string EmitLinear(Linear l, string prefix, string x, int rank)
    {
        if (rank == 2)
        {
            var inputs = new List<string> { x, Param(l, prefix, "weight") };
            if (l.HasBias) inputs.Add(Param(l, prefix, "bias"));
            return _g.AddNode("Gemm", inputs, Int("transB", 1));
        }
        // Gemm takes matrices only: x Wᵀ over the last axis of a higher-rank input is a MatMul with Wᵀ stored.
        var w = Data(l, "weight");
        var wt = new float[w.Length];
        for (long o = 0; o < l.OutFeatures; o++)
            for (long i = 0; i < l.InFeatures; i++)
                wt[i * l.OutFeatures + o] = w[o * l.InFeatures + i];
        var y = _g.AddNode("MatMul", new[] { x, _g.AddInitializer(prefix + "weight_t", wt, l.InFeatures, l.OutFeatures) });
        return l.HasBias ? _g.AddNode("Add", new[] { y, Param(l, prefix, "bias") }) : y;
    }

    private string EmitConv(Module c, string prefix, string x, long[] kernel, long[] stride, long[] dilation, Padding padding, long groups, bool bias)
    {
        var n = kernel.Length;
        var pads = new long[2 * n];
        if (padding.Kind == PaddingKind.Same)
        {
            // libtorch's 'same': total = dilation·(k − 1), the odd element after.
            for (int i = 0; i < n; i++)
            {
                var total = dilation[i] * (kernel[i] - 1);
                pads[i] = total / 2;
                pads[i + n] = total - total / 2;
            }
        }
        else
        {
            var p = padding.Resolve(n, "padding");
            for (int i = 0; i < n; i++) pads[i] = pads[i + n] = p[i];
        }
        var inputs = new List<string> { x, Param(c, prefix, "weight") };
        if (bias) inputs.Add(Param(c, prefix, "bias"));
        return _g.AddNode("Conv", inputs, Ints("kernel_shape", kernel), Ints("strides", stride), Ints("dilations", dilation),
            Ints("pads", pads), Int("group", groups));
    }

    private string EmitPool(string op, string x, long[] kernel, long[] stride, long[] padding)
    {
        var pads = padding.Concat(padding).ToArray();
        var attributes = new List<OnnxAttribute> { Ints("kernel_shape", kernel), Ints("strides", stride), Ints("pads", pads) };
        // PyTorch's default: padded zeros count in the average.
        if (op == "AveragePool") attributes.Add(Int("count_include_pad", 1));
        return _g.AddNode(op, new[] { x }, attributes.ToArray());
    }

    private string EmitBatchNorm(Module b, string prefix, string x, int rank, double eps, bool affine, long features)
    {
        var scale = affine ? Param(b, prefix, "weight") : _g.AddInitializer(prefix + "weight", Enumerable.Repeat(1f, (int)features).ToArray(), features);
        var bias = affine ? Param(b, prefix, "bias") : _g.AddInitializer(prefix + "bias", new float[features], features);
        var mean = Param(b, prefix, "running_mean");
        var variance = Param(b, prefix, "running_var");
        // ONNX BatchNormalization is specified for (N, C, D...); a (N, C) input gets a spatial axis of 1.
        var input = rank == 2 ? _g.AddNode("Unsqueeze", new[] { x, _g.AddInitializer("axes_2", new long[] { 2 }, 1) }) : x;
        var y = _g.AddNode("BatchNormalization", new[] { input, scale, bias, mean, variance }, Float("epsilon", (float)eps));
        return rank == 2 ? _g.AddNode("Squeeze", new[] { y, _g.AddInitializer("axes_2", new long[] { 2 }, 1) }) : y;
    }

    private string EmitFlatten(Flatten f, string x, int rank)
    {
        var start = f.StartDim < 0 ? f.StartDim + rank : f.StartDim;
        var end = f.EndDim < 0 ? f.EndDim + rank : f.EndDim;
        if (start == 0) throw new NotSupportedException($"flattening from dimension 0 (startDim={f.StartDim} for rank {rank}) merges the batch dimension");
        if (start == 1 && end == rank - 1) return _g.AddNode("Flatten", new[] { x }, Int("axis", 1));
        if (start == end) return _g.AddNode("Identity", new[] { x });
        // General case: target shape = shape[:start] ++ [-1] ++ shape[end+1:], computed in the graph so dynamic sizes stay dynamic.
        var shape = _g.AddNode("Shape", new[] { x });
        var parts = new List<string>();
        if (start > 0) parts.Add(Slice(shape, 0, start));
        parts.Add(_g.AddInitializer("minus_one", new long[] { -1 }, 1));
        if (end < rank - 1) parts.Add(Slice(shape, end + 1, rank));
        var target = _g.AddNode("Concat", parts, Int("axis", 0));
        return _g.AddNode("Reshape", new[] { x, target });
    }

    private string Slice(string x, long from, long to) =>
        _g.AddNode("Slice", new[] { x, _g.AddInitializer("starts", new[] { from }, 1), _g.AddInitializer("ends", new[] { to }, 1) });

    private string EmitPRelu(PReLU p, string prefix, string x, int rank)
    {
        var w = Data(p, "weight");
        // PyTorch's per-channel slopes act on dimension 1: shape them (C, 1, ..., 1) so they broadcast against (N, C, ...).
        var dims = p.NumParameters == 1 || rank <= 2
            ? new[] { p.NumParameters }
            : new[] { p.NumParameters }.Concat(Enumerable.Repeat(1L, rank - 2)).ToArray();
        return _g.AddNode("PRelu", new[] { x, _g.AddInitializer(prefix + "weight", w, dims) });
    }

    private string EmitMaxout(Maxout m, string x, int rank)
    {
        // (..., F) → (..., F / pieces, pieces) → max over the last axis.
        var target = Enumerable.Repeat(0L, rank - 1).Append(-1).Append(m.Pieces).ToArray();
        var r = _g.AddNode("Reshape", new[] { x, _g.AddInitializer("maxout_shape", target, target.Length) });
        return _g.AddNode("ReduceMax", new[] { r }, Ints("axes", -1), Int("keepdims", 0));
    }

    private string EmitActivation(Activation a, string x)
    {
        switch (a.Kind)
        {
            case ActivationKind.Identity: return _g.AddNode("Identity", new[] { x });
            case ActivationKind.BinaryStep:
                return _g.AddNode("Cast", new[] { _g.AddNode("Greater", new[] { x, Scalar("zero", 0f) }) }, Int("to", (long)OnnxDataType.Float));
            case ActivationKind.Sigmoid: return _g.AddNode("Sigmoid", new[] { x });
            case ActivationKind.Tanh: return _g.AddNode("Tanh", new[] { x });
            case ActivationKind.Relu: return _g.AddNode("Relu", new[] { x });
            case ActivationKind.LeakyRelu: return _g.AddNode("LeakyRelu", new[] { x }, Float("alpha", (float)a.P0));
            case ActivationKind.Elu: return _g.AddNode("Elu", new[] { x }, Float("alpha", (float)a.P0));
            case ActivationKind.Selu:
                // PyTorch's constants, stated rather than left to ONNX's defaults.
                return _g.AddNode("Selu", new[] { x }, Float("alpha", 1.6732632423543772f), Float("gamma", 1.0507009873554805f));
            case ActivationKind.Swish: return _g.AddNode("Mul", new[] { x, _g.AddNode("Sigmoid", new[] { x }) });
            case ActivationKind.Gelu:
            {
                // Exact GELU: 0.5·x·(1 + erf(x / √2)).
                var erf = _g.AddNode("Erf", new[] { _g.AddNode("Div", new[] { x, Scalar("sqrt2", MathF.Sqrt(2f)) }) });
                var onePlus = _g.AddNode("Add", new[] { erf, Scalar("one", 1f) });
                return _g.AddNode("Mul", new[] { _g.AddNode("Mul", new[] { x, onePlus }), Scalar("half", 0.5f) });
            }
            case ActivationKind.Softplus:
            {
                // log(1 + e^(βx)) / β, and x itself where βx > threshold (PyTorch's linear region).
                var beta = (float)a.P0;
                var bx = beta == 1f ? x : _g.AddNode("Mul", new[] { x, Scalar("softplus_beta", beta) });
                var sp = _g.AddNode("Softplus", new[] { bx });
                var y = beta == 1f ? sp : _g.AddNode("Div", new[] { sp, Scalar("softplus_beta", beta) });
                var linear = _g.AddNode("Greater", new[] { bx, Scalar("softplus_threshold", (float)a.P1) });
                return _g.AddNode("Where", new[] { linear, x, y });
            }
            case ActivationKind.Softmax: return _g.AddNode("Softmax", new[] { x }, Int("axis", (long)a.P0));
            case ActivationKind.LogSoftmax: return _g.AddNode("LogSoftmax", new[] { x }, Int("axis", (long)a.P0));
            default: throw new NotSupportedException($"no ONNX mapping is defined for activation {a.Kind}");
        }
    }
}
