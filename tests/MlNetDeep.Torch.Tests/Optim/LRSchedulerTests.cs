using System.Text.Json;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Optim;

/// <summary>Learning-rate sequences over 12+ epochs against PyTorch 1.13's schedulers (Fixtures/make_optim.py).</summary>
public class LRSchedulerTests
{
    private static readonly JsonElement Root = Fixture.Load("optim.json");

    private static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static SGD NewOptimizer(double lr) => new(new[] { Torch.Zeros(new long[] { 1 }).RequiresGrad_() }, lr: lr);

    [Theory]
    [InlineData("step")]
    [InlineData("exponential")]
    [InlineData("cosine")]
    [InlineData("cosine_to_zero")]
    public void EpochSchedulesMatchPyTorch(string name)
    {
        var c = Case("schedules", name);
        using var scope = Torch.NewDisposeScope();
        using var optimizer = NewOptimizer(c.GetProperty("base_lr").GetDouble());
        LRScheduler schedule = name switch
        {
            "step" => new StepLR(optimizer, stepSize: 3, gamma: 0.5),
            "exponential" => new ExponentialLR(optimizer, gamma: 0.9),
            "cosine" => new CosineAnnealingLR(optimizer, tMax: 5, etaMin: 0.001),
            "cosine_to_zero" => new CosineAnnealingLR(optimizer, tMax: 10),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(c.GetProperty("base_lr").GetDouble(), optimizer.LearningRate); // creating a schedule keeps epoch 0's rate

        var expected = c.GetProperty("lrs").Doubles();
        var actual = new double[expected.Length];
        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            optimizer.Step();
            schedule.Step();
            actual[epoch] = optimizer.LearningRate;
        }
        Fixture.AssertClose(expected, actual, rtol: 1e-12, atol: 1e-15, what: name);
        Assert.Equal(expected.Length, schedule.LastEpoch);
        Assert.Equal(actual[^1], schedule.LastLearningRate);
    }

    [Theory]
    [InlineData("min_rel")]
    [InlineData("max_abs")]
    public void ReduceLROnPlateauMatchesPyTorch(string name)
    {
        var c = Case("plateaus", name);
        using var scope = Torch.NewDisposeScope();
        using var optimizer = NewOptimizer(c.GetProperty("base_lr").GetDouble());
        var plateau = name switch
        {
            "min_rel" => new ReduceLROnPlateau(optimizer, PlateauMode.Min, factor: 0.5, patience: 2, threshold: 0.01, cooldown: 1, minLr: 0.02),
            "max_abs" => new ReduceLROnPlateau(optimizer, PlateauMode.Max, factor: 0.1, patience: 1, threshold: 0.05, thresholdMode: ThresholdMode.Absolute),
            _ => throw new ArgumentException(name),
        };
        var metrics = c.GetProperty("metrics").Doubles();
        var expected = c.GetProperty("lrs").Doubles();
        var actual = new double[expected.Length];
        for (int epoch = 0; epoch < metrics.Length; epoch++)
        {
            optimizer.Step();
            plateau.Step(metrics[epoch]);
            actual[epoch] = optimizer.LearningRate;
        }
        Fixture.AssertClose(expected, actual, rtol: 1e-12, atol: 1e-15, what: name);
        // The fixture's sequences do reduce the rate, more than once.
        Assert.True(expected.Distinct().Count() >= 3, "fixture sequence should contain at least two reductions");
    }

    [Fact]
    public void ScheduleDrivesTheRateTheOptimizerUses()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Torch.Tensor(new float[] { 1 }).RequiresGrad_();
        using var sgd = new SGD(new[] { p }, lr: 1.0);
        var schedule = new StepLR(sgd, stepSize: 1, gamma: 0.5);
        schedule.Step(); // lr 0.5
        p.SetGrad(Torch.Tensor(new float[] { 1 }));
        sgd.Step();
        Assert.Equal(0.5f, p.ToArray<float>()[0]);
    }

    [Fact]
    public void InvalidArgumentsNameParameterAndValue()
    {
        using var scope = Torch.NewDisposeScope();
        using var optimizer = NewOptimizer(0.1);
        AssertNames("stepSize", "stepSize=0", () => new StepLR(optimizer, stepSize: 0));
        AssertNames("gamma", "gamma=-0.5", () => new ExponentialLR(optimizer, gamma: -0.5));
        AssertNames("tMax", "tMax=0", () => new CosineAnnealingLR(optimizer, tMax: 0));
        AssertNames("factor", "factor=1", () => new ReduceLROnPlateau(optimizer, factor: 1));
        AssertNames("patience", "patience=-1", () => new ReduceLROnPlateau(optimizer, patience: -1));
        AssertNames("minLr", "minLr=-0.1", () => new ReduceLROnPlateau(optimizer, minLr: -0.1));
    }

    private static void AssertNames(string parameter, string received, Action create)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains($"Received: {received}", ex.Message);
    }
}
