using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;

namespace MlNetDeep.Torch.Tests.Optim;

/// <summary>The optimizer protocol: argument checks, learning rate, zero_grad, gradients set by hand, and training a model.</summary>
public class OptimizerTests
{
    private static Tensor[] OneParameter() => new[] { Torch.Zeros(new long[] { 2 }).RequiresGrad_() };

    public static TheoryData<string, string, string> InvalidArguments() => new()
    {
        { "SGD lr", "lr", "Expected lr >= 0. Received: lr=-1" },
        { "SGD momentum", "momentum", "Expected momentum >= 0. Received: momentum=-0.5" },
        { "SGD nesterov", "nesterov", "Received: momentum=0, dampening=0" },
        { "Adagrad lrDecay", "lrDecay", "Expected lrDecay >= 0. Received: lrDecay=-0.1" },
        { "Adagrad initialAccumulatorValue", "initialAccumulatorValue", "Expected initialAccumulatorValue >= 0. Received: initialAccumulatorValue=-1" },
        { "Adadelta rho", "rho", "Expected 0 <= rho <= 1. Received: rho=1.5" },
        { "RMSprop alpha", "alpha", "Expected alpha >= 0. Received: alpha=-0.9" },
        { "RMSprop eps", "eps", "Expected eps >= 0. Received: eps=NaN" },
        { "Adam beta1", "beta1", "Expected 0 <= beta1 < 1. Received: beta1=1" },
        { "AdamW beta2", "beta2", "Expected 0 <= beta2 < 1. Received: beta2=-0.1" },
        { "Adamax weightDecay", "weightDecay", "Expected weightDecay >= 0. Received: weightDecay=-0.01" },
        { "NAdam momentumDecay", "momentumDecay", "Expected momentumDecay >= 0. Received: momentumDecay=-0.004" },
        { "Ftrl learningRatePower", "learningRatePower", "Expected learningRatePower <= 0. Received: learningRatePower=0.5" },
        { "Ftrl l1", "l1RegularizationStrength", "Expected l1RegularizationStrength >= 0. Received: l1RegularizationStrength=-0.1" },
    };

    private static Optimizer CreateInvalid(string which, Tensor[] p) => which switch
    {
        "SGD lr" => new SGD(p, lr: -1),
        "SGD momentum" => new SGD(p, lr: 0.1, momentum: -0.5),
        "SGD nesterov" => new SGD(p, lr: 0.1, nesterov: true),
        "Adagrad lrDecay" => new Adagrad(p, lrDecay: -0.1),
        "Adagrad initialAccumulatorValue" => new Adagrad(p, initialAccumulatorValue: -1),
        "Adadelta rho" => new Adadelta(p, rho: 1.5),
        "RMSprop alpha" => new RMSprop(p, alpha: -0.9),
        "RMSprop eps" => new RMSprop(p, eps: double.NaN),
        "Adam beta1" => new Adam(p, beta1: 1),
        "AdamW beta2" => new AdamW(p, beta2: -0.1),
        "Adamax weightDecay" => new Adamax(p, weightDecay: -0.01),
        "NAdam momentumDecay" => new NAdam(p, momentumDecay: -0.004),
        "Ftrl learningRatePower" => new Ftrl(p, learningRatePower: 0.5),
        "Ftrl l1" => new Ftrl(p, l1RegularizationStrength: -0.1),
        _ => throw new ArgumentException(which),
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void InvalidHyperParametersNameParameterAndValue(string which, string parameter, string message)
    {
        using var scope = Torch.NewDisposeScope();
        var ex = Assert.ThrowsAny<ArgumentException>(() => CreateInvalid(which, OneParameter()));
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void EmptyOrNullParametersAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Adam(Array.Empty<Tensor>()));
        Assert.Equal("parameters", ex.ParamName);
        Assert.Contains("Received: an empty parameters list", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new Adam(new Tensor[] { null! }));
        Assert.Contains("Received: parameters[0]=null", ex.Message);
    }

    [Fact]
    public void IntegerParametersAreRejectedByTheNativeSide()
    {
        using var scope = Torch.NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => new SGD(new[] { Torch.Tensor(new long[] { 1, 2 }) }, lr: 0.1));
        Assert.Contains("floating-point", ex.Message);
    }

    [Fact]
    public void LearningRateCanBeReadAndChangedAndIsUsedByTheNextStep()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Torch.Tensor(new float[] { 1, 2 }).RequiresGrad_();
        using var sgd = new SGD(new[] { p }, lr: 0.5);
        Assert.Equal(0.5, sgd.LearningRate);
        sgd.LearningRate = 0.25;
        Assert.Equal(0.25, sgd.LearningRate);
        p.SetGrad(Torch.Tensor(new float[] { 4, -8 }));
        sgd.Step();
        Assert.Equal(new float[] { 0, 4 }, p.ToArray<float>()); // p − 0.25·g
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = -0.1);
        Assert.Contains("Received: LearningRate=-0.1", ex.Message);
        Assert.Same(p, Assert.Single(sgd.Parameters));
    }

    [Fact]
    public void ZeroGradRemovesEveryGradientAndStepThenLeavesParametersAlone()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Torch.Tensor(new float[] { 1, 2 }).RequiresGrad_();
        var b = Torch.Tensor(new float[] { 3 }).RequiresGrad_();
        using var adam = new Adam(new[] { a, b }, lr: 0.1);
        a.SetGrad(Torch.Tensor(new float[] { 1, 1 }));
        b.SetGrad(Torch.Tensor(new float[] { 1 }));
        adam.ZeroGrad();
        Assert.Null(a.Grad);
        Assert.Null(b.Grad);
        adam.Step();
        Assert.Equal(new float[] { 1, 2 }, a.ToArray<float>());
        Assert.Equal(new float[] { 3 }, b.ToArray<float>());
    }

    [Fact]
    public void SetGradChecksShapeAndClearsWithNull()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Torch.Zeros(new long[] { 2, 3 }).RequiresGrad_();
        var ex = Assert.Throws<TorchException>(() => p.SetGrad(Torch.Zeros(new long[] { 3, 2 })));
        Assert.Contains("[3, 2]", ex.Message);
        Assert.Throws<TorchException>(() => p.SetGrad(Torch.Zeros(new long[] { 2, 3 }, ScalarType.Float64)));
        p.SetGrad(Torch.Ones(new long[] { 2, 3 }));
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 1 }, p.Grad!.ToArray<float>());
        p.SetGrad(null);
        Assert.Null(p.Grad);
    }

    [Fact]
    public void StepAfterDisposeThrows()
    {
        using var scope = Torch.NewDisposeScope();
        var sgd = new SGD(OneParameter(), lr: 0.1);
        sgd.Dispose();
        Assert.Throws<ObjectDisposedException>(() => sgd.Step());
    }

    /// <summary>
    /// End to end: Adam fits a Linear layer to y = X·w* + b* by least squares. The loss
    /// ½·Σ(ŷ − y)² is computed here from the layer's output, and its gradient ŷ − y is fed back
    /// through the layer's autograd graph (Backward with an upstream gradient).
    /// </summary>
    [Fact]
    public void AdamDrivesALeastSquaresLossDown()
    {
        using var outer = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        const int n = 32;
        double[] wTrue = { 1.5, -2.0, 0.5 };
        const double bTrue = 0.3;
        var rng = new Random(11);
        var x = new float[n * 3];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            double s = bTrue;
            for (int j = 0; j < 3; j++) { x[i * 3 + j] = (float)(rng.NextDouble() * 2 - 1); s += wTrue[j] * x[i * 3 + j]; }
            y[i] = (float)s;
        }
        var inputs = Torch.Tensor(x, new long[] { n, 3 });
        using var model = new Linear(3, 1);
        var parameters = model.Parameters();
        using var adam = new Adam(parameters, lr: 0.05);

        double Loss(float[] predictions) => 0.5 * predictions.Select((p, i) => (double)(p - y[i]) * (p - y[i])).Sum();

        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 400; step++)
        {
            using var scope = Torch.NewDisposeScope();
            adam.ZeroGrad();
            var output = model.Forward(inputs);
            var predictions = output.ToArray<float>();
            last = Loss(predictions);
            if (step == 0) first = last;
            output.Backward(Torch.Tensor(predictions.Select((p, i) => p - y[i]).ToArray(), new long[] { n, 1 }));
            adam.Step();
        }
        Assert.True(last < first * 1e-4, $"loss went from {first} to {last}");
        var w = parameters[0].ToArray<float>();
        for (int j = 0; j < 3; j++) Assert.Equal(wTrue[j], w[j], 0.01);
        Assert.Equal(bTrue, parameters[1].ToArray<float>()[0], 0.01);
    }
}
