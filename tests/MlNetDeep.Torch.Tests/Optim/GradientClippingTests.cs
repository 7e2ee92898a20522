using System.Text.Json;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Optim;

/// <summary>Clipping against torch.nn.utils.clip_grad_norm_ / clip_grad_value_ (Fixtures/make_optim.py), third tensor without a gradient.</summary>
public class GradientClippingTests
{
    private static readonly JsonElement Root = Fixture.Load("optim.json");

    public static TheoryData<int> NormCases() => Indices("clip_norm");
    public static TheoryData<int> ValueCases() => Indices("clip_value");

    private static TheoryData<int> Indices(string section)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty(section).GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static List<Tensor> WithGradients(JsonElement c)
    {
        var grads = c.GetProperty("grads").EnumerateArray().ToList();
        var ps = new List<Tensor>();
        foreach (var g in grads)
        {
            if (g.ValueKind == JsonValueKind.Null)
            {
                ps.Add(Torch.Zeros(new long[] { 2 }).RequiresGrad_());
                continue;
            }
            var grad = g.Tensor();
            ps.Add(Torch.Zeros(grad.Shape).RequiresGrad_().SetGrad(grad));
        }
        return ps;
    }

    private static void AssertGradients(JsonElement c, List<Tensor> ps, string what)
    {
        var clipped = c.GetProperty("clipped").EnumerateArray().ToList();
        for (int i = 0; i < ps.Count; i++)
        {
            using var g = ps[i].Grad;
            if (clipped[i].ValueKind == JsonValueKind.Null) Assert.Null(g);
            else Fixture.AssertClose(clipped[i], g!, what: $"{what} gradient {i}");
        }
    }

    [Theory]
    [MemberData(nameof(NormCases))]
    public void ClipByNormMatchesPyTorch(int index)
    {
        var c = Root.GetProperty("clip_norm")[index];
        using var scope = Torch.NewDisposeScope();
        var ps = WithGradients(c);
        var normType = c.GetProperty("norm_type") is { ValueKind: JsonValueKind.String } ? double.PositiveInfinity : c.GetProperty("norm_type").GetDouble();
        var total = GradientClipping.ClipByNorm(ps, c.GetProperty("max_norm").GetDouble(), normType);
        Assert.Equal(c.GetProperty("total_norm").GetDouble(), total, 1e-5 * Math.Abs(total));
        AssertGradients(c, ps, $"clip_norm[{index}]");
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public void ClipByValueMatchesPyTorch(int index)
    {
        var c = Root.GetProperty("clip_value")[index];
        using var scope = Torch.NewDisposeScope();
        var ps = WithGradients(c);
        GradientClipping.ClipByValue(ps, c.GetProperty("clip_value").GetDouble());
        AssertGradients(c, ps, $"clip_value[{index}]");
    }

    [Fact]
    public void ClipByNormWithoutGradientsReturnsZero()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.Equal(0.0, GradientClipping.ClipByNorm(new[] { Torch.Zeros(new long[] { 3 }).RequiresGrad_() }, 1.0));
    }

    [Fact]
    public void InvalidArgumentsNameParameterAndValue()
    {
        var ps = Array.Empty<Tensor>();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByNorm(ps, -1));
        Assert.Equal("maxNorm", ex.ParamName);
        Assert.Contains("Expected maxNorm >= 0. Received: maxNorm=-1", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByNorm(ps, 1, normType: 0));
        Assert.Contains("Received: normType=0", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue(ps, -0.5));
        Assert.Contains("Expected clipValue >= 0. Received: clipValue=-0.5", ex.Message);
    }
}
