using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Torch.Tests.Nn;

public class LinearTests
{
    [Fact]
    public void ForwardIsXTimesWeightTransposedPlusBias()
    {
        using var scope = Torch.NewDisposeScope();
        using var linear = new Linear(3, 2);
        var ps = linear.NamedParameters();
        Assert.Equal(new[] { "weight", "bias" }, ps.Select(p => p.Name));
        var w = ps[0].Tensor.ToArray<float>();
        var b = ps[1].Tensor.ToArray<float>();
        var x = new float[] { 1, 2, 3, -1, 0, 4 };
        var y = linear.Forward(Torch.Tensor(x, new long[] { 2, 3 })).ToArray<float>();
        for (int n = 0; n < 2; n++)
            for (int o = 0; o < 2; o++)
            {
                float expected = b[o];
                for (int i = 0; i < 3; i++) expected += x[n * 3 + i] * w[o * 3 + i];
                Assert.Equal(expected, y[n * 2 + o], 5);
            }
    }

    [Fact]
    public void SequentialNamesParametersLikePyTorchAndCountsThem()
    {
        using var scope = Torch.NewDisposeScope();
        using var net = new Sequential(new Linear(11, 7), new Linear(7, 6), new Linear(6, 1));
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "2.weight", "2.bias" }, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(11 * 7 + 7 + 7 * 6 + 6 + 6 + 1, net.ParameterCount());
        var y = net.Forward(Torch.Zeros(new long[] { 5, 11 }));
        Assert.Equal(new long[] { 5, 1 }, y.Shape);
    }

    [Fact]
    public void ShapeMismatchThrowsWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var linear = new Linear(3, 2);
        var ex = Assert.Throws<TorchException>(() => linear.Forward(Torch.Zeros(new long[] { 4, 5 })));
        Assert.Contains("4x5", ex.Message);
    }

    [Fact]
    public void InvalidSizesNameTheParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(0, 2));
        Assert.Equal("inFeatures", ex.ParamName);
    }
}
