using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Torch.Tests.Nn;

/// <summary>The new layers composed in a <see cref="Sequential"/>: shapes, names and train/eval propagation.</summary>
public class LayerStackTests
{
    [Fact]
    public void ConvPoolFlattenLinearGivesBatchByClasses()
    {
        using var scope = Torch.NewDisposeScope();
        using var net = new Sequential(
            new Conv2d(1, 4, 3, padding: 1),
            new MaxPool2d(2),
            new Flatten(),
            new Linear(4 * 4 * 4, 10));
        Assert.Equal(new[] { "0.weight", "0.bias", "3.weight", "3.bias" }, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(4 * 9 + 4 + 64 * 10 + 10, net.ParameterCount());
        var y = net.Forward(Torch.Randn(new long[] { 5, 1, 8, 8 }));
        Assert.Equal(new long[] { 5, 10 }, y.Shape);
    }

    [Fact]
    public void TrainAndEvalReachTheChildren()
    {
        Torch.ManualSeed(5);
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm1d(3);
        using var dropout = new Dropout(0.5);
        using var net = new Sequential(new Linear(4, 3), bn, dropout);
        Assert.Equal(new[] { "1.running_mean", "1.running_var", "1.num_batches_tracked" }, net.NamedBuffers().Select(b => b.Name));
        var x = Torch.Randn(new long[] { 8, 4 });
        var counter = bn.NamedBuffers()[2].Tensor;
        var runningMean = bn.NamedBuffers()[0].Tensor;

        net.Eval();
        Assert.False(bn.IsTraining);
        Assert.False(dropout.IsTraining);
        using (Torch.NoGrad())
        {
            // Evaluation is deterministic (no dropout) and leaves the running statistics alone.
            Assert.Equal(net.Forward(x).ToArray<float>(), net.Forward(x).ToArray<float>());
        }
        Assert.Equal(0, counter.Item());
        Assert.Equal(new float[3], runningMean.ToArray<float>());

        net.Train();
        Assert.True(bn.IsTraining && dropout.IsTraining);
        var y = net.Forward(x).ToArray<float>();
        Assert.Equal(1, counter.Item());
        Assert.Contains(0f, y);
        Assert.NotEqual(new float[3], runningMean.ToArray<float>());
    }

    [Fact]
    public void MovingAStackToFloat64ConvertsParametersButKeepsTheBatchCounterInt64()
    {
        using var scope = Torch.NewDisposeScope();
        using var conv = new Conv1d(2, 3, 3);
        using var bn = new BatchNorm1d(3);
        using var net = new Sequential(conv, bn, new GlobalAvgPool1d());
        net.To(ScalarType.Float64);
        Assert.All(net.NamedParameters(), p => Assert.Equal(ScalarType.Float64, p.Tensor.Dtype));
        var buffers = net.NamedBuffers();
        Assert.Equal(new[] { ScalarType.Float64, ScalarType.Float64, ScalarType.Int64 }, buffers.Select(b => b.Tensor.Dtype));
        var y = net.Forward(Torch.Randn(new long[] { 4, 2, 6 }, ScalarType.Float64));
        Assert.Equal(new long[] { 4, 3 }, y.Shape);
        Assert.Equal(ScalarType.Float64, y.Dtype);
        Assert.Equal(1, buffers[2].Tensor.Item());
    }
}
