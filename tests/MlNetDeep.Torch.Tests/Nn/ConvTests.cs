using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class ConvTests
{
    private static double[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    [Fact]
    public void Conv1dGradientsMatchFiniteDifferences()
    {
        Torch.ManualSeed(1);
        using var conv = new Conv1d(4, 6, 3, stride: 2, padding: 1, dilation: 1, groups: 2);
        conv.To(ScalarType.Float64);
        GradCheck.Check(conv.Forward, Values(2 * 4 * 9, 1), new long[] { 2, 4, 9 }, what: "Conv1d input");

        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(Values(2 * 4 * 9, 2), new long[] { 2, 4, 9 });
        foreach (var (name, p) in conv.NamedParameters())
            GradCheck.CheckParameter(() => conv.Forward(x), p, what: $"Conv1d {name}");
    }

    [Fact]
    public void Conv2dGradientsMatchFiniteDifferences()
    {
        Torch.ManualSeed(2);
        using var conv = new Conv2d(2, 3, (2, 3), padding: Padding.Same, dilation: (2, 1));
        conv.To(ScalarType.Float64);
        GradCheck.Check(conv.Forward, Values(2 * 2 * 5 * 4, 3), new long[] { 2, 2, 5, 4 }, what: "Conv2d input");

        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(Values(2 * 2 * 5 * 4, 4), new long[] { 2, 2, 5, 4 });
        foreach (var (name, p) in conv.NamedParameters())
            GradCheck.CheckParameter(() => conv.Forward(x), p, what: $"Conv2d {name}");
    }

    [Fact]
    public void OutputShapesFollowPaddingStrideAndDilation()
    {
        using var scope = Torch.NewDisposeScope();
        using var same = new Conv2d(3, 5, 4, padding: Padding.Same);
        Assert.Equal(new long[] { 2, 5, 7, 9 }, same.Forward(Torch.Zeros(new long[] { 2, 3, 7, 9 })).Shape);
        using var valid = new Conv2d(3, 5, (3, 2), stride: (2, 1), dilation: (1, 2));
        // H: (7 - 3) / 2 + 1 = 3; W: 9 - 2·(2 - 1) = 7.
        Assert.Equal(new long[] { 2, 5, 3, 7 }, valid.Forward(Torch.Zeros(new long[] { 2, 3, 7, 9 })).Shape);
        using var explicitPad = new Conv1d(3, 2, 3, stride: 2, padding: Padding.Explicit(2));
        // (10 + 4 - 3) / 2 + 1 = 6.
        Assert.Equal(new long[] { 1, 2, 6 }, explicitPad.Forward(Torch.Zeros(new long[] { 1, 3, 10 })).Shape);
    }

    [Fact]
    public void ParametersHavePyTorchNamesShapesAndInitialisationBounds()
    {
        Torch.ManualSeed(3);
        using var scope = Torch.NewDisposeScope();
        using var conv = new Conv2d(8, 6, (3, 5), groups: 2);
        var ps = conv.NamedParameters();
        Assert.Equal(new[] { "weight", "bias" }, ps.Select(p => p.Name));
        Assert.Equal(new long[] { 6, 4, 3, 5 }, ps[0].Tensor.Shape);
        Assert.Equal(new long[] { 6 }, ps[1].Tensor.Shape);
        // fan_in = 8/2 · 3 · 5 = 60: every value lies within ±1/√60 and they spread across it.
        var bound = 1 / Math.Sqrt(60);
        var w = ps[0].Tensor.ToArray<float>();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.True(w.Max() > 0.8 * bound && w.Min() < -0.8 * bound);
        Assert.All(ps[1].Tensor.ToArray<float>(), v => Assert.InRange(v, -bound, bound));

        using var noBias = new Conv1d(2, 3, 4, bias: false);
        Assert.Equal(new[] { "weight" }, noBias.NamedParameters().Select(p => p.Name));
        Assert.Equal(24, noBias.ParameterCount());
    }

    [Fact]
    public void ConfigurationIsExposed()
    {
        using var conv = new Conv2d(4, 8, (3, 1), stride: (2, 1), padding: Padding.Explicit(1, 0), dilation: (1, 1), groups: 4, bias: false);
        Assert.Equal((4L, 8L, 4L, false), (conv.InChannels, conv.OutChannels, conv.Groups, conv.HasBias));
        Assert.Equal((3L, 1L), conv.KernelSize);
        Assert.Equal((2L, 1L), conv.Stride);
        Assert.Equal(PaddingKind.Explicit, conv.Padding.Kind);
        Assert.Equal(new long[] { 1, 0 }, conv.Padding.Sizes);
        Assert.Equal("(1, 0)", conv.Padding.ToString());
        using var c1 = new Conv1d(2, 2, 5);
        Assert.Same(Padding.Valid, c1.Padding);
        Assert.Equal("valid", c1.Padding.ToString());
        Assert.Equal("same", Padding.Same.ToString());
        Assert.Equal(Padding.Explicit(1, 0), conv.Padding);
        Assert.NotEqual(Padding.Explicit(1), conv.Padding);
        Assert.Equal<Padding>(2, Padding.Explicit(2));
    }

    [Fact]
    public void WrongInputRankOrChannelsFailWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var conv2 = new Conv2d(3, 4, 3);
        var ex = Assert.Throws<TorchException>(() => conv2.Forward(Torch.Zeros(new long[] { 2, 3 })));
        Assert.Contains("input to conv2d", ex.Message);
        Assert.Contains("[2, 3]", ex.Message);
        ex = Assert.Throws<TorchException>(() => conv2.Forward(Torch.Zeros(new long[] { 1, 2, 5, 5 })));
        Assert.Contains("to have 3 channels, but got 2 channels", ex.Message);
        using var conv1 = new Conv1d(3, 4, 3);
        ex = Assert.Throws<TorchException>(() => conv1.Forward(Torch.Zeros(new long[] { 2, 3, 4, 5 })));
        Assert.Contains("input to conv1d", ex.Message);
    }

    [Fact]
    public void InvalidArgumentsNameTheParameter()
    {
        Assert.Equal("inChannels", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(0, 4, 3)).ParamName);
        Assert.Equal("outChannels", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1d(2, -1, 3)).ParamName);
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2d(2, 4, (3, 0))).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1d(2, 4, 3, stride: 0)).ParamName);
        Assert.Equal("dilation", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1d(2, 4, 3, dilation: 0)).ParamName);
        var groups = Assert.Throws<ArgumentException>(() => new Conv2d(6, 4, 3, groups: 4));
        Assert.Equal("groups", groups.ParamName);
        Assert.Contains("Received: groups=4", groups.Message);
        var same = Assert.Throws<ArgumentException>(() => new Conv2d(2, 4, 3, stride: 2, padding: Padding.Same));
        Assert.Equal("padding", same.ParamName);
        Assert.Contains("stride=(2, 2)", same.Message);
        var count = Assert.Throws<ArgumentException>(() => new Conv2d(2, 4, 3, padding: Padding.Explicit(1, 2, 3)));
        Assert.Equal("padding", count.ParamName);
        Assert.Contains("Received: padding=(1, 2, 3)", count.Message);
        Assert.Equal("sizes", Assert.Throws<ArgumentOutOfRangeException>(() => Padding.Explicit(-1)).ParamName);
        Assert.Equal("sizes", Assert.Throws<ArgumentException>(() => Padding.Explicit()).ParamName);
    }
}
