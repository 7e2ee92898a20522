using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

/// <summary>The course's worked numbers, option checks and error messages.</summary>
public class LossesTests
{
    private static double Value(Loss loss, double[] prediction, double[] target, long[]? shape = null)
    {
        using var scope = Torch.NewDisposeScope();
        return loss.Compute(Torch.Tensor(prediction, shape), Torch.Tensor(target, shape)).Item();
    }

    [Fact]
    public void BinaryCrossEntropyOfConfidentPredictionsIsMinusLogOfTheRightProbability()
    {
        using var bce = new BCELoss();
        Assert.Equal(-Math.Log(0.9), Value(bce, new[] { 0.9 }, new[] { 1.0 }), 12);
        Assert.Equal(-Math.Log(0.1), Value(bce, new[] { 0.9 }, new[] { 0.0 }), 12);
        // Mean over the batch: (−ln 0.9 − ln 0.8) / 2.
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8)) / 2, Value(bce, new[] { 0.9, 0.2 }, new[] { 1.0, 0.0 }), 12);

        using var logits = new BCEWithLogitsLoss();
        var z = Math.Log(0.9 / 0.1); // σ(z) = 0.9
        Assert.Equal(-Math.Log(0.9), Value(logits, new[] { z }, new[] { 1.0 }), 12);
    }

    [Fact]
    public void MeanSquaredErrorAndItsHalvedFormAndMae()
    {
        var p = new[] { 2.0, 4.0, 0.0 };
        var y = new[] { 1.0, 1.0, 1.0 };
        using var mse = new MSELoss();
        using var half = new MSELoss(halved: true);
        using var sum = new MSELoss(Reduction.Sum);
        using var mae = new L1Loss();
        Assert.Equal((1 + 9 + 1) / 3.0, Value(mse, p, y), 12);
        Assert.Equal(0.5 * (1 + 9 + 1) / 3.0, Value(half, p, y), 12);
        Assert.Equal(11.0, Value(sum, p, y), 12);
        Assert.Equal(5 / 3.0, Value(mae, p, y), 12);
    }

    [Fact]
    public void HalvedMseGradientIsResidualOverN()
    {
        using var scope = Torch.NewDisposeScope();
        using var half = new MSELoss(halved: true);
        var p = Torch.Tensor(new[] { 2.0, 4.0, 0.0, 1.5 }, requiresGrad: true);
        half.Compute(p, Torch.Tensor(new[] { 1.0, 1.0, 1.0, 1.0 })).Backward();
        Fixture.AssertClose(new[] { 0.25, 0.75, -0.25, 0.125 }, p.Grad!.ToArray<double>(), what: "½ MSE gradient");
    }

    [Fact]
    public void HuberIsQuadraticInsideDeltaAndLinearOutside()
    {
        using var huber = new HuberLoss(delta: 1.0, reduction: Reduction.None);
        using var scope = Torch.NewDisposeScope();
        var v = huber.Compute(Torch.Tensor(new[] { 0.5, 3.0, -2.0 }), Torch.Tensor(new[] { 0.0, 0.0, 0.0 })).ToArray<double>();
        Fixture.AssertClose(new[] { 0.125, 2.5, 1.5 }, v, what: "huber");
    }

    [Fact]
    public void CategoricalCrossEntropyOnSoftmaxOutputIsMinusLogOfTheTrueClass()
    {
        using var cce = new CategoricalCrossEntropy();
        Assert.Equal(-Math.Log(0.7), Value(cce, new[] { 0.7, 0.2, 0.1 }, new[] { 1.0, 0.0, 0.0 }, new long[] { 1, 3 }), 6);
        // Keras renormalises: [1.4, 0.4, 0.2] is the same distribution.
        Assert.Equal(-Math.Log(0.7), Value(cce, new[] { 1.4, 0.4, 0.2 }, new[] { 1.0, 0.0, 0.0 }, new long[] { 1, 3 }), 6);
        // A zero probability for the true class is clipped to ε: the loss is −ln ε, not infinity.
        Assert.Equal(-Math.Log(1e-7), Value(cce, new[] { 0.0, 0.5, 0.5 }, new[] { 1.0, 0.0, 0.0 }, new long[] { 1, 3 }), 6);
    }

    [Fact]
    public void CategoricalAndSparseCrossEntropyAgreeOnLogits()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = new[] { 2.0, 1.0, 0.1, -1.0, 0.5, 3.0 };
        var expected0 = Math.Log(Math.Exp(2) + Math.Exp(1) + Math.Exp(0.1)) - 2;
        var expected1 = Math.Log(Math.Exp(-1) + Math.Exp(0.5) + Math.Exp(3)) - 3;
        using var cce = new CategoricalCrossEntropy(fromLogits: true, reduction: Reduction.None);
        using var sparse = new SparseCategoricalCrossEntropy(reduction: Reduction.None);
        var x = Torch.Tensor(logits, new long[] { 2, 3 });
        var a = cce.Compute(x, Torch.Tensor(new[] { 1.0, 0, 0, 0, 0, 1 }, new long[] { 2, 3 })).ToArray<double>();
        var b = sparse.Compute(x, Torch.Tensor(new long[] { 0, 2 })).ToArray<double>();
        Fixture.AssertClose(new[] { expected0, expected1 }, a, rtol: 1e-12, what: "cce");
        Fixture.AssertClose(new[] { expected0, expected1 }, b, rtol: 1e-12, what: "sparse");
    }

    [Fact]
    public void IgnoredTargetsGetNoGradient()
    {
        using var scope = Torch.NewDisposeScope();
        using var sparse = new SparseCategoricalCrossEntropy(ignoreIndex: -1);
        var x = Torch.Tensor(new[] { 2.0, 1.0, 0.1, -1.0, 0.5, 3.0 }, new long[] { 2, 3 }, requiresGrad: true);
        var loss = sparse.Compute(x, Torch.Tensor(new long[] { 0, -1 }));
        Assert.Equal(Math.Log(Math.Exp(2) + Math.Exp(1) + Math.Exp(0.1)) - 2, loss.Item(), 12);
        loss.Backward();
        Assert.All(x.Grad!.ToArray<double>()[3..], g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void LossKeepsItsOwnCopyOfTheWeights()
    {
        SparseCategoricalCrossEntropy loss;
        using (Torch.NewDisposeScope())
        {
            loss = new SparseCategoricalCrossEntropy(weight: Torch.Tensor(new float[] { 1, 3 }), reduction: Reduction.Sum);
        }
        using (loss)
        using (Torch.NewDisposeScope())
        {
            var x = Torch.Tensor(new float[] { 0, 0, 0, 0 }, new long[] { 2, 2 });
            var v = loss.Compute(x, Torch.Tensor(new long[] { 0, 1 })).Item();
            Assert.Equal(4 * Math.Log(2), v, 5);
            Assert.True(loss.HasWeight);
        }
    }

    [Fact]
    public void MismatchedShapesThrowTorchException()
    {
        using var scope = Torch.NewDisposeScope();
        using var mse = new MSELoss();
        // [3] against [3, 1] would broadcast to a [3, 3] loss: refused, naming both shapes.
        var ex = Assert.Throws<TorchException>(() => mse.Compute(Torch.Zeros(new long[] { 3 }), Torch.Zeros(new long[] { 3, 1 })));
        Assert.Contains("[3, 1]", ex.Message);
        Assert.Contains("[3]", ex.Message);
        using var logits = new BCEWithLogitsLoss();
        var ex2 = Assert.Throws<TorchException>(() => logits.Compute(Torch.Zeros(new long[] { 4, 2 }), Torch.Zeros(new long[] { 4 })));
        Assert.Contains("[4, 2]", ex2.Message);
        using var sparse = new SparseCategoricalCrossEntropy();
        var ex3 = Assert.Throws<TorchException>(() => sparse.Compute(Torch.Zeros(new long[] { 4, 3 }), Torch.Zeros(new long[] { 3 }, ScalarType.Int64)));
        Assert.Contains("Expected input batch_size (4) to match target batch_size (3)", ex3.Message);
        using var cce = new CategoricalCrossEntropy(fromLogits: true, weight: Torch.Ones(new long[] { 4 }));
        var ex4 = Assert.Throws<TorchException>(() => cce.Compute(Torch.Zeros(new long[] { 2, 3 }), Torch.Zeros(new long[] { 2, 3 })));
        Assert.Contains("weight", ex4.Message);
    }

    [Fact]
    public void OutOfRangeClassIndexThrowsTorchException()
    {
        using var scope = Torch.NewDisposeScope();
        using var sparse = new SparseCategoricalCrossEntropy();
        var ex = Assert.Throws<TorchException>(() => sparse.Compute(Torch.Zeros(new long[] { 2, 3 }), Torch.Tensor(new long[] { 0, 3 })));
        Assert.Contains("out of bounds", ex.Message);
    }

    [Fact]
    public void InvalidInputValuesAndTypesThrowTorchException()
    {
        using var scope = Torch.NewDisposeScope();
        using var bce = new BCELoss();
        var ex = Assert.Throws<TorchException>(() => bce.Compute(Torch.Tensor(new[] { 1.5f }), Torch.Tensor(new[] { 1f })));
        Assert.Contains("between 0 and 1", ex.Message);
        using var sparse = new SparseCategoricalCrossEntropy();
        var ex2 = Assert.Throws<TorchException>(() => sparse.Compute(Torch.Zeros(new long[] { 2, 3 }), Torch.Tensor(new[] { 0, 1 })));
        Assert.Contains("Long", ex2.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void HuberRejectsNonPositiveDelta(double delta)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HuberLoss(delta));
        Assert.Equal("delta", ex.ParamName);
        Assert.Contains($"Received: delta={delta}", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-7)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void CategoricalCrossEntropyRejectsEpsilonOutsideTheOpenInterval(double epsilon)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CategoricalCrossEntropy(epsilon: epsilon));
        Assert.Equal("epsilon", ex.ParamName);
        Assert.Contains($"Received: epsilon={epsilon}", ex.Message);
    }

    [Fact]
    public void UnknownReductionIsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new L1Loss((Reduction)7));
        Assert.Equal("reduction", ex.ParamName);
    }
}
