using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class FlattenTests
{
    [Fact]
    public void MergesTheChosenDimensionsKeepingRowMajorOrder()
    {
        using var scope = Torch.NewDisposeScope();
        var data = Enumerable.Range(0, 2 * 3 * 4 * 5).Select(i => (float)i).ToArray();
        var x = Torch.Tensor(data, new long[] { 2, 3, 4, 5 });
        using var all = new Flatten();
        Assert.Equal((1, -1), (all.StartDim, all.EndDim));
        var y = all.Forward(x);
        Assert.Equal(new long[] { 2, 60 }, y.Shape);
        Assert.Equal(data, y.ToArray<float>());
        using var middle = new Flatten(1, 2);
        Assert.Equal(new long[] { 2, 12, 5 }, middle.Forward(x).Shape);
        using var negative = new Flatten(-3, -2);
        Assert.Equal(new long[] { 2, 12, 5 }, negative.Forward(x).Shape);
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        using var flatten = new Flatten(0, 1);
        var rng = new Random(3);
        GradCheck.Check(flatten.Forward, Enumerable.Range(0, 24).Select(_ => rng.NextDouble()).ToArray(), new long[] { 2, 3, 4 }, what: "Flatten");
    }

    [Fact]
    public void DimensionBeyondTheRankFailsWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var flatten = new Flatten();
        var ex = Assert.Throws<TorchException>(() => flatten.Forward(Torch.Zeros(new long[] { 4 })));
        Assert.Contains("Dimension out of range", ex.Message);
    }

    [Fact]
    public void StartAfterEndNamesTheParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Flatten(2, 1));
        Assert.Equal("startDim", ex.ParamName);
        Assert.Contains("Received: startDim=2", ex.Message);
    }
}
