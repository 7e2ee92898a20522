using MlNetDeep.Torch;

namespace MlNetDeep.Torch.Tests.Tensors;

public class TensorBasicsTests
{
    [Fact]
    public void FromArrayRoundTripsValuesShapeAndType()
    {
        using var t = Torch.Tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        Assert.Equal(new long[] { 2, 3 }, t.Shape);
        Assert.Equal(ScalarType.Float32, t.Dtype);
        Assert.Equal(Device.Cpu, t.Device with { Index = -1 });
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.ToArray<float>());
    }

    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Int64)]
    [InlineData(ScalarType.Bool)]
    public void EveryElementTypeRoundTrips(ScalarType type)
    {
        switch (type)
        {
            case ScalarType.Float64:
                using (var t = Torch.Tensor(new[] { 1.5, -2.25 })) Assert.Equal(new[] { 1.5, -2.25 }, t.ToArray<double>());
                break;
            case ScalarType.Int64:
                using (var t = Torch.Tensor(new[] { long.MaxValue, -7L })) Assert.Equal(new[] { long.MaxValue, -7L }, t.ToArray<long>());
                break;
            case ScalarType.Bool:
                using (var t = Torch.Tensor(new[] { true, false, true })) Assert.Equal(new[] { true, false, true }, t.ToArray<bool>());
                break;
        }
    }

    [Fact]
    public void WrongElementCountForShapeThrowsWithBothSizes()
    {
        var ex = Assert.Throws<TorchException>(() => Torch.Tensor(new float[] { 1, 2, 3 }, new long[] { 2, 2 }));
        Assert.Contains("12 bytes", ex.Message);
        Assert.Contains("16", ex.Message);
    }

    [Fact]
    public void CopyToWithWrongElementTypeThrowsNamingTheType()
    {
        using var t = Torch.Tensor(new float[] { 1, 2 });
        var ex = Assert.Throws<ArgumentException>(() => t.ToArray<double>());
        Assert.Contains("Float32", ex.Message);
    }

    [Fact]
    public void UsingADisposedTensorThrowsObjectDisposed()
    {
        var t = Torch.Zeros(new long[] { 3 });
        t.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => t.Shape);
    }

    [Fact]
    public void DisposeScopeFreesTemporariesButNotMovedOutTensors()
    {
        Tensor kept, temp;
        using (var scope = Torch.NewDisposeScope())
        {
            temp = Torch.Ones(new long[] { 2 });
            kept = Torch.Ones(new long[] { 2 }).MoveToOuterDisposeScope();
            Assert.Equal(1, scope.Count);
        }
        Assert.True(temp.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal(new float[] { 1, 1 }, kept.ToArray<float>());
        kept.Dispose();
    }

    [Fact]
    public void SameSeedGivesBitIdenticalDraws()
    {
        Torch.ManualSeed(42);
        using var a = Torch.Randn(new long[] { 100 });
        Torch.ManualSeed(42);
        using var b = Torch.Randn(new long[] { 100 });
        Torch.ManualSeed(43);
        using var c = Torch.Randn(new long[] { 100 });
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        Assert.NotEqual(a.ToArray<float>(), c.ToArray<float>());
    }

    [Fact]
    public void IntraOpThreadCountIsSettable()
    {
        var original = Torch.NumThreads;
        try
        {
            Torch.NumThreads = 1;
            Assert.Equal(1, Torch.NumThreads);
            Torch.NumThreads = 2;
            Assert.Equal(2, Torch.NumThreads);
            Assert.Throws<ArgumentOutOfRangeException>(() => Torch.NumThreads = 0);
        }
        finally
        {
            Torch.NumThreads = original;
        }
    }

    [Fact]
    public void DeviceParsesAndPrintsLikePyTorch()
    {
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        Assert.Equal(Device.Cuda(1), Device.Parse("cuda:1"));
        Assert.Equal("cuda:1", Device.Cuda(1).ToString());
        var ex = Assert.Throws<ArgumentException>(() => Device.Parse("gpu0"));
        Assert.Contains("gpu0", ex.Message);
    }

    [Fact]
    public void AskingForAMissingCudaDeviceFailsClearly()
    {
        if (Torch.CudaIsAvailable) return; // only meaningful on a CPU-only libtorch
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.EnsureAvailable(Device.Cuda(0)));
        Assert.Contains("cuda:0", ex.Message);
        Assert.ThrowsAny<Exception>(() => Torch.Zeros(new long[] { 1 }, device: Device.Cuda(0)));
    }

    [Fact]
    public void BackwardComputesGradientOfASquare()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(new[] { 3.0, -1.5, 0.25 }, requiresGrad: true);
        Assert.True(x.RequiresGrad);
        Assert.Null(x.Grad);
        (x * x).Sum().Backward();
        // d(Σ x²)/dx = 2x
        Assert.Equal(new[] { 6.0, -3.0, 0.5 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void OpsUnderNoGradDoNotRecordAGraph()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(new[] { 1.0, 2.0 }, requiresGrad: true);
        Tensor y;
        using (Torch.NoGrad()) y = (x * 2).Exp();
        Assert.False(y.RequiresGrad);
        Assert.True((x * 2).RequiresGrad);
    }
}
