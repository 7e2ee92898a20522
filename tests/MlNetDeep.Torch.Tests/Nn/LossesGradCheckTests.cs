using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

/// <summary>Finite differences in float64 against autograd for every fixture case (each loss and option).</summary>
public class LossesGradCheckTests
{
    public static IEnumerable<object[]> CaseNames() =>
        LossesGoldenTests.CaseNames().Where(n => !((string)n[0]).Contains("clip", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GradientMatchesFiniteDifferences(string name)
    {
        var c = Fixture.Load("losses.json").GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        using var scope = Torch.NewDisposeScope();
        using var loss = LossCases.Build(c);
        var target = LossCases.Target(c, ScalarType.Float64);
        var p = c.GetProperty("prediction");
        GradCheck.Check(x => loss.Compute(x, target), p.GetProperty("data").Doubles(), p.GetProperty("shape").Longs(), what: name);
    }

    [Fact]
    public void ClippedCategoricalCrossEntropyHasFiniteDifferenceGradientAwayFromTheClip()
    {
        // Probabilities well inside [eps, 1 - eps] and not normalised: the renormalisation is differentiated too.
        using var scope = Torch.NewDisposeScope();
        using var loss = new MlNetDeep.Torch.Nn.CategoricalCrossEntropy(fromLogits: false);
        var target = Torch.Tensor(new double[] { 0, 1, 0, 0.2, 0.3, 0.5 }, new long[] { 2, 3 });
        GradCheck.Check(x => loss.Compute(x, target), new[] { 0.2, 0.5, 0.6, 1.5, 0.25, 0.75 }, new long[] { 2, 3 }, what: "cce probabilities");
    }
}
