using System.Text.Json;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class ActivationTests
{
    private static readonly JsonElement Fixtures = Fixture.Load("activations.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixtures.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string name) =>
        Fixtures.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double Arg(JsonElement c, string name) => c.GetProperty("args").GetProperty(name).GetDouble();

    private static ActivationKind KindOf(JsonElement c) => Enum.Parse<ActivationKind>(c.GetProperty("kind").GetString()!);

    /// <summary>The case's function as a tensor method.</summary>
    private static Tensor ApplyMethod(JsonElement c, Tensor x) => KindOf(c) switch
    {
        ActivationKind.Identity => x,
        ActivationKind.BinaryStep => x.BinaryStep(),
        ActivationKind.Sigmoid => x.Sigmoid(),
        ActivationKind.Tanh => x.Tanh(),
        ActivationKind.Relu => x.Relu(),
        ActivationKind.LeakyRelu => x.LeakyRelu(Arg(c, "negative_slope")),
        ActivationKind.Elu => x.Elu(Arg(c, "alpha")),
        ActivationKind.Selu => x.Selu(),
        ActivationKind.Swish => x.Swish(),
        ActivationKind.Gelu => x.Gelu(),
        ActivationKind.Softplus => x.Softplus(Arg(c, "beta"), Arg(c, "threshold")),
        ActivationKind.Softmax => x.Softmax((int)Arg(c, "dim")),
        ActivationKind.LogSoftmax => x.LogSoftmax((int)Arg(c, "dim")),
        ActivationKind.Maxout => x.Maxout((int)Arg(c, "pieces")),
        var k => throw new NotSupportedException(k.ToString()),
    };

    /// <summary>The case's function as a layer.</summary>
    private static Module MakeLayer(JsonElement c) => KindOf(c) switch
    {
        ActivationKind.LeakyRelu => Activation.LeakyRelu(Arg(c, "negative_slope")),
        ActivationKind.Elu => Activation.Elu(Arg(c, "alpha")),
        ActivationKind.Softplus => Activation.Softplus(Arg(c, "beta"), Arg(c, "threshold")),
        ActivationKind.Softmax => Activation.Softmax((int)Arg(c, "dim")),
        ActivationKind.LogSoftmax => Activation.LogSoftmax((int)Arg(c, "dim")),
        ActivationKind.Maxout => new Maxout((int)Arg(c, "pieces")),
        var k => new Activation(k),
    };

    private static void AssertMatches(JsonElement c, Func<Tensor, Tensor> f, string how)
    {
        using var scope = Torch.NewDisposeScope();
        var x = c.GetProperty("x").Tensor().RequiresGrad_();
        var y = f(x);
        Fixture.AssertClose(c.GetProperty("y"), y, what: how + " value");
        y.Backward(c.GetProperty("g").Tensor());
        Fixture.AssertClose(c.GetProperty("grad"), x.Grad ?? throw new Xunit.Sdk.XunitException("no gradient"), what: how + " gradient");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TensorMethodMatchesPyTorch(string name)
    {
        var c = Case(name);
        AssertMatches(c, x => ApplyMethod(c, x), name + " method");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void LayerMatchesPyTorch(string name)
    {
        var c = Case(name);
        using var layer = MakeLayer(c);
        AssertMatches(c, layer.Forward, name + " layer");
    }

    [Fact]
    public void DefaultsAreTheSameAsPyTorchs()
    {
        // The fixture's default-argument cases, run through the default constructors.
        foreach (var name in new[] { "leaky_relu", "elu", "softplus", "softplus_wide", "softmax_last", "log_softmax_last" })
        {
            var c = Case(name);
            using var layer = new Activation(KindOf(c));
            AssertMatches(c, layer.Forward, name + " default layer");
        }
        var leaky = Case("leaky_relu");
        AssertMatches(leaky, x => x.LeakyRelu(), "LeakyRelu()");
        AssertMatches(Case("softplus"), x => x.Softplus(), "Softplus()");
        AssertMatches(Case("elu"), x => x.Elu(), "Elu()");
    }

    [Fact]
    public void EveryKindHasAPyTorchReference()
    {
        var covered = Fixtures.GetProperty("cases").EnumerateArray().Select(KindOf).ToHashSet();
        covered.Add(ActivationKind.PRelu); // the "prelu" section
        Assert.Equal(Enum.GetValues<ActivationKind>().ToHashSet(), covered);
    }

    public static TheoryData<string> PreluNames() => new() { "shared", "per_channel", "per_channel_3d" };

    [Theory]
    [MemberData(nameof(PreluNames))]
    public void PReLUMatchesPyTorchIncludingTheWeightGradient(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var c = Fixtures.GetProperty("prelu").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        using var layer = new PReLU(c.GetProperty("num_parameters").GetInt64());
        var (pname, weight) = Assert.Single(layer.NamedParameters());
        Assert.Equal("weight", pname);
        Assert.All(weight.ToArray<float>(), v => Assert.Equal(0.25f, v));
        weight.CopyFrom(c.GetProperty("weight").Tensor());

        var x = c.GetProperty("x").Tensor().RequiresGrad_();
        var y = layer.Forward(x);
        Fixture.AssertClose(c.GetProperty("y"), y, what: "value");
        y.Backward(c.GetProperty("g").Tensor());
        Fixture.AssertClose(c.GetProperty("grad"), x.Grad!, what: "input gradient");
        Fixture.AssertClose(c.GetProperty("grad_weight"), weight.Grad!, what: "weight gradient");

        var x2 = c.GetProperty("x").Tensor();
        Fixture.AssertClose(c.GetProperty("y"), x2.Prelu(c.GetProperty("weight").Tensor()), what: "tensor method");
    }

    // Inputs away from every kink (0 for step/ReLU-like functions, Softplus' threshold) and with
    // no near-ties inside a Maxout group, so central differences are exact enough.
    private static readonly double[] Smooth = { -2.1, -0.7, 0.35, 1.2, -0.45, 0.9, 2.6, -1.6, 0.15, -0.25, 1.7, -3.2 };
    private static readonly long[] SmoothShape = { 2, 6 };

    public static TheoryData<string> GradCheckKinds()
    {
        var data = new TheoryData<string>();
        foreach (var k in Enum.GetNames<ActivationKind>()) data.Add(k);
        data.Add("LeakyRelu0.3");
        data.Add("Softplus2");
        data.Add("SoftmaxDim0");
        data.Add("LogSoftmaxDim0");
        data.Add("Maxout3");
        data.Add("PReluPerChannel");
        return data;
    }

    [Theory]
    [MemberData(nameof(GradCheckKinds))]
    public void GradientMatchesFiniteDifferencesInFloat64(string kind)
    {
        using var identity = new Activation(ActivationKind.Identity);
        using var leaky = Activation.LeakyRelu(0.3);
        using var softplus = Activation.Softplus(2, 2);
        using var logSoftmax = Activation.LogSoftmax(0);
        using var maxout = new Maxout(3);
        Func<Tensor, Tensor> f = kind switch
        {
            "Identity" => identity.Forward,
            "BinaryStep" => x => x.BinaryStep(),
            "Sigmoid" => x => x.Sigmoid(),
            "Tanh" => x => x.Tanh(),
            "Relu" => x => x.Relu(),
            "LeakyRelu" => x => x.LeakyRelu(),
            "LeakyRelu0.3" => leaky.Forward,
            "PRelu" => x => x.Prelu(Torch.Tensor(new[] { 0.2 })),
            "PReluPerChannel" => x => x.Prelu(Torch.Tensor(new[] { 0.1, -0.3, 0.5, 0.05, 0.7, 0.25 })),
            "Elu" => x => x.Elu(0.7),
            "Selu" => x => x.Selu(),
            "Swish" => x => x.Swish(),
            "Gelu" => x => x.Gelu(),
            "Softplus" => x => x.Softplus(),
            "Softplus2" => softplus.Forward,
            "Softmax" => x => x.Softmax(-1),
            "SoftmaxDim0" => x => x.Softmax(0),
            "LogSoftmax" => x => x.LogSoftmax(1),
            "LogSoftmaxDim0" => logSoftmax.Forward,
            "Maxout" => x => x.Maxout(2),
            "Maxout3" => maxout.Forward,
            _ => throw new NotSupportedException(kind),
        };
        GradCheck.Check(f, Smooth, SmoothShape, what: kind);
    }

    [Fact]
    public void PReLULayerGradientMatchesFiniteDifferencesInFloat64()
    {
        using var prelu = new PReLU(6, dtype: ScalarType.Float64);
        GradCheck.Check(prelu.Forward, Smooth, SmoothShape, what: "PReLU layer");
    }

    [Fact]
    public void BinaryStepIsOneOnlyAboveZeroAndPassesBackZeros()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(new float[] { -1, 0, 1e-7f, 3, float.NegativeInfinity, float.PositiveInfinity }).RequiresGrad_();
        var y = x.BinaryStep();
        Assert.Equal(new float[] { 0, 0, 1, 1, 0, 1 }, y.ToArray<float>());
        y.Backward(Torch.Ones(new long[] { 6 }));
        Assert.Equal(new float[6], x.Grad!.ToArray<float>());
    }

    [Fact]
    public void MaxoutTakesTheMaximumOfConsecutiveGroups()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Tensor(new float[] { 1, 5, 2, -1, -3, 0, 7, 4, 4, 8, 0, 9 }, new long[] { 2, 6 });
        Assert.Equal(new float[] { 5, 2, 0, 7, 8, 9 }, x.Maxout(2).ToArray<float>());
        Assert.Equal(new long[] { 2, 2 }, x.Maxout(3).Shape);
        Assert.Equal(new float[] { 5, 0, 7, 9 }, x.Maxout(3).ToArray<float>());
    }

    [Fact]
    public void ActivationsComposeInSequential()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(1);
        using var net = new Sequential(new Linear(4, 12), new Maxout(2), new Activation(ActivationKind.Gelu), new PReLU(6),
            new Linear(6, 3), Activation.Softmax(-1));
        Assert.Equal(new[] { "0.weight", "0.bias", "3.weight", "4.weight", "4.bias" }, net.NamedParameters().Select(p => p.Name));
        var y = net.Forward(Torch.Randn(new long[] { 5, 4 }));
        Assert.Equal(new long[] { 5, 3 }, y.Shape);
        var p = y.ToArray<float>();
        for (int r = 0; r < 5; r++) Assert.Equal(1.0, p[r * 3] + p[r * 3 + 1] + p[r * 3 + 2], 5);
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void CreateBuildsEveryKindButMaxout()
    {
        foreach (var kind in Enum.GetValues<ActivationKind>().Where(k => k != ActivationKind.Maxout))
        {
            using var layer = Activation.Create(kind);
            Assert.Equal(kind == ActivationKind.PRelu ? typeof(PReLU) : typeof(Activation), layer.GetType());
        }
        var ex = Assert.Throws<ArgumentException>(() => Activation.Create(ActivationKind.Maxout));
        Assert.Equal("kind", ex.ParamName);
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndValue()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Zeros(new long[] { 3, 6 });
        var ex = Assert.Throws<ArgumentException>(() => x.Maxout(4));
        Assert.Equal("pieces", ex.ParamName);
        Assert.Contains("pieces=4", ex.Message);
        Assert.Contains("6", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new Maxout(4, inFeatures: 6));
        Assert.Equal("pieces", ex.ParamName);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => new Maxout(0));
        Assert.Equal("pieces", range.ParamName);
        Assert.Contains("pieces=0", range.Message);
        // Divisibility against an actual input is known only at forward time, in native code.
        using var maxout = new Maxout(4);
        var native = Assert.Throws<TorchException>(() => maxout.Forward(x));
        Assert.Contains("pieces=4", native.Message);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Softplus(beta: 0));
        Assert.Equal("beta", range.ParamName);
        range = Assert.Throws<ArgumentOutOfRangeException>(() => new PReLU(0));
        Assert.Equal("numParameters", range.ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => new Activation(ActivationKind.PRelu)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Activation((ActivationKind)99)).ParamName);
        // A PReLU with per-channel slopes rejects an input with another channel count.
        using var prelu = new PReLU(4);
        Assert.Throws<TorchException>(() => prelu.Forward(x));
    }
}
