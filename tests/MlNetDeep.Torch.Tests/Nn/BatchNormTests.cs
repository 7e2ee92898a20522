using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class BatchNormTests
{
    private static double[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 1).ToArray();
    }

    private static void Randomize(Module m, int seed)
    {
        using var scope = Torch.NewDisposeScope();
        foreach (var (_, p) in m.NamedParameters())
            p.CopyFrom(Torch.Tensor(Values((int)p.NumberOfElements, seed++).Select(v => v * 0.5 + 1).ToArray(), p.Shape));
    }

    [Theory]
    [InlineData(1, new long[] { 5, 3 })]
    [InlineData(1, new long[] { 3, 3, 4 })]
    [InlineData(2, new long[] { 2, 3, 2, 3 })]
    public void TrainingGradientsMatchFiniteDifferences(int dims, long[] shape)
    {
        using Module bn = dims == 1 ? new BatchNorm1d(3) : new BatchNorm2d(3);
        bn.To(ScalarType.Float64);
        Randomize(bn, 10);
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        GradCheck.Check(bn.Forward, Values(n, 1), shape, what: bn.Name);

        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(Values(n, 2), shape);
        foreach (var (name, p) in bn.NamedParameters())
            GradCheck.CheckParameter(() => bn.Forward(x), p, what: $"{bn.Name} {name}");
    }

    [Fact]
    public void EvaluationGradientMatchesFiniteDifferencesAndLeavesStatisticsAlone()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm2d(2);
        bn.To(ScalarType.Float64);
        Randomize(bn, 20);
        var buffers = bn.NamedBuffers();
        buffers[0].Tensor.CopyFrom(Torch.Tensor(new[] { 0.3, -0.2 }));
        buffers[1].Tensor.CopyFrom(Torch.Tensor(new[] { 1.5, 0.7 }));
        bn.Eval();
        GradCheck.Check(bn.Forward, Values(2 * 2 * 3 * 2, 3), new long[] { 2, 2, 3, 2 }, what: "BatchNorm2d eval");
        Assert.Equal(new[] { 0.3, -0.2 }, buffers[0].Tensor.ToArray<double>());
        Assert.Equal(new[] { 1.5, 0.7 }, buffers[1].Tensor.ToArray<double>());
        Assert.Equal(0, buffers[2].Tensor.Item());
    }

    [Fact]
    public void BuffersHavePyTorchNamesAndTheCounterStaysInt64()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(4);
        Assert.Equal(new[] { "weight", "bias" }, bn.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "running_mean", "running_var", "num_batches_tracked" }, bn.NamedBuffers().Select(p => p.Name));
        Assert.Equal(new float[] { 1, 1, 1, 1 }, bn.NamedParameters()[0].Tensor.ToArray<float>());
        Assert.Equal(new float[] { 1, 1, 1, 1 }, bn.NamedBuffers()[1].Tensor.ToArray<float>());
        bn.To(ScalarType.Float64);
        var buffers = bn.NamedBuffers();
        Assert.Equal(ScalarType.Float64, buffers[0].Tensor.Dtype);
        Assert.Equal(ScalarType.Int64, buffers[2].Tensor.Dtype);
        bn.Forward(Torch.Randn(new long[] { 3, 4 }, ScalarType.Float64));
        bn.Forward(Torch.Randn(new long[] { 3, 4 }, ScalarType.Float64));
        Assert.Equal(new long[] { 2 }, buffers[2].Tensor.ToArray<long>());

        using var plain = new BatchNorm2d(3, affine: false, trackRunningStats: false);
        Assert.Empty(plain.NamedParameters());
        Assert.Empty(plain.NamedBuffers());
    }

    [Fact]
    public void WithoutRunningStatisticsEvaluationNormalisesWithTheBatch()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(1, affine: false, trackRunningStats: false);
        bn.Eval();
        var y = bn.Forward(Torch.Tensor(new float[] { 1, 3 }, new long[] { 2, 1 })).ToArray<float>();
        // mean 2, biased variance 1: ±1/√(1 + 1e-5).
        Fixture.AssertClose(new[] { -1 / MathF.Sqrt(1 + 1e-5f), 1 / MathF.Sqrt(1 + 1e-5f) }, y);
    }

    [Fact]
    public void WrongInputRankFailsWithPyTorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn1 = new BatchNorm1d(3);
        var ex = Assert.Throws<TorchException>(() => bn1.Forward(Torch.Zeros(new long[] { 2, 3, 4, 5 })));
        Assert.Contains("expected 2D or 3D input (got 4D input)", ex.Message);
        using var bn2 = new BatchNorm2d(3);
        ex = Assert.Throws<TorchException>(() => bn2.Forward(Torch.Zeros(new long[] { 2, 3, 4 })));
        Assert.Contains("expected 4D input (got 3D input)", ex.Message);
        ex = Assert.Throws<TorchException>(() => bn1.Forward(Torch.Zeros(new long[] { 1, 3 })));
        Assert.Contains("Expected more than 1 value per channel when training", ex.Message);
        ex = Assert.Throws<TorchException>(() => bn1.Forward(Torch.Zeros(new long[] { 4, 5 })));
        Assert.Contains("running_mean", ex.Message);
    }

    [Fact]
    public void InvalidArgumentsNameTheParameter()
    {
        Assert.Equal("numFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm1d(0)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(3, eps: 0)).ParamName);
        var m = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm2d(3, momentum: 1.5));
        Assert.Equal("momentum", m.ParamName);
        Assert.Contains("Received: momentum=1.5", m.Message);
        using var cumulative = new BatchNorm1d(3, momentum: null, eps: 1e-3);
        Assert.Null(cumulative.Momentum);
        Assert.Equal(1e-3, cumulative.Eps);
        Assert.True(cumulative.Affine && cumulative.TrackRunningStats);
        Assert.Equal(3, cumulative.NumFeatures);
    }
}
