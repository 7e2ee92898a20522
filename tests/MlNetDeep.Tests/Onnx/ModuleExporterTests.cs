using MlNetDeep.Onnx;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using P = global::Onnx;

namespace MlNetDeep.Tests.Onnx;

/// <summary>The graphs ModuleExporter writes: operators, attributes, initializers (values from the module) and the LSTM/GRU gate reordering.</summary>
public class ModuleExporterTests
{
    private static P.ModelProto Export(Module m, params long[] inputShape)
    {
        using var stream = new MemoryStream();
        ModuleExporter.Export(m, stream, inputShape);
        return P.ModelProto.Parser.ParseFrom(stream.ToArray());
    }

    private static P.ModelProto Export(string caseName, out Module module)
    {
        var c = OnnxTestModels.Get(caseName);
        module = OnnxTestModels.Create(c);
        return Export(module, c.InputShape);
    }

    private static string[] Ops(P.ModelProto m) => m.Graph.Node.Select(n => n.OpType).ToArray();

    private static P.NodeProto Node(P.ModelProto m, string op) => Assert.Single(m.Graph.Node, n => n.OpType == op);

    private static P.AttributeProto Attr(P.NodeProto n, string name) => Assert.Single(n.Attribute, a => a.Name == name);

    private static float[] Floats(P.TensorProto t) =>
        Enumerable.Range(0, t.RawData.Length / 4).Select(i => BitConverter.ToSingle(t.RawData.Span.Slice(i * 4, 4))).ToArray();

    private static P.TensorProto Init(P.ModelProto m, string name) => Assert.Single(m.Graph.Initializer, t => t.Name == name);

    private static float[] Param(Module m, string name)
    {
        var all = m.NamedParameters().Concat(m.NamedBuffers()).ToList();
        try { return all.Single(p => p.Name == name).Tensor.ToArray<float>(); }
        finally { foreach (var (_, t) in all) t.Dispose(); }
    }

    [Fact]
    public void Linear_on_matrices_is_one_gemm_with_the_layers_weights()
    {
        var m = Export("linear", out var module);
        using var _ = module;
        Assert.Equal(new[] { "Gemm", "Identity" }, Ops(m));
        Assert.Equal(1, Attr(Node(m, "Gemm"), "transB").I);
        Assert.Equal(new long[] { 4, 5 }, Init(m, "0.weight").Dims.ToArray());
        Assert.Equal(Param(module, "0.weight"), Floats(Init(m, "0.weight")));
        Assert.Equal(Param(module, "0.bias"), Floats(Init(m, "0.bias")));
        var output = Assert.Single(m.Graph.Output);
        Assert.Equal("batch", output.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(4, output.Type.TensorType.Shape.Dim[1].DimValue);
    }

    [Fact]
    public void Linear_on_higher_rank_is_matmul_with_transposed_weight_and_add()
    {
        var m = Export("linear_rank3", out var module);
        using var _ = module;
        Assert.Equal(new[] { "MatMul", "Add", "Identity" }, Ops(m));
        var w = Param(module, "0.weight"); // [4, 5]
        var wt = Floats(Init(m, "0.weight_t")); // [5, 4]
        Assert.Equal(new long[] { 5, 4 }, Init(m, "0.weight_t").Dims.ToArray());
        for (int o = 0; o < 4; o++)
            for (int i = 0; i < 5; i++)
                Assert.Equal(w[o * 5 + i], wt[i * 4 + o]);
        var noBias = Export("linear_rank3_nobias", out var m2);
        m2.Dispose();
        Assert.Equal(new[] { "MatMul", "Identity" }, Ops(noBias));
    }

    [Theory]
    [InlineData("conv1d_same_even", new long[] { 1, 2 }, new long[] { 1 }, new long[] { 1 }, 1)]          // total 3: the odd one after
    [InlineData("conv1d_same_dilated", new long[] { 2, 2 }, new long[] { 1 }, new long[] { 2 }, 1)]       // total 2·(3−1) = 4
    [InlineData("conv1d_explicit_stride_groups", new long[] { 1, 1 }, new long[] { 2 }, new long[] { 1 }, 2)]
    [InlineData("conv2d_same", new long[] { 2, 1, 2, 2 }, new long[] { 1, 1 }, new long[] { 2, 1 }, 1)]   // H: 2·2 = 4; W: 3
    [InlineData("conv2d_explicit_stride", new long[] { 1, 2, 1, 2 }, new long[] { 2, 1 }, new long[] { 1, 1 }, 2)]
    public void Conv_pads_strides_dilations_and_groups(string name, long[] pads, long[] strides, long[] dilations, long groups)
    {
        var m = Export(name, out var module);
        using var _ = module;
        var conv = Node(m, "Conv");
        Assert.Equal(pads, Attr(conv, "pads").Ints.ToArray());
        Assert.Equal(strides, Attr(conv, "strides").Ints.ToArray());
        Assert.Equal(dilations, Attr(conv, "dilations").Ints.ToArray());
        Assert.Equal(groups, Attr(conv, "group").I);
        Assert.Equal(Param(module, "0.weight"), Floats(Init(m, "0.weight")));
        Assert.Equal(name != "conv1d_explicit_stride_groups", conv.Input.Count == 3); // that one has no bias
    }

    [Fact]
    public void Pools_map_to_onnx_pools_with_pytorch_padding_rules()
    {
        var avg = Export("avgpool2d_padded", out var a);
        a.Dispose();
        var node = Node(avg, "AveragePool");
        Assert.Equal(1, Attr(node, "count_include_pad").I);
        Assert.Equal(new long[] { 1, 1, 1, 1 }, Attr(node, "pads").Ints.ToArray());
        Assert.Equal(new long[] { 2, 2 }, Attr(node, "strides").Ints.ToArray());
        var max = Export("maxpool2d", out var b);
        b.Dispose();
        Assert.Equal(new long[] { 3, 2 }, Attr(Node(max, "MaxPool"), "kernel_shape").Ints.ToArray());
        var min = Export("minpool1d", out var c);
        c.Dispose();
        Assert.Equal(new[] { "Neg", "MaxPool", "Neg", "Identity" }, Ops(min));
        var global = Export("global_avg_pool2d", out var d);
        d.Dispose();
        Assert.Equal(new[] { "GlobalAveragePool", "Flatten", "Identity" }, Ops(global));
        Assert.Equal(2, global.Graph.Output[0].Type.TensorType.Shape.Dim.Count); // (batch, C)
    }

    [Fact]
    public void BatchNorm_exports_running_statistics_and_wraps_matrices_in_a_spatial_axis()
    {
        var m = Export("batchnorm1d_2d_input", out var module);
        using var _ = module;
        Assert.Equal(new[] { "Unsqueeze", "BatchNormalization", "Squeeze", "Identity" }, Ops(m));
        Assert.Equal(Param(module, "0.running_mean"), Floats(Init(m, "0.running_mean")));
        Assert.Equal(Param(module, "0.running_var"), Floats(Init(m, "0.running_var")));
        Assert.Equal(1e-5f, Attr(Node(m, "BatchNormalization"), "epsilon").F);
        var image = Export("batchnorm1d_3d_input", out var m3);
        m3.Dispose();
        Assert.Equal(new[] { "BatchNormalization", "Identity" }, Ops(image));
        Assert.Equal(1e-3f, Attr(Node(image, "BatchNormalization"), "epsilon").F);
        var plain = Export("batchnorm1d_not_affine", out var m4);
        m4.Dispose();
        Assert.Equal(new[] { 1f, 1f, 1f, 1f }, Floats(Init(plain, "0.weight")));
        Assert.Equal(new[] { 0f, 0f, 0f, 0f }, Floats(Init(plain, "0.bias")));
    }

    [Fact]
    public void Dropout_is_removed()
    {
        var m = Export("dropout", out var module);
        module.Dispose();
        Assert.Equal(new[] { "Gemm", "Gemm", "Identity" }, Ops(m));
    }

    [Fact]
    public void Flatten_maps_directly_only_for_dims_1_to_last()
    {
        var plain = Export("flatten", out var a);
        a.Dispose();
        Assert.Equal(1, Attr(Node(plain, "Flatten"), "axis").I);
        var middle = Export("flatten_middle", out var b);
        b.Dispose();
        Assert.Equal(new[] { "Shape", "Slice", "Slice", "Concat", "Reshape", "Identity" }, Ops(middle));
        Assert.Equal(new long[] { 2, 12, 5 }, middle.Graph.Output[0].Type.TensorType.Shape.Dim.Skip(1).Select(d => d.DimValue)); // (N, 2, 3, 4, 5) → (N, 2, 12, 5)
    }

    [Fact]
    public void Embedding_takes_int64_indices_and_gathers_rows()
    {
        var m = Export("embedding", out var module);
        using var _ = module;
        Assert.Equal((int)P.TensorProto.Types.DataType.Int64, m.Graph.Input[0].Type.TensorType.ElemType);
        var gather = m.Graph.Node[0];
        Assert.Equal("Gather", gather.OpType);
        Assert.Equal(0, Attr(gather, "axis").I);
        Assert.Equal("0.weight", gather.Input[0]);
        Assert.Equal(Param(module, "0.weight"), Floats(Init(m, "0.weight")));
    }

    [Theory]
    [InlineData("act_identity", "Identity")]
    [InlineData("act_binary_step", "Greater,Cast")]
    [InlineData("act_sigmoid", "Sigmoid")]
    [InlineData("act_tanh", "Tanh")]
    [InlineData("act_relu", "Relu")]
    [InlineData("act_leaky_relu", "LeakyRelu")]
    [InlineData("act_elu", "Elu")]
    [InlineData("act_selu", "Selu")]
    [InlineData("act_swish", "Sigmoid,Mul")]
    [InlineData("act_gelu", "Div,Erf,Add,Mul,Mul")]
    [InlineData("act_softplus", "Softplus,Greater,Where")]
    [InlineData("act_softplus_beta_threshold", "Mul,Softplus,Div,Greater,Where")]
    [InlineData("act_softmax_dim1", "Softmax")]
    [InlineData("act_log_softmax", "LogSoftmax")]
    public void Activations_map_to_onnx_operators(string name, string ops)
    {
        var m = Export(name, out var module);
        module.Dispose();
        Assert.Equal(ops.Split(',').Append("Identity"), Ops(m));
    }

    [Fact]
    public void Activation_hyper_parameters_are_attributes()
    {
        Module a;
        Assert.Equal(0.2f, Attr(Node(Export("act_leaky_relu", out a), "LeakyRelu"), "alpha").F); a.Dispose();
        Assert.Equal(0.7f, Attr(Node(Export("act_elu", out a), "Elu"), "alpha").F); a.Dispose();
        var selu = Node(Export("act_selu", out a), "Selu"); a.Dispose();
        Assert.Equal(1.6732632f, Attr(selu, "alpha").F, 6);
        Assert.Equal(1.0507010f, Attr(selu, "gamma").F, 6);
        Assert.Equal(1, Attr(Node(Export("act_softmax_dim1", out a), "Softmax"), "axis").I); a.Dispose();
        Assert.Equal(-1, Attr(Node(Export("act_log_softmax", out a), "LogSoftmax"), "axis").I); a.Dispose();
        Assert.Equal(1, Attr(Node(Export("act_binary_step", out a), "Cast"), "to").I); a.Dispose();
        var softplus = Export("act_softplus_beta_threshold", out a); a.Dispose();
        Assert.Equal(new[] { 2f }, Floats(Init(softplus, "softplus_beta")));
        Assert.Equal(new[] { 1.5f }, Floats(Init(softplus, "softplus_threshold")));
    }

    [Fact]
    public void PRelu_slopes_broadcast_over_channels()
    {
        var image = Export("prelu_channels_image", out var module);
        using var _ = module;
        Assert.Equal(new long[] { 3, 1, 1 }, Init(image, "0.weight").Dims.ToArray());
        Assert.Equal(Param(module, "0.weight"), Floats(Init(image, "0.weight")));
        var vector = Export("prelu_channels_vector", out var v);
        v.Dispose();
        Assert.Equal(new long[] { 5 }, Init(vector, "0.weight").Dims.ToArray());
        var shared = Export("prelu_shared", out var s);
        s.Dispose();
        Assert.Equal(new long[] { 1 }, Init(shared, "0.weight").Dims.ToArray());
    }

    [Fact]
    public void Maxout_reshapes_into_pieces_and_reduces_the_last_axis()
    {
        var m = Export("maxout_rank3", out var module);
        module.Dispose();
        Assert.Equal(new[] { "Reshape", "ReduceMax", "Identity" }, Ops(m));
        var shape = Init(m, "maxout_shape");
        Assert.Equal(new long[] { 0, 0, -1, 2 }, Enumerable.Range(0, 4).Select(i => BitConverter.ToInt64(shape.RawData.Span.Slice(i * 8, 8))).ToArray());
        var reduce = Node(m, "ReduceMax");
        Assert.Equal(new long[] { -1 }, Attr(reduce, "axes").Ints.ToArray());
        Assert.Equal(0, Attr(reduce, "keepdims").I);
    }

    // Block k (rows k·H..(k+1)·H) of an ONNX weight must be block order[k] of PyTorch's.
    private static void AssertGateBlocks(float[] torch, float[] onnx, int onnxOffset, int[] order)
    {
        var block = torch.Length / order.Length;
        for (int k = 0; k < order.Length; k++)
            Assert.Equal(torch.AsSpan(order[k] * block, block).ToArray(), onnx.AsSpan(onnxOffset + k * block, block).ToArray());
    }

    [Fact]
    public void Lstm_gates_are_reordered_from_ifgo_to_iofc_and_biases_packed()
    {
        var m = Export("lstm", out var module);
        using var _ = module;
        Assert.Equal(new[] { "LSTM", "Transpose", "Reshape", "Identity" }, Ops(m));
        var lstm = Node(m, "LSTM");
        Assert.Equal(4, Attr(lstm, "hidden_size").I);
        Assert.Equal("forward", Attr(lstm, "direction").S.ToStringUtf8());
        Assert.Equal(new long[] { 1, 16, 3 }, Init(m, "0.l0_W").Dims.ToArray());
        Assert.Equal(new long[] { 1, 16, 4 }, Init(m, "0.l0_R").Dims.ToArray());
        Assert.Equal(new long[] { 1, 32 }, Init(m, "0.l0_B").Dims.ToArray());
        int[] iofc = { 0, 3, 1, 2 };
        AssertGateBlocks(Param(module, "0.weight_ih_l0"), Floats(Init(m, "0.l0_W")), 0, iofc);
        AssertGateBlocks(Param(module, "0.weight_hh_l0"), Floats(Init(m, "0.l0_R")), 0, iofc);
        var b = Floats(Init(m, "0.l0_B"));
        AssertGateBlocks(Param(module, "0.bias_ih_l0"), b, 0, iofc);
        AssertGateBlocks(Param(module, "0.bias_hh_l0"), b, 16, iofc);
        // Explicitly: ONNX's second block (o) is PyTorch's fourth.
        Assert.Equal(Param(module, "0.weight_ih_l0")[(3 * 4 * 3)..(4 * 4 * 3)], Floats(Init(m, "0.l0_W"))[(4 * 3)..(2 * 4 * 3)]);
    }

    [Fact]
    public void Stacked_bidirectional_lstm_stacks_forward_then_reverse_weights_per_layer()
    {
        var m = Export("lstm_stacked_bidirectional", out var module);
        using var _ = module;
        Assert.Equal(2, m.Graph.Node.Count(n => n.OpType == "LSTM"));
        Assert.All(m.Graph.Node.Where(n => n.OpType == "LSTM"), n => Assert.Equal("bidirectional", Attr(n, "direction").S.ToStringUtf8()));
        Assert.Equal(new long[] { 2, 16, 8 }, Init(m, "0.l1_W").Dims.ToArray()); // layer 1 reads both directions' 4 features
        int[] iofc = { 0, 3, 1, 2 };
        var w1 = Floats(Init(m, "0.l1_W"));
        AssertGateBlocks(Param(module, "0.weight_ih_l1"), w1, 0, iofc);
        AssertGateBlocks(Param(module, "0.weight_ih_l1_reverse"), w1, 16 * 8, iofc);
        var b0 = Floats(Init(m, "0.l0_B"));
        AssertGateBlocks(Param(module, "0.bias_ih_l0_reverse"), b0, 32, iofc);
        AssertGateBlocks(Param(module, "0.bias_hh_l0_reverse"), b0, 48, iofc);
        // Time-first: no transposes of the input, each layer's (T, D, N, H) output turned into (T, N, D·H).
        Assert.Equal(new[] { "LSTM", "Transpose", "Reshape", "LSTM", "Transpose", "Reshape", "Identity" }, Ops(m));
        Assert.Equal(new long[] { 0, 2, 1, 3 }, Attr(m.Graph.Node[1], "perm").Ints.ToArray());
    }

    [Fact]
    public void Gru_gates_are_reordered_from_rzn_to_zrh_with_linear_before_reset()
    {
        var m = Export("gru", out var module);
        using var _ = module;
        // Batch-first: transposed in and out.
        Assert.Equal(new[] { "Transpose", "GRU", "Transpose", "Reshape", "Transpose", "Identity" }, Ops(m));
        var gru = Node(m, "GRU");
        Assert.Equal(1, Attr(gru, "linear_before_reset").I);
        int[] zrh = { 1, 0, 2 };
        AssertGateBlocks(Param(module, "0.weight_ih_l0"), Floats(Init(m, "0.l0_W")), 0, zrh);
        AssertGateBlocks(Param(module, "0.weight_hh_l0"), Floats(Init(m, "0.l0_R")), 0, zrh);
        var b = Floats(Init(m, "0.l0_B"));
        AssertGateBlocks(Param(module, "0.bias_ih_l0"), b, 0, zrh);
        AssertGateBlocks(Param(module, "0.bias_hh_l0"), b, 12, zrh);
    }

    [Fact]
    public void Rnn_states_its_nonlinearity_per_direction()
    {
        var m = Export("rnn_relu_bidirectional_batch_first", out var module);
        module.Dispose();
        Assert.All(m.Graph.Node.Where(n => n.OpType == "RNN"),
            n => Assert.Equal(new[] { "Relu", "Relu" }, Attr(n, "activations").Strings.Select(s => s.ToStringUtf8())));
        var tanh = Export("rnn_tanh", out var t);
        t.Dispose();
        Assert.Equal(new[] { "Tanh" }, Attr(Node(tanh, "RNN"), "activations").Strings.Select(s => s.ToStringUtf8()));
    }

    [Fact]
    public void LastTimeStep_gathers_index_minus_one_on_the_time_axis()
    {
        var m = Export("last_time_step_time_first", out var module);
        module.Dispose();
        var gather = m.Graph.Node.Last(n => n.OpType == "Gather");
        Assert.Equal(0, Attr(gather, "axis").I);
        Assert.Equal(-1L, BitConverter.ToInt64(Init(m, gather.Input[1]).RawData.Span));
        var classifier = Export("lstm_classifier", out var c);
        c.Dispose();
        Assert.Equal(1, Attr(classifier.Graph.Node.Single(n => n.OpType == "Gather"), "axis").I);
    }

    [Fact]
    public void Dynamic_time_dimension_stays_dynamic_and_output_is_batch_by_classes()
    {
        var m = Export("lstm_classifier", out var module);
        module.Dispose();
        var input = m.Graph.Input[0].Type.TensorType.Shape.Dim;
        Assert.Equal(new[] { "batch", "input_dim1", "" }, input.Select(d => d.DimParam));
        Assert.Equal(8, input[2].DimValue);
        var output = m.Graph.Output[0].Type.TensorType.Shape.Dim;
        Assert.Equal("batch", output[0].DimParam);
        Assert.Equal(3, output[1].DimValue);
        Assert.Equal(2, output.Count);
    }

    [Fact]
    public void CanExport_lists_every_problem_and_Export_names_the_layer()
    {
        using var model = new Sequential(new Linear(4, 4), new BatchNorm1d(4, trackRunningStats: false),
            new Sequential(new Linear(4, 2), new BatchNorm1d(2, trackRunningStats: false)));
        Assert.False(ModuleExporter.CanExport(model, out var problems));
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("1 (BatchNorm1d): ", problems[0]);
        Assert.StartsWith("2.1 (BatchNorm1d): ", problems[1]);
        var e = Assert.Throws<NotSupportedException>(() => ModuleExporter.Export(model, new MemoryStream(), new long[] { 4 }));
        Assert.Contains("1 (BatchNorm1d)", e.Message);
        Assert.Contains("running statistics", e.Message);

        using var flat = new Sequential(new Flatten(0));
        Assert.False(ModuleExporter.CanExport(flat, out var flatProblems));
        Assert.Contains("batch dimension", Assert.Single(flatProblems));
        using var negative = new Sequential(new Flatten(-2));
        var e2 = Assert.Throws<NotSupportedException>(() => ModuleExporter.Export(negative, new MemoryStream(), new long[] { 4 }));
        Assert.Contains("0 (Flatten)", e2.Message);

        using var ok = new Sequential(new Linear(4, 4), new BatchNorm1d(4));
        Assert.True(ModuleExporter.CanExport(ok, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void Float64_networks_export_float32_initializers()
    {
        using var model = new Sequential(new Linear(3, 2, dtype: ScalarType.Float64));
        var m = Export(model, 3);
        var w = Init(m, "0.weight");
        Assert.Equal((int)P.TensorProto.Types.DataType.Float, w.DataType);
        var all = model.NamedParameters();
        var expected = all[0].Tensor.ToArray<double>().Select(v => (float)v).ToArray();
        foreach (var (_, t) in all) t.Dispose();
        Assert.Equal(expected, Floats(w));
    }

    [Fact]
    public void Export_leaves_the_training_mode_as_it_was()
    {
        using var model = new Sequential(new Linear(3, 3), new Dropout(0.5));
        model.Train();
        Export(model, 3);
        Assert.True(model.IsTraining);
        model.Eval();
        Export(model, 3);
        Assert.False(model.IsTraining);
    }

    [Fact]
    public void AddModule_appends_to_an_existing_graph_with_a_prefix()
    {
        using var model = new Sequential(new Linear(3, 2));
        var g = new OnnxGraphBuilder();
        var x = g.AddInput("Features", OnnxDataType.Float, 3);
        var scaled = g.AddNode("Mul", new[] { x, g.AddInitializer("scale", new[] { 2f }) });
        var y = ModuleExporter.AddModule(g, model, scaled, new long[] { 3 }, "net");
        g.AddOutput(y, "Score", OnnxDataType.Float, new long[] { 2 });
        var m = P.ModelProto.Parser.ParseFrom(g.ToBytes());
        Assert.Equal(new[] { "Mul", "Gemm", "Identity" }, Ops(m));
        Assert.Equal(scaled, m.Graph.Node[1].Input[0]);
        Assert.Contains(m.Graph.Initializer, t => t.Name == "net.0.weight");
    }
}
