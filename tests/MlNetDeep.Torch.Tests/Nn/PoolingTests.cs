using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class PoolingTests
{
    private static double[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    public static TheoryData<string> Layers() => new()
    {
        "MaxPool1d", "AvgPool1d", "MinPool1d", "MaxPool2d", "AvgPool2d", "MinPool2d",
        "GlobalAvgPool1d", "GlobalMaxPool1d", "GlobalAvgPool2d", "GlobalMaxPool2d",
    };

    private static (Module Layer, long[] Shape) Make(string name) => name switch
    {
        "MaxPool1d" => (new MaxPool1d(3, stride: 2, padding: 1), new long[] { 2, 2, 7 }),
        "AvgPool1d" => (new AvgPool1d(3, stride: 2, padding: 1), new long[] { 2, 2, 7 }),
        "MinPool1d" => (new MinPool1d(2), new long[] { 2, 2, 7 }),
        "MaxPool2d" => (new MaxPool2d((3, 2), stride: (2, 1), padding: (1, 0)), new long[] { 1, 2, 5, 4 }),
        "AvgPool2d" => (new AvgPool2d(2, stride: 1, padding: 1), new long[] { 1, 2, 4, 3 }),
        "MinPool2d" => (new MinPool2d(2), new long[] { 1, 2, 4, 5 }),
        "GlobalAvgPool1d" => (new GlobalAvgPool1d(), new long[] { 2, 3, 5 }),
        "GlobalMaxPool1d" => (new GlobalMaxPool1d(), new long[] { 2, 3, 5 }),
        "GlobalAvgPool2d" => (new GlobalAvgPool2d(), new long[] { 2, 3, 2, 3 }),
        "GlobalMaxPool2d" => (new GlobalMaxPool2d(), new long[] { 2, 3, 2, 3 }),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void GradientMatchesFiniteDifferences(string name)
    {
        var (layer, shape) = Make(name);
        using (layer)
            GradCheck.Check(layer.Forward, Values((int)shape.Aggregate(1L, (a, b) => a * b), name.Length), shape, what: name);
    }

    [Fact]
    public void MinPoolTakesTheWindowMinimumAndStrideDefaultsToKernel()
    {
        using var scope = Torch.NewDisposeScope();
        using var pool = new MinPool1d(2);
        Assert.Equal(2, pool.Stride);
        var y = pool.Forward(Torch.Tensor(new float[] { 3, 1, -2, 5, 4, 4, 9 }, new long[] { 1, 1, 7 }));
        Assert.Equal(new float[] { 1, -2, 4 }, y.ToArray<float>());
        using var max = new MaxPool2d(2);
        Assert.Equal((2L, 2L), max.Stride);
        var m = max.Forward(Torch.Tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new long[] { 1, 1, 2, 4 }));
        Assert.Equal(new float[] { 6, 8 }, m.ToArray<float>());
    }

    [Fact]
    public void GlobalPoolingGivesBatchByChannels()
    {
        using var scope = Torch.NewDisposeScope();
        using var avg = new GlobalAvgPool2d();
        var x = Torch.Tensor(Enumerable.Range(0, 2 * 3 * 2 * 2).Select(i => (float)i).ToArray(), new long[] { 2, 3, 2, 2 });
        var y = avg.Forward(x);
        Assert.Equal(new long[] { 2, 3 }, y.Shape);
        Assert.Equal(new float[] { 1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f }, y.ToArray<float>());
        using var max = new GlobalMaxPool1d();
        Assert.Equal(new float[] { 2, 5 }, max.Forward(Torch.Tensor(new float[] { 0, 2, 1, 5, 3, 4 }, new long[] { 1, 2, 3 })).ToArray<float>());
    }

    [Fact]
    public void WrongInputRankFailsWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var max2 = new MaxPool2d(2);
        var ex = Assert.Throws<TorchException>(() => max2.Forward(Torch.Zeros(new long[] { 4, 4 })));
        Assert.Contains("3D or 4D", ex.Message);
        using var avg1 = new AvgPool1d(2);
        ex = Assert.Throws<TorchException>(() => avg1.Forward(Torch.Zeros(new long[] { 4 })));
        Assert.Contains("avg_pool1d", ex.Message);
        using var global = new GlobalAvgPool2d();
        ex = Assert.Throws<TorchException>(() => global.Forward(Torch.Zeros(new long[] { 2, 3, 4 })));
        Assert.Contains("GlobalAvgPool2d expects a 4-D input (N, C, H, W), got a 3-D input of size [2, 3, 4]", ex.Message);
    }

    [Fact]
    public void InvalidArgumentsNameTheParameter()
    {
        Assert.Equal("kernelSize", Assert.Throws<ArgumentOutOfRangeException>(() => new MaxPool1d(0)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new AvgPool2d((2, 2), stride: (1, 0))).ParamName);
        var pad = Assert.Throws<ArgumentOutOfRangeException>(() => new MinPool2d(2, padding: 2));
        Assert.Equal("padding", pad.ParamName);
        Assert.Contains("Received: padding=(2, 2)", pad.Message);
        Assert.Equal("padding", Assert.Throws<ArgumentOutOfRangeException>(() => new AvgPool1d(3, padding: -1)).ParamName);
    }
}
