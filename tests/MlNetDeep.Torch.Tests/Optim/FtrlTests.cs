using MlNetDeep.Torch.Optim;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Optim;

/// <summary>
/// FTRL has no PyTorch twin, so it is checked against an independent reference: a plain loop
/// over doubles that follows TensorFlow's documented ApplyFtrlV2 update (with Keras' beta folded
/// into l2), written here from the documentation rather than from the native code.
/// </summary>
public class FtrlTests
{
    private sealed record Options(double Lr, double LrPower, double InitialAccumulator, double L1, double L2, double L2Shrinkage, double Beta);

    /// <summary>One FTRL-Proximal step on one element, in TensorFlow's documented form.</summary>
    private static void ReferenceStep(Options o, ref double w, ref double accum, ref double linear, double grad)
    {
        var l2 = o.L2 + o.Beta / (2 * o.Lr); // Keras adds beta / (2·lr) to the L2 strength
        var gradWithShrinkage = grad + 2 * o.L2Shrinkage * w;
        var accumNew = accum + grad * grad;
        linear += gradWithShrinkage - (Math.Pow(accumNew, -o.LrPower) - Math.Pow(accum, -o.LrPower)) / o.Lr * w;
        var quadratic = 1.0 / (Math.Pow(accumNew, o.LrPower) * o.Lr) + 2 * l2;
        w = Math.Abs(linear) > o.L1 ? (Math.Sign(linear) * o.L1 - linear) / quadratic : 0.0;
        accum = accumNew;
    }

    public static TheoryData<int> Cases() => new() { 0, 1 };

    private static readonly Options[] Settings =
    {
        new(Lr: 0.1, LrPower: -0.5, InitialAccumulator: 0.1, L1: 0.05, L2: 0.02, L2Shrinkage: 0, Beta: 0),
        new(Lr: 0.3, LrPower: -0.7, InitialAccumulator: 0.2, L1: 0.1, L2: 0.05, L2Shrinkage: 0.01, Beta: 0.3),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FiveStepsMatchTheDocumentedUpdateRule(int setting)
    {
        var o = Settings[setting];
        var rng = new Random(7 + setting);
        long[][] shapes = { new long[] { 3, 4 }, new long[] { 4 } };
        var w = shapes.Select(s => Enumerable.Range(0, (int)s.Aggregate(1L, (a, b) => a * b)).Select(_ => rng.NextDouble() * 2 - 1).ToArray()).ToArray();
        var accum = w.Select(v => v.Select(_ => o.InitialAccumulator).ToArray()).ToArray();
        var linear = w.Select(v => new double[v.Length]).ToArray();

        using var scope = Torch.NewDisposeScope();
        var parameters = w.Select((v, i) => Torch.Tensor(v, shapes[i]).RequiresGrad_()).ToList();
        using var ftrl = new Ftrl(parameters, learningRate: o.Lr, learningRatePower: o.LrPower, initialAccumulatorValue: o.InitialAccumulator,
            l1RegularizationStrength: o.L1, l2RegularizationStrength: o.L2, l2ShrinkageRegularizationStrength: o.L2Shrinkage, beta: o.Beta);

        int zeros = 0, total = 0;
        for (int step = 0; step < 5; step++)
        {
            for (int i = 0; i < w.Length; i++)
            {
                // Gradients of mixed sizes, so some weights stay inside the L1 dead zone and some leave it.
                var g = w[i].Select((_, j) => (rng.NextDouble() * 2 - 1) * (j % 3 == 0 ? 0.02 : 1.0)).ToArray();
                for (int j = 0; j < g.Length; j++) ReferenceStep(o, ref w[i][j], ref accum[i][j], ref linear[i][j], g[j]);
                parameters[i].SetGrad(Torch.Tensor(g, shapes[i]));
            }
            ftrl.Step();
            for (int i = 0; i < w.Length; i++)
            {
                var actual = parameters[i].ToArray<double>();
                Fixture.AssertClose(w[i], actual, rtol: 1e-10, atol: 1e-12, what: $"setting {setting} step {step + 1} parameter {i}");
                zeros += w[i].Count(v => v == 0);
                total += w[i].Length;
                for (int j = 0; j < actual.Length; j++)
                    Assert.True((w[i][j] == 0) == (actual[j] == 0), $"step {step + 1} parameter {i} element {j}: zero pattern differs");
            }
        }
        // Both branches of the update ran: L1 zeroed some weights and left others non-zero.
        Assert.InRange(zeros, 1, total - 1);
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        using var scope = Torch.NewDisposeScope();
        using var ftrl = new Ftrl(new[] { Torch.Zeros(new long[] { 2 }).RequiresGrad_() });
        Assert.Equal(0.001, ftrl.LearningRate);
        Assert.Equal(-0.5, ftrl.LearningRatePower);
        Assert.Equal(0.1, ftrl.InitialAccumulatorValue);
        Assert.Equal(0.0, ftrl.L1RegularizationStrength);
        Assert.Equal(0.0, ftrl.L2RegularizationStrength);
        Assert.Equal(0.0, ftrl.L2ShrinkageRegularizationStrength);
        Assert.Equal(0.0, ftrl.Beta);
    }
}
