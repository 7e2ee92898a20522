using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

public class InitTests
{
    private static (double Mean, double Std, double Min, double Max) Stats(float[] v)
    {
        double mean = v.Average(x => (double)x);
        double var = v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1);
        return (mean, Math.Sqrt(var), v.Min(), v.Max());
    }

    [Fact]
    public void FansMatchPyTorchForLinearConvAndRecurrentWeights()
    {
        var fans = Fixture.Load("init.json").GetProperty("fans").EnumerateArray().ToList();
        Assert.True(fans.Count >= 6);
        foreach (var f in fans)
        {
            var (fanIn, fanOut) = Init.FanInAndFanOut(f.GetProperty("shape").Longs());
            var what = f.GetProperty("module").GetString() + "." + f.GetProperty("parameter").GetString();
            Assert.True(f.GetProperty("fan_in").GetInt64() == fanIn, what + " fan_in");
            Assert.True(f.GetProperty("fan_out").GetInt64() == fanOut, what + " fan_out");
        }
        // Conv2d(3 → 16, kernel 5×3): receptive field 15.
        Assert.Equal((45L, 240L), Init.FanInAndFanOut(new long[] { 16, 3, 5, 3 }));
        using var linear = new Linear(7, 3);
        using var w = linear.NamedParameters()[0].Tensor;
        Assert.Equal((7L, 3L), Init.FanInAndFanOut(w));
    }

    [Fact]
    public void FansNeedTwoDimensions()
    {
        var ex = Assert.Throws<ArgumentException>(() => Init.FanInAndFanOut(new long[] { 5 }));
        Assert.Equal("shape", ex.ParamName);
        using var scope = Torch.NewDisposeScope();
        Assert.Throws<ArgumentException>(() => Init.HeNormal(Torch.Zeros(new long[] { 5 })));
    }

    [Fact]
    public void SeededDrawsEqualPyTorchsInitializers()
    {
        // Same libtorch generator and kernels: after the same seed, the same values.
        using var scope = Torch.NewDisposeScope();
        foreach (var d in Fixture.Load("init.json").GetProperty("draws").EnumerateArray())
        {
            var name = d.GetProperty("initializer").GetString()!;
            var expected = d.GetProperty("values");
            var t = Torch.Zeros(expected.GetProperty("shape").Longs());
            Torch.ManualSeed((ulong)d.GetProperty("seed").GetInt64());
            if (name == "normal") Init.Normal(t, 0.5, 0.02);
            else Initializer.FromName(name).Apply(t);
            Fixture.AssertClose(expected, t, what: $"{name} [{string.Join(",", t.Shape)}]");
        }
    }

    public static IEnumerable<object[]> NormalCases() => new[]
    {
        new object[] { "xavier_normal", Math.Sqrt(2.0 / (256 + 512)) },
        new object[] { "he_normal", Math.Sqrt(2.0 / 256) },
    };

    [Theory]
    [MemberData(nameof(NormalCases))]
    public void NormalInitializersHaveTheFormulasStd(string name, double sigma)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(7);
        var t = Initializer.FromName(name).Apply(Torch.Zeros(new long[] { 512, 256 }));
        var (mean, std, _, _) = Stats(t.ToArray<float>());
        Assert.InRange(std / sigma, 0.97, 1.03);
        Assert.InRange(Math.Abs(mean), 0, 4 * sigma / Math.Sqrt(512 * 256));
    }

    public static IEnumerable<object[]> UniformCases() => new[]
    {
        new object[] { "xavier_uniform", Math.Sqrt(6.0 / (256 + 512)) },
        new object[] { "he_uniform", Math.Sqrt(6.0 / 256) },
        new object[] { "uniform_fan_in", 1 / Math.Sqrt(256) },
    };

    [Theory]
    [MemberData(nameof(UniformCases))]
    public void UniformInitializersRespectAndNearlyReachTheirBounds(string name, double bound)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(7);
        var t = Initializer.FromName(name).Apply(Torch.Zeros(new long[] { 512, 256 }));
        var (mean, std, min, max) = Stats(t.ToArray<float>());
        Assert.InRange(min, -bound * (1 + 1e-6), -0.999 * bound);
        Assert.InRange(max, 0.999 * bound, bound * (1 + 1e-6));
        Assert.InRange(std / (bound / Math.Sqrt(3)), 0.97, 1.03);
        Assert.InRange(Math.Abs(mean), 0, 4 * bound / Math.Sqrt(3 * 512 * 256));
    }

    [Fact]
    public void NormalWithMeanAndStd()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Init.Normal(Torch.Zeros(new long[] { 512, 256 }), mean: 3, std: 0.5);
        var (mean, std, _, _) = Stats(t.ToArray<float>());
        Assert.InRange(std, 0.485, 0.515);
        Assert.InRange(mean, 3 - 0.01, 3 + 0.01);
    }

    [Fact]
    public void SameSeedSameWeightsOtherSeedOtherWeights()
    {
        using var scope = Torch.NewDisposeScope();
        float[] Draw(ulong seed)
        {
            Torch.ManualSeed(seed);
            return Init.XavierUniform(Torch.Zeros(new long[] { 64, 32 })).ToArray<float>();
        }
        Assert.Equal(Draw(11), Draw(11));
        Assert.NotEqual(Draw(11), Draw(12));
    }

    [Fact]
    public void ZerosAndConstant()
    {
        using var scope = Torch.NewDisposeScope();
        Assert.All(Init.Constant(Torch.Rand(new long[] { 3, 4 }), 0.25).ToArray<float>(), v => Assert.Equal(0.25f, v));
        Assert.All(Initializer.Zeros.Apply(Torch.Rand(new long[] { 3, 4 })).ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(Initializer.Constant(-2).Apply(Torch.Rand(new long[] { 5 })).ToArray<float>(), v => Assert.Equal(-2f, v));
    }

    [Fact]
    public void ApplyToModuleInitialisesWeightsAndZeroesBiasesKeepingThemTrainable()
    {
        using var scope = Torch.NewDisposeScope();
        using var net = new Sequential(new Linear(64, 128), new Linear(128, 10));
        Torch.ManualSeed(3);
        Init.Apply(net, Initializer.HeNormal);
        foreach (var (name, p) in net.NamedParameters())
        {
            var v = p.ToArray<float>();
            Assert.True(p.RequiresGrad, name);
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                Assert.All(v, x => Assert.Equal(0f, x));
            }
            else
            {
                var sigma = Math.Sqrt(2.0 / p.Shape[1]);
                Assert.InRange(Stats(v).Std / sigma, 0.9, 1.1);
            }
        }
        // Still a leaf that trains: the initialisation recorded no autograd history.
        var y = net.Forward(Torch.Ones(new long[] { 2, 64 }));
        using var mse = new MSELoss();
        mse.Compute(y, Torch.Zeros(new long[] { 2, 10 })).Backward();
        Assert.All(net.Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void InitializerNamesAndAliases()
    {
        Assert.Same(Initializer.XavierUniform, Initializer.FromName("glorot_uniform"));
        Assert.Same(Initializer.XavierNormal, Initializer.FromName("Glorot_Normal"));
        Assert.Same(Initializer.HeNormal, Initializer.FromName("kaiming_normal"));
        Assert.Same(Initializer.HeUniform, Initializer.FromName("he_uniform"));
        Assert.Same(Initializer.UniformFanIn, Initializer.FromName("default"));
        Assert.Same(Initializer.Zeros, Initializer.FromName("zeros"));
        foreach (var i in new[] { Initializer.Zeros, Initializer.UniformFanIn, Initializer.XavierNormal, Initializer.XavierUniform, Initializer.HeNormal, Initializer.HeUniform })
            Assert.Same(i, Initializer.FromName(i.Name));
        var ex = Assert.Throws<ArgumentException>(() => Initializer.FromName("lecun_magic"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("lecun_magic", ex.Message);
    }

    [Fact]
    public void InvalidArgumentsNameParameterAndValue()
    {
        using var scope = Torch.NewDisposeScope();
        var t = Torch.Zeros(new long[] { 4, 4 });
        var std = Assert.Throws<ArgumentOutOfRangeException>(() => Init.Normal(t, 0, -1));
        Assert.Equal("std", std.ParamName);
        Assert.Contains("std=-1", std.Message);
        Assert.Equal("std", Assert.Throws<ArgumentOutOfRangeException>(() => Initializer.Normal(0, double.NaN)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => Init.XavierNormal(t, gain: 0)).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Init.Uniform(t, 1, -1)).ParamName);
    }
}
