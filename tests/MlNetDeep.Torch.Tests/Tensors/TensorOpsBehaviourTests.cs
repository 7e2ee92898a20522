namespace MlNetDeep.Torch.Tests.Tensors;

/// <summary>What the golden values do not show: views share storage, in-place ops return their
/// tensor, and every failure arrives as a .NET exception carrying libtorch's message.</summary>
public class TensorOpsBehaviourTests
{
    private static Tensor Range(params long[] shape) =>
        Torch.Arange(0, shape.Aggregate(1L, (p, s) => p * s), dtype: ScalarType.Float32).Reshape(shape);

    [Fact]
    public void NarrowIsAViewOfTheSameStorage()
    {
        using var scope = Torch.NewDisposeScope();
        var data = Range(4, 2);
        data.Narrow(0, 1, 2).Fill(-1);
        Assert.Equal(new float[] { 0, 1, -1, -1, -1, -1, 6, 7 }, data.ToArray<float>());
    }

    [Fact]
    public void IndexSelectCopiesRowsInTheGivenOrder()
    {
        using var scope = Torch.NewDisposeScope();
        var data = Range(4, 2);
        var batch = data.IndexSelect(0, Torch.Tensor(new long[] { 3, 1 }));
        batch.Fill(0);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 6, 7 }, data.ToArray<float>());
        Assert.Equal(new float[] { 6, 7, 2, 3 }, data.IndexSelect(0, Torch.Tensor(new long[] { 3, 1 })).ToArray<float>());
    }

    [Fact]
    public void InPlaceOpsChangeAndReturnTheSameTensor()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Torch.Tensor(new float[] { 1, 2, 3 });
        Assert.Same(t, t.Add_(Torch.Tensor(new float[] { 10, 20, 30 }), alpha: 0.5));
        Assert.Equal(new float[] { 6, 12, 18 }, t.ToArray<float>());
        Assert.Same(t, t.Mul_(-2));
        Assert.Equal(new float[] { -12, -24, -36 }, t.ToArray<float>());
        Assert.Same(t, t.Zero_());
        Assert.Equal(new float[] { 0, 0, 0 }, t.ToArray<float>());
    }

    [Fact]
    public void InPlaceUpdateOfAParameterWorksUnderNoGradAndFailsOutside()
    {
        using var scope = Torch.NewDisposeScope();
        var w = Torch.Tensor(new double[] { 1, 2 }, requiresGrad: true);
        var ex = Assert.Throws<TorchException>(() => w.Add_(Torch.Tensor(new double[] { 1, 1 })));
        Assert.Contains("leaf Variable that requires grad", ex.Message);
        using (Torch.NoGrad()) w.Add_(Torch.Tensor(new double[] { 1, 1 }), alpha: -0.1);
        Assert.Equal(new[] { 0.9, 1.9 }, w.ToArray<double>());
        Assert.True(w.RequiresGrad);
    }

    [Fact]
    public void MaxAlongADimReturnsValuesAndInt64Indices()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Torch.Tensor(new float[] { 1, 9, 3, 7, 2, 8 }, new long[] { 2, 3 });
        var (values, indices) = t.Max(1);
        Assert.Equal(new float[] { 9, 8 }, values.ToArray<float>());
        Assert.Equal(new long[] { 1, 2 }, indices.ToArray<long>());
        var (minValues, minIndices) = t.Min(0, keepDim: true);
        Assert.Equal(new long[] { 1, 3 }, minValues.Shape);
        Assert.Equal(new long[] { 0, 1, 0 }, minIndices.ToArray<long>());
    }

    [Fact]
    public void EqualityOperatorsStayReferenceEquality()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Torch.Tensor(new float[] { 1, 2 });
        var b = Torch.Tensor(new float[] { 1, 2 });
#pragma warning disable CS1718 // comparing a variable with itself is the point here
        Assert.True(a == a);
#pragma warning restore CS1718
        Assert.False(a == b);
        Assert.Equal(new[] { true, true }, a.Eq(b).ToArray<bool>());
    }

    [Fact]
    public void MatMulShapeMismatchThrowsWithLibtorchsMessage()
    {
        using var scope = Torch.NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => Torch.Zeros(new long[] { 2, 3 }).MatMul(Torch.Zeros(new long[] { 4, 5 })));
        Assert.Contains("2x3 and 4x5", ex.Message);
    }

    [Fact]
    public void BroadcastMismatchThrowsNamingTheSizes()
    {
        using var scope = Torch.NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => Torch.Zeros(new long[] { 2, 3 }) + Torch.Zeros(new long[] { 4 }));
        Assert.Contains("must match the size", ex.Message);
        Assert.Contains("(4)", ex.Message);
    }

    [Fact]
    public void OutOfRangeIndicesThrowInsteadOfAborting()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Range(2, 3);
        var select = Assert.Throws<TorchException>(() => t.Select(0, 5));
        Assert.Contains("index 5 out of range", select.Message);
        var indexSelect = Assert.Throws<TorchException>(() => t.IndexSelect(1, Torch.Tensor(new long[] { 0, 5 })));
        Assert.Contains("out of", indexSelect.Message);
        var gather = Assert.Throws<TorchException>(() => t.Gather(1, Torch.Tensor(new long[] { 7 }, new long[] { 1, 1 })));
        Assert.Contains("out of bounds", gather.Message);
        var narrow = Assert.Throws<TorchException>(() => t.Narrow(1, 2, 5));
        Assert.NotEmpty(narrow.Message);
        // The failed calls left nothing behind: the next call succeeds.
        Assert.Equal(new float[] { 3, 4, 5 }, t.Select(0, 1).ToArray<float>());
    }

    [Fact]
    public void FloatIndexThrowsNamingTheExpectedType()
    {
        using var scope = Torch.NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => Range(2, 3).IndexSelect(1, Torch.Tensor(new float[] { 1 })));
        Assert.Contains("int64", ex.Message);
    }

    [Fact]
    public void ViewOfANonContiguousTensorThrowsAndReshapeCopies()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Range(2, 3).Transpose(0, 1);
        var ex = Assert.Throws<TorchException>(() => t.View(6));
        Assert.Contains("reshape", ex.Message);
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, t.Reshape(6).ToArray<float>());
    }

    [Fact]
    public void CatOfNothingThrows()
    {
        var ex = Assert.Throws<TorchException>(() => Torch.Cat(Array.Empty<Tensor>()));
        Assert.Contains("non-empty", ex.Message);
    }

    [Fact]
    public void ArgumentChecksNameTheParameter()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Range(2, 3);
        Assert.Equal("dims", Assert.Throws<ArgumentException>(() => t.Sum(Array.Empty<long>())).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentException>(() => t.Clamp()).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => t.Add(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => t.Lt(null!)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentNullException>(() => 2.0 * (Tensor)null!).ParamName);
    }
}
