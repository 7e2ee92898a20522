using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class EmbeddingTests
{
    [Fact]
    public void LooksUpRowsForIndicesOfAnyShape()
    {
        using var scope = Torch.NewDisposeScope();
        using var emb = new Embedding(6, 3);
        var w = emb.NamedParameters().Single().Tensor.ToArray<float>();
        var idx = new long[] { 5, 0, 2, 2 };
        var y = emb.Forward(Torch.Tensor(idx, new long[] { 2, 2 }));
        Assert.Equal(new long[] { 2, 2, 3 }, y.Shape);
        Assert.Equal(idx.SelectMany(i => w.Skip((int)i * 3).Take(3)).ToArray(), y.ToArray<float>());
    }

    [Fact]
    public void WeightIsStandardNormalAndThePaddingRowIsZeroWithoutGradient()
    {
        Torch.ManualSeed(11);
        using var scope = Torch.NewDisposeScope();
        using var emb = new Embedding(1000, 20, paddingIdx: -1);
        Assert.Equal(999, emb.PaddingIdx);
        var (name, weight) = emb.NamedParameters().Single();
        Assert.Equal("weight", name);
        var w = weight.ToArray<float>();
        Assert.All(w.Skip(999 * 20), v => Assert.Equal(0f, v));
        var rest = w.Take(999 * 20).Select(v => (double)v).ToArray();
        var mean = rest.Average();
        var std = Math.Sqrt(rest.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(std, 0.97, 1.03);

        emb.Forward(Torch.Tensor(new long[] { 999, 3, 999, 3 })).Backward(Torch.Ones(new long[] { 4, 20 }));
        var g = weight.Grad!.ToArray<float>();
        Assert.All(g.Skip(999 * 20), v => Assert.Equal(0f, v));
        Assert.All(g.Skip(3 * 20).Take(20), v => Assert.Equal(2f, v));
    }

    [Fact]
    public void WeightGradientMatchesFiniteDifferences()
    {
        using var emb = new Embedding(5, 3);
        emb.To(ScalarType.Float64);
        using var scope = Torch.NewDisposeScope();
        var idx = Torch.Tensor(new long[] { 1, 4, 1, 0, 2, 4, 4 });
        GradCheck.CheckParameter(() => emb.Forward(idx), emb.NamedParameters()[0].Tensor, what: "Embedding weight");
    }

    [Fact]
    public void BadIndicesFailWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        using var emb = new Embedding(4, 2);
        var ex = Assert.Throws<TorchException>(() => emb.Forward(Torch.Tensor(new long[] { 4 })));
        Assert.Contains("index out of range", ex.Message);
        ex = Assert.Throws<TorchException>(() => emb.Forward(Torch.Tensor(new float[] { 1 })));
        Assert.Contains("'indices'", ex.Message);
    }

    [Fact]
    public void InvalidArgumentsNameTheParameter()
    {
        Assert.Equal("numEmbeddings", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(0, 3)).ParamName);
        Assert.Equal("embeddingDim", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(3, 0)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(7, 3, paddingIdx: 7));
        Assert.Equal("paddingIdx", ex.ParamName);
        Assert.Contains("Received: paddingIdx=7", ex.Message);
        Assert.Equal("paddingIdx", Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(7, 3, paddingIdx: -8)).ParamName);
    }
}
