using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class DropoutTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void TrainingZeroesAboutRateAndScalesSurvivors(double rate)
    {
        Torch.ManualSeed(42);
        using var scope = Torch.NewDisposeScope();
        using var dropout = new Dropout(rate);
        Assert.True(dropout.IsTraining);
        var y = dropout.Forward(Torch.Ones(new long[] { 4, 25_000 })).ToArray<float>();
        var zeros = y.Count(v => v == 0);
        // Binomial(100k, rate) has a standard deviation below 0.0016 of the count: 0.01 is > 6σ.
        Assert.InRange(zeros / (double)y.Length, rate - 0.01, rate + 0.01);
        var scale = (float)(1 / (1 - rate));
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(scale, v, 5));
    }

    [Fact]
    public void EvaluationIsTheIdentity()
    {
        using var scope = Torch.NewDisposeScope();
        using var dropout = new Dropout(0.5);
        dropout.Eval();
        var x = Torch.Randn(new long[] { 3, 50 });
        Assert.Equal(x.ToArray<float>(), dropout.Forward(x).ToArray<float>());
    }

    [Fact]
    public void GradientMatchesFiniteDifferencesForAFixedMask()
    {
        using var dropout = new Dropout(0.4);
        // Reseeding before each call draws the same mask, so the layer is a fixed linear map.
        Tensor Masked(Tensor x)
        {
            Torch.ManualSeed(7);
            return dropout.Forward(x);
        }
        var rng = new Random(5);
        GradCheck.Check(Masked, Enumerable.Range(0, 30).Select(_ => rng.NextDouble()).ToArray(), new long[] { 3, 10 }, what: "Dropout");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void RateOutsideZeroToOneIsRejectedKerasStyle(double rate)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(rate));
        Assert.Equal("rate", ex.ParamName);
        Assert.Contains("Expected a value between 0 (inclusive) and 1 (exclusive). Received: rate=" +
            rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void RateZeroKeepsEverything()
    {
        using var scope = Torch.NewDisposeScope();
        using var dropout = new Dropout(0);
        Assert.Equal(0, dropout.Rate);
        var x = Torch.Randn(new long[] { 100 });
        Assert.Equal(x.ToArray<float>(), dropout.Forward(x).ToArray<float>());
    }
}
