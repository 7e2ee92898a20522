using System.Text.Json;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

/// <summary>Every loss and option against PyTorch (Fixtures/make_losses.py): value and gradient w.r.t. the prediction.</summary>
public class LossesGoldenTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() =>
        Fixture.Load("losses.json").GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!));

    public static IEnumerable<object[]> CaseNames() =>
        Fixture.Load("losses.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ValueAndGradientMatchPyTorch(string name)
    {
        var c = Cases.Value[name];
        using var scope = Torch.NewDisposeScope();
        using var loss = LossCases.Build(c);
        var prediction = c.GetProperty("prediction").Tensor().RequiresGrad_();
        var target = LossCases.Target(c);
        var value = loss.Compute(prediction, target);
        Fixture.AssertClose(c.GetProperty("value"), value, what: name + " value");
        if (c.TryGetProperty("upstream", out var upstream)) value.Backward(upstream.Tensor());
        else value.Backward();
        Fixture.AssertClose(c.GetProperty("grad"), prediction.Grad!, what: name + " gradient");
    }

    [Fact]
    public void FixtureCoversEveryLossKindAndReduction()
    {
        var all = Cases.Value.Values.ToList();
        foreach (var kind in new[] { "mse", "l1", "huber", "bce", "bce_logits", "cce", "sparse" })
            foreach (var r in new[] { "mean", "sum", "none" })
                Assert.Contains(all, c => c.GetProperty("loss").GetString() == kind &&
                                          c.GetProperty("options").GetProperty("reduction").GetString() == r);
    }
}

/// <summary>Builds the loss a fixture case describes.</summary>
internal static class LossCases
{
    public static Loss Build(JsonElement c)
    {
        var o = c.GetProperty("options");
        var reduction = o.GetProperty("reduction").GetString() switch
        {
            "mean" => Reduction.Mean,
            "sum" => Reduction.Sum,
            "none" => Reduction.None,
            var r => throw new NotSupportedException(r),
        };
        bool Flag(string key) => o.TryGetProperty(key, out var v) && v.GetBoolean();
        Tensor? Opt(string key) => c.TryGetProperty(key, out var v) ? v.Tensor() : null;
        return c.GetProperty("loss").GetString() switch
        {
            "mse" => new MSELoss(reduction, halved: Flag("halved")),
            "l1" => new L1Loss(reduction),
            "huber" => new HuberLoss(o.GetProperty("delta").GetDouble(), reduction),
            "bce" => new BCELoss(Opt("weight"), reduction),
            "bce_logits" => new BCEWithLogitsLoss(Opt("weight"), Opt("pos_weight"), reduction),
            "cce" => new CategoricalCrossEntropy(
                fromLogits: Flag("from_logits"),
                weight: Opt("weight"),
                epsilon: o.TryGetProperty("epsilon", out var e) ? e.GetDouble() : CategoricalCrossEntropy.DefaultEpsilon,
                axis: o.TryGetProperty("axis", out var a) ? a.GetInt32() : -1,
                reduction: reduction),
            "sparse" => new SparseCategoricalCrossEntropy(
                weight: Opt("weight"),
                ignoreIndex: o.TryGetProperty("ignore_index", out var ii) ? ii.GetInt64() : SparseCategoricalCrossEntropy.DefaultIgnoreIndex,
                logProbabilities: Flag("log_probabilities"),
                reduction: reduction),
            var k => throw new NotSupportedException(k),
        };
    }

    /// <summary>The case's target: int64 class indices for the sparse loss, float otherwise.</summary>
    public static Tensor Target(JsonElement c, ScalarType floatType = ScalarType.Float32) =>
        c.GetProperty("target").Tensor(c.GetProperty("loss").GetString() == "sparse" ? ScalarType.Int64 : floatType);
}
