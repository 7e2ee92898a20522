using System.Text.Json;
using MlNetDeep.Onnx;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Onnx;

/// <summary>One network to export: a factory (seeded random weights), its per-row input shape (-1 dynamic) and the rows' shape for a sample.</summary>
public sealed record OnnxTestCase(string Name, Func<Module> Create, long[] InputShape, long[]? SampleShape = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every supported layer kind in a small network, plus the three reference models (churn MLP,
/// CNN, bidirectional 2-layer LSTM classifier). <see cref="ExportWithSample"/> writes NAME.onnx and
/// NAME.json (an input and MlNetDeep's output for it) for check_onnx.py.
/// </summary>
public static class OnnxTestModels
{
    public static readonly OnnxTestCase[] All =
    {
        new("linear", () => new Sequential(new Linear(5, 4)), new long[] { 5 }),
        new("linear_rank3_nobias", () => new Sequential(new Linear(5, 4, bias: false)), new long[] { 3, 5 }),
        new("linear_rank3", () => new Sequential(new Linear(5, 4)), new long[] { 3, 5 }),
        new("conv1d_valid", () => new Sequential(new Conv1d(3, 4, 3)), new long[] { 3, 10 }),
        new("conv1d_same_even", () => new Sequential(new Conv1d(2, 4, 4, padding: Padding.Same)), new long[] { 2, 11 }),
        new("conv1d_same_dilated", () => new Sequential(new Conv1d(2, 4, 3, padding: Padding.Same, dilation: 2)), new long[] { 2, 11 }),
        new("conv1d_explicit_stride_groups", () => new Sequential(new Conv1d(4, 6, 3, stride: 2, padding: 1, groups: 2, bias: false)), new long[] { 4, 9 }),
        new("conv2d_same", () => new Sequential(new Conv2d(3, 4, (3, 4), padding: Padding.Same, dilation: (2, 1))), new long[] { 3, 7, 8 }),
        new("conv2d_explicit_stride", () => new Sequential(new Conv2d(2, 4, (3, 3), stride: (2, 1), padding: Padding.Explicit(1, 2), groups: 2)), new long[] { 2, 7, 6 }),
        new("maxpool1d", () => new Sequential(new MaxPool1d(3, 2, 1)), new long[] { 2, 9 }),
        new("avgpool1d_padded", () => new Sequential(new AvgPool1d(3, 2, 1)), new long[] { 2, 9 }),
        new("minpool1d", () => new Sequential(new MinPool1d(2)), new long[] { 2, 8 }),
        new("maxpool2d", () => new Sequential(new MaxPool2d((3, 2), (2, 2), (1, 1))), new long[] { 2, 7, 6 }),
        new("avgpool2d_padded", () => new Sequential(new AvgPool2d(3, 2, 1)), new long[] { 2, 7, 7 }),
        new("minpool2d", () => new Sequential(new MinPool2d(2)), new long[] { 2, 6, 6 }),
        new("global_avg_pool1d", () => new Sequential(new GlobalAvgPool1d()), new long[] { 3, 5 }),
        new("global_max_pool1d", () => new Sequential(new GlobalMaxPool1d()), new long[] { 3, 5 }),
        new("global_avg_pool2d", () => new Sequential(new GlobalAvgPool2d()), new long[] { 3, 4, 5 }),
        new("global_max_pool2d", () => new Sequential(new GlobalMaxPool2d()), new long[] { 3, 4, 5 }),
        new("batchnorm1d_2d_input", () => WithStats(new BatchNorm1d(4)), new long[] { 4 }),
        new("batchnorm1d_3d_input", () => WithStats(new BatchNorm1d(3, eps: 1e-3)), new long[] { 3, 5 }),
        new("batchnorm1d_not_affine", () => WithStats(new BatchNorm1d(4, affine: false)), new long[] { 4 }),
        new("batchnorm2d", () => WithStats(new BatchNorm2d(3)), new long[] { 3, 4, 4 }),
        new("dropout", () => new Sequential(new Linear(4, 6), new Dropout(0.5), new Linear(6, 2)), new long[] { 4 }),
        new("flatten", () => new Sequential(new Flatten()), new long[] { 2, 3, 4 }),
        new("flatten_middle", () => new Sequential(new Flatten(2, 3)), new long[] { 2, 3, 4, 5 }),
        new("embedding", () => new Sequential(new Embedding(10, 4), new Flatten()), new long[] { 6 }),
        new("act_identity", () => Act(new Activation(ActivationKind.Identity)), new long[] { 6 }),
        new("act_binary_step", () => Act(new Activation(ActivationKind.BinaryStep)), new long[] { 6 }),
        new("act_sigmoid", () => Act(new Activation(ActivationKind.Sigmoid)), new long[] { 6 }),
        new("act_tanh", () => Act(new Activation(ActivationKind.Tanh)), new long[] { 6 }),
        new("act_relu", () => Act(new Activation(ActivationKind.Relu)), new long[] { 6 }),
        new("act_leaky_relu", () => Act(Activation.LeakyRelu(0.2)), new long[] { 6 }),
        new("act_elu", () => Act(Activation.Elu(0.7)), new long[] { 6 }),
        new("act_selu", () => Act(new Activation(ActivationKind.Selu)), new long[] { 6 }),
        new("act_swish", () => Act(new Activation(ActivationKind.Swish)), new long[] { 6 }),
        new("act_gelu", () => Act(new Activation(ActivationKind.Gelu)), new long[] { 6 }),
        new("act_softplus", () => Act(new Activation(ActivationKind.Softplus)), new long[] { 6 }),
        new("act_softplus_beta_threshold", () => Act(Activation.Softplus(2, 1.5)), new long[] { 6 }),
        new("act_softmax_dim1", () => Act(Activation.Softmax(1)), new long[] { 3, 4 }),
        new("act_log_softmax", () => Act(Activation.LogSoftmax()), new long[] { 3, 4 }),
        new("prelu_shared", () => WithRandomSlopes(new PReLU()), new long[] { 6 }),
        new("prelu_channels_image", () => WithRandomSlopes(new PReLU(3)), new long[] { 3, 4, 4 }),
        new("prelu_channels_vector", () => WithRandomSlopes(new PReLU(5)), new long[] { 5 }),
        new("maxout", () => new Sequential(new Linear(4, 12), new Maxout(3)), new long[] { 4 }),
        new("maxout_rank3", () => new Sequential(new Maxout(2)), new long[] { 3, 8 }),
        new("rnn_tanh", () => new Sequential(new RNN(3, 4)), new long[] { 5, 3 }),
        new("rnn_relu_bidirectional_batch_first", () => new Sequential(new RNN(3, 4, 2, RnnNonlinearity.Relu, batchFirst: true, bidirectional: true)), new long[] { 5, 3 }),
        new("lstm", () => new Sequential(new LSTM(3, 4)), new long[] { 5, 3 }),
        new("lstm_nobias_batch_first", () => new Sequential(new LSTM(3, 4, bias: false, batchFirst: true)), new long[] { 5, 3 }),
        new("lstm_stacked_bidirectional", () => new Sequential(new LSTM(3, 4, numLayers: 2, bidirectional: true)), new long[] { 5, 3 }),
        new("gru", () => new Sequential(new GRU(3, 4, batchFirst: true)), new long[] { 5, 3 }),
        new("gru_stacked_bidirectional", () => new Sequential(new GRU(3, 4, numLayers: 2, bidirectional: true)), new long[] { 5, 3 }),
        new("last_time_step_time_first", () => new Sequential(new GRU(3, 4), new LastTimeStep(batchFirst: false)), new long[] { 5, 3 }),
        new("churn_mlp", () => new Sequential(new Linear(11, 7), new Activation(ActivationKind.Relu), new Linear(7, 6),
            new Activation(ActivationKind.Relu), new Linear(6, 1), new Activation(ActivationKind.Sigmoid)), new long[] { 11 }),
        new("cnn", () => new Sequential(new Conv2d(1, 32, 3), new Activation(ActivationKind.Relu), new MaxPool2d(2),
            new Conv2d(32, 64, 3), new Activation(ActivationKind.Relu), new MaxPool2d(2), new Flatten(), new Linear(64 * 5 * 5, 10),
            Activation.Softmax()), new long[] { 1, 28, 28 }),
        new("lstm_classifier", () => new Sequential(new LSTM(8, 16, numLayers: 2, batchFirst: true, bidirectional: true), new LastTimeStep(),
            new Linear(32, 3), Activation.Softmax()), new long[] { -1, 8 }, new long[] { 7, 8 }),
    };

    public static OnnxTestCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>The case's network with weights from a seed derived from its name, in evaluation mode.</summary>
    public static Module Create(OnnxTestCase c)
    {
        TorchApi.ManualSeed((ulong)c.Name.Aggregate(17, (h, ch) => h * 31 + ch) & 0xFFFF);
        var m = c.Create();
        m.Eval();
        return m;
    }

    /// <summary>Exports the case to FOLDER/NAME.onnx and writes FOLDER/NAME.json with a 3-row input and MlNetDeep's output for it.</summary>
    public static void ExportWithSample(OnnxTestCase c, string folder)
    {
        using var module = Create(c);
        ModuleExporter.Export(module, Path.Combine(folder, c.Name + ".onnx"), c.InputShape);
        using var scope = TorchApi.NewDisposeScope();
        using var noGrad = TorchApi.NoGrad();
        var shape = new long[] { 3 }.Concat(c.SampleShape ?? c.InputShape).ToArray();
        var first = module is Sequential { Layers: [Embedding e, ..] } ? e : null;
        var x = first is not null
            ? (TorchApi.Rand(shape) * first.NumEmbeddings).To(ScalarType.Int64)
            : TorchApi.Randn(shape) * 2.0;
        var y = module.Forward(x);
        object data = first is not null ? x.ToArray<long>() : x.ToArray<float>();
        var json = new Dictionary<string, object>
        {
            ["input"] = new Dictionary<string, object> { ["shape"] = x.Shape, ["data"] = data },
            ["output"] = new Dictionary<string, object> { ["shape"] = y.Shape, ["data"] = y.ToArray<float>() },
        };
        File.WriteAllText(Path.Combine(folder, c.Name + ".json"), JsonSerializer.Serialize(json));
    }

    private static Sequential Act(Module activation) => new(activation);

    // Running statistics away from (0, 1) and random affine parameters, so that every term of batch norm counts.
    private static Sequential WithStats(Module bn)
    {
        using (TorchApi.NoGrad())
        {
            foreach (var (name, t) in bn.NamedParameters().Concat(bn.NamedBuffers()))
                using (t)
                {
                    if (name == "running_mean" || name == "bias") { using var r = TorchApi.Randn(t.Shape); t.CopyFrom(r); }
                    if (name == "running_var" || name == "weight") { using var r = TorchApi.Rand(t.Shape) + 0.5; t.CopyFrom(r); }
                }
        }
        return new Sequential(bn);
    }

    private static Sequential WithRandomSlopes(PReLU p)
    {
        using (TorchApi.NoGrad())
        {
            foreach (var (_, t) in p.NamedParameters())
                using (t) { using var r = TorchApi.Rand(t.Shape); t.CopyFrom(r); }
        }
        return new Sequential(p);
    }
}
