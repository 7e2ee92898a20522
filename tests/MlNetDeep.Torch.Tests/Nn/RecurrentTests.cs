using System.Text.Json;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class RecurrentTests
{
    private static readonly JsonElement Fixtures = Fixture.Load("recurrent.json");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Fixtures.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("kind").GetString()!, c.GetProperty("config").GetString()!);
        return data;
    }

    private static JsonElement Case(string kind, string config) =>
        Fixtures.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("config").GetString() == config);

    private static RecurrentLayer Make(string kind, long inputSize, long hiddenSize, long numLayers = 1, bool batchFirst = false,
        bool bidirectional = false, double dropout = 0, ScalarType dtype = ScalarType.Float32) => kind switch
    {
        "rnn_tanh" => new RNN(inputSize, hiddenSize, numLayers, RnnNonlinearity.Tanh, batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype),
        "rnn_relu" => new RNN(inputSize, hiddenSize, numLayers, RnnNonlinearity.Relu, batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype),
        "lstm" => new LSTM(inputSize, hiddenSize, numLayers, batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype),
        "gru" => new GRU(inputSize, hiddenSize, numLayers, batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype),
        _ => throw new ArgumentException(kind),
    };

    /// <summary>The layer a fixture case describes, holding PyTorch's parameters (copied by name).</summary>
    private static RecurrentLayer FromCase(JsonElement c)
    {
        var layer = Make(c.GetProperty("kind").GetString()!, Fixtures.GetProperty("input_size").GetInt64(), Fixtures.GetProperty("hidden_size").GetInt64(),
            c.GetProperty("num_layers").GetInt64(), c.GetProperty("batch_first").GetBoolean(), c.GetProperty("bidirectional").GetBoolean());
        var expected = c.GetProperty("parameters").EnumerateObject().ToList();
        var actual = layer.NamedParameters();
        Assert.Equal(expected.Select(p => p.Name), actual.Select(p => p.Name));
        foreach (var ((name, tensor), p) in actual.Zip(expected))
        {
            using var value = p.Value.Tensor();
            Assert.True(value.Shape.SequenceEqual(tensor.Shape), $"{name}: shape [{string.Join(",", tensor.Shape)}]");
            tensor.CopyFrom(value);
            tensor.Dispose();
        }
        return layer;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OutputStatesAndGradientsMatchPyTorch(string kind, string config)
    {
        using var scope = Torch.NewDisposeScope();
        var c = Case(kind, config);
        using var layer = FromCase(c);
        var x = c.GetProperty("input").Tensor().RequiresGrad_();
        var h0 = c.GetProperty("h0").Tensor().RequiresGrad_();
        var c0 = kind == "lstm" ? c.GetProperty("c0").Tensor().RequiresGrad_() : null;

        var (output, h, cell) = layer.ForwardWithState(x, h0, c0);
        Fixture.AssertClose(c.GetProperty("out"), output, what: "output");
        Fixture.AssertClose(c.GetProperty("h_n"), h, what: "h_n");
        if (kind == "lstm") Fixture.AssertClose(c.GetProperty("c_n"), cell!, what: "c_n");
        else Assert.Null(cell);

        // Gradients accumulate, so three backward passes give the gradient of the summed loss.
        output.Backward(c.GetProperty("g_out").Tensor(), retainGraph: true);
        h.Backward(c.GetProperty("g_h").Tensor(), retainGraph: true);
        if (kind == "lstm") cell!.Backward(c.GetProperty("g_c").Tensor());
        const double gradAtol = 1e-5;
        Fixture.AssertClose(c.GetProperty("grad_input"), x.Grad!, atol: gradAtol, what: "input gradient");
        Fixture.AssertClose(c.GetProperty("grad_h0"), h0.Grad!, atol: gradAtol, what: "h0 gradient");
        if (kind == "lstm") Fixture.AssertClose(c.GetProperty("grad_c0"), c0!.Grad!, atol: gradAtol, what: "c0 gradient");
        var grads = c.GetProperty("grads");
        foreach (var (name, p) in layer.NamedParameters())
            Fixture.AssertClose(grads.GetProperty(name), p.Grad ?? throw new Xunit.Sdk.XunitException($"{name} has no gradient"), atol: gradAtol, what: name + " gradient");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardStartsFromZeroStatesAndReturnsTheSequence(string kind, string config)
    {
        using var scope = Torch.NewDisposeScope();
        var c = Case(kind, config);
        using var layer = FromCase(c);
        var y = layer.Forward(c.GetProperty("input").Tensor());
        Fixture.AssertClose(c.GetProperty("out_zero_state"), y, what: "output");
        var (viaState, _, _) = layer.ForwardWithState(c.GetProperty("input").Tensor());
        Fixture.AssertClose(c.GetProperty("out_zero_state"), viaState, what: "output with default states");
    }

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("rnn_relu")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void ParametersHavePyTorchsNamesShapesAndInitialisationRange(string kind)
    {
        using var scope = Torch.NewDisposeScope();
        using var layer = Make(kind, 3, 5, numLayers: 2, bidirectional: true);
        var gates = kind switch { "lstm" => 4, "gru" => 3, _ => 1 };
        var expected = new List<(string, long[])>();
        for (int l = 0; l < 2; l++)
            foreach (var suffix in new[] { "", "_reverse" })
            {
                long inSize = l == 0 ? 3 : 10;
                expected.Add(($"weight_ih_l{l}{suffix}", new[] { gates * 5L, inSize }));
                expected.Add(($"weight_hh_l{l}{suffix}", new[] { gates * 5L, 5L }));
                expected.Add(($"bias_ih_l{l}{suffix}", new[] { gates * 5L }));
                expected.Add(($"bias_hh_l{l}{suffix}", new[] { gates * 5L }));
            }
        var actual = layer.NamedParameters();
        Assert.Equal(expected.Select(e => e.Item1), actual.Select(p => p.Name));
        var bound = 1 / Math.Sqrt(5);
        var all = new List<float>();
        foreach (var ((_, shape), (name, t)) in expected.Zip(actual))
        {
            Assert.Equal(shape, t.Shape);
            Assert.True(t.RequiresGrad, name);
            all.AddRange(t.ToArray<float>());
        }
        Assert.All(all, v => Assert.InRange(v, -bound, bound));
        // Uniform draws spread over the interval rather than sitting at one value.
        Assert.True(all.Max() > bound / 2 && all.Min() < -bound / 2);
        Assert.Equal(10, layer.OutputSize);
    }

    [Fact]
    public void WithoutBiasThereAreOnlyWeights()
    {
        using var layer = new GRU(2, 3, bias: false);
        Assert.Equal(new[] { "weight_ih_l0", "weight_hh_l0" }, layer.NamedParameters().Select(p => p.Name));
        using var scope = Torch.NewDisposeScope();
        Assert.Equal(new long[] { 4, 1, 3 }, layer.Forward(Torch.Ones(new long[] { 4, 1, 2 })).Shape);
    }

    [Theory]
    [InlineData("rnn_tanh", 1, false)]
    [InlineData("rnn_relu", 1, false)]
    [InlineData("lstm", 1, false)]
    [InlineData("lstm", 2, true)]
    [InlineData("gru", 1, false)]
    [InlineData("gru", 2, true)]
    public void InputGradientMatchesFiniteDifferences(string kind, int numLayers, bool bidirectional)
    {
        Torch.ManualSeed(3);
        using var layer = Make(kind, 2, 3, numLayers, batchFirst: true, bidirectional: bidirectional, dtype: ScalarType.Float64);
        var rng = new Random(11);
        var input = Enumerable.Range(0, 2 * 3 * 2).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        GradCheck.Check(x => layer.Forward(x), input, new long[] { 2, 3, 2 }, what: kind);
    }

    [Fact]
    public void DropoutActsBetweenLayersOnlyWhileTraining()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(5);
        using var noisy = new LSTM(3, 8, numLayers: 2, dropout: 0.5);
        using var plain = new LSTM(3, 8, numLayers: 2);
        foreach (var ((_, src), (_, dst)) in noisy.NamedParameters().Zip(plain.NamedParameters())) dst.CopyFrom(src);
        var x = Torch.Randn(new long[] { 6, 4, 3 });

        var reference = plain.Forward(x).ToArray<float>();
        var train1 = noisy.Forward(x).ToArray<float>();
        var train2 = noisy.Forward(x).ToArray<float>();
        Assert.NotEqual(reference, train1);
        Assert.NotEqual(train1, train2);

        noisy.Eval();
        Fixture.AssertClose(reference, noisy.Forward(x).ToArray<float>(), what: "evaluation output");

        // With a single layer there is no "between layers": dropout changes nothing.
        using var single = new GRU(3, 8, dropout: 0.5);
        Assert.Equal(single.Forward(x).ToArray<float>(), single.Forward(x).ToArray<float>());
    }

    [Fact]
    public void UnbatchedSequenceMatchesABatchOfOne()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(9);
        using var lstm = new LSTM(2, 3, bidirectional: true);
        var data = new float[] { 0.5f, -1, 2, 0.25f, -0.75f, 1.5f };
        var batched = lstm.ForwardWithState(Torch.Tensor(data, new long[] { 3, 1, 2 }));
        var single = lstm.ForwardWithState(Torch.Tensor(data, new long[] { 3, 2 }));
        Assert.Equal(new long[] { 3, 6 }, single.Output.Shape);
        Assert.Equal(new long[] { 2, 3 }, single.H.Shape);
        Assert.Equal(new long[] { 2, 3 }, single.C!.Shape);
        Fixture.AssertClose(batched.Output.ToArray<float>(), single.Output.ToArray<float>(), what: "output");
        Fixture.AssertClose(batched.H.ToArray<float>(), single.H.ToArray<float>(), what: "h_n");
        Fixture.AssertClose(batched.C!.ToArray<float>(), single.C.ToArray<float>(), what: "c_n");
    }

    [Fact]
    public void LastTimeStepPicksTheFinalOutputInsideSequential()
    {
        using var scope = Torch.NewDisposeScope();
        var c = Case("lstm", "batch_first");
        using var lstm = FromCase(c);
        using var net = new Sequential(lstm, new LastTimeStep());
        var y = net.Forward(c.GetProperty("input").Tensor());
        var full = c.GetProperty("out_zero_state");
        var shape = full.GetProperty("shape").Longs(); // (N, T, H)
        var values = full.GetProperty("data").Doubles();
        Assert.Equal(new[] { shape[0], shape[2] }, y.Shape);
        var expected = new List<double>();
        for (long n = 0; n < shape[0]; n++)
            for (long f = 0; f < shape[2]; f++)
                expected.Add(values[(n * shape[1] + shape[1] - 1) * shape[2] + f]);
        Fixture.AssertClose(expected.ToArray(), y.To(ScalarType.Float64).ToArray<double>(), what: "last step");
    }

    [Fact]
    public void LastTimeStepOfATimeFirstSequenceIsItsLastRow()
    {
        using var scope = Torch.NewDisposeScope();
        using var last = new LastTimeStep(batchFirst: false);
        var x = Torch.Tensor(Enumerable.Range(0, 24).Select(i => (float)i).ToArray(), new long[] { 3, 2, 4 });
        Assert.Equal(Enumerable.Range(16, 8).Select(i => (float)i).ToArray(), last.Forward(x).ToArray<float>());
        Assert.Throws<TorchException>(() => last.Forward(Torch.Zeros(new long[] { 3, 4 })));
    }

    [Fact]
    public void BidirectionalLastStepHoldsTheForwardFinalStateAndTheBackwardFirstStep()
    {
        using var scope = Torch.NewDisposeScope();
        var c = Case("gru", "bidirectional"); // time-first, (T, N, 2H)
        using var gru = FromCase(c);
        var x = c.GetProperty("input").Tensor();
        var (output, h, _) = gru.ForwardWithState(x);
        using var last = new LastTimeStep(batchFirst: false);
        var step = last.Forward(output).ToArray<float>(); // (N, 2H)
        var hn = h.ToArray<float>();                       // (2, N, H)
        long n = x.Size(1), hidden = gru.HiddenSize;
        var outData = output.ToArray<float>();
        long steps = x.Size(0);
        for (long b = 0; b < n; b++)
            for (long f = 0; f < hidden; f++)
            {
                Assert.Equal(hn[b * hidden + f], step[b * 2 * hidden + f], 6);                 // forward direction: final state
                Assert.Equal(hn[(n + b) * hidden + f], outData[b * 2 * hidden + hidden + f], 6); // backward final state is at step 0
            }
        Assert.True(steps > 1);
    }

    [Fact]
    public void WrongInputRankOrWidthThrowsTorchException()
    {
        using var scope = Torch.NewDisposeScope();
        using var lstm = new LSTM(3, 4, batchFirst: true);
        var ex = Assert.Throws<TorchException>(() => lstm.Forward(Torch.Zeros(new long[] { 2, 5, 3, 1 })));
        Assert.Contains("4-D", ex.Message);
        Assert.Throws<TorchException>(() => lstm.Forward(Torch.Zeros(new long[] { 3 })));
        ex = Assert.Throws<TorchException>(() => lstm.Forward(Torch.Zeros(new long[] { 2, 5, 7 })));
        Assert.Contains("7", ex.Message);
        ex = Assert.Throws<TorchException>(() => lstm.ForwardWithState(Torch.Zeros(new long[] { 2, 5, 3 }), Torch.Zeros(new long[] { 2, 2, 4 })));
        Assert.Contains("h0", ex.Message);
        using var gru = new GRU(3, 4);
        ex = Assert.Throws<TorchException>(() => gru.ForwardWithState(Torch.Zeros(new long[] { 5, 2, 3 }), null, Torch.Zeros(new long[] { 1, 2, 4 })));
        Assert.Contains("c0", ex.Message);
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LSTM(3, 0));
        Assert.Equal("hiddenSize", ex.ParamName);
        Assert.Contains("hiddenSize=0", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GRU(3, 4, numLayers: 2, dropout: 1.5));
        Assert.Equal("dropout", ex.ParamName);
        Assert.Contains("dropout=1.5", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RNN(0, 4));
        Assert.Equal("inputSize", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RNN(2, 4, numLayers: 0));
        Assert.Equal("numLayers", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RNN(2, 4, nonlinearity: (RnnNonlinearity)7));
        Assert.Equal("nonlinearity", ex.ParamName);
    }

    [Fact]
    public void MovesToFloat64AndKeepsWorking()
    {
        using var scope = Torch.NewDisposeScope();
        using var rnn = new RNN(2, 3, batchFirst: true);
        var before = rnn.NamedParameters()[0].Tensor.ToArray<float>();
        rnn.To(ScalarType.Float64);
        var (name, w) = rnn.NamedParameters()[0];
        Assert.Equal("weight_ih_l0", name);
        Assert.Equal(ScalarType.Float64, w.Dtype);
        Fixture.AssertClose(before, w.ToArray<double>().Select(v => (float)v).ToArray(), what: "converted weight");
        var y = rnn.Forward(Torch.Ones(new long[] { 1, 4, 2 }, ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, y.Dtype);
        Assert.Equal(new long[] { 1, 4, 3 }, y.Shape);
    }
}
