using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Tensors;

/// <summary>
/// Autograd through each differentiable operation against float64 central differences. The
/// other operand of a binary op is a fixed constant, and both sides of non-symmetric ops
/// (div, pow, matmul) are checked.
/// </summary>
public class TensorOpsGradCheckTests
{
    // Deterministic values; `positive` keeps them in [0.5, 2) for log, sqrt, pow and divisors.
    private static double[] Values(long[] shape, int seed, bool positive = false)
    {
        var rng = new Random(seed);
        var n = shape.Aggregate(1L, (p, s) => p * s);
        return Enumerable.Range(0, (int)n).Select(_ => positive ? 0.5 + 1.5 * rng.NextDouble() : rng.NextDouble() * 4 - 2).ToArray();
    }

    private static Tensor Const(long[] shape, int seed, bool positive = false) => Torch.Tensor(Values(shape, seed, positive), shape);

    private static readonly long[] S23 = { 2, 3 };

    private static readonly Dictionary<string, (long[] Shape, bool Positive, Func<Tensor, Tensor> F)> Cases = new()
    {
        ["add"] = (S23, false, x => x + Const(S23, 1)),
        ["add_broadcast_alpha"] = (new long[] { 3 }, false, x => Const(S23, 1).Add(x, alpha: 2.0)),
        ["sub"] = (S23, false, x => Const(S23, 1) - x),
        ["mul"] = (S23, false, x => x * Const(S23, 1)),
        ["mul_scalar"] = (S23, false, x => x * -3.0),
        ["div_numerator"] = (S23, false, x => x / Const(S23, 1, positive: true)),
        ["div_denominator"] = (S23, true, x => Const(S23, 1) / x),
        ["rdiv_scalar"] = (S23, true, x => 2.0 / x),
        ["pow_scalar"] = (S23, true, x => x.Pow(3.0)),
        ["pow_base"] = (S23, true, x => x.Pow(Const(S23, 1))),
        ["pow_exponent"] = (S23, false, x => Const(S23, 1, positive: true).Pow(x)),
        ["exp"] = (S23, false, x => x.Exp()),
        ["log"] = (S23, true, x => x.Log()),
        ["sqrt"] = (S23, true, x => x.Sqrt()),
        ["matmul_left"] = (S23, false, x => x.MatMul(Const(new long[] { 3, 4 }, 1))),
        ["matmul_right"] = (new long[] { 3, 4 }, false, x => Const(S23, 1).MatMul(x)),
        ["sum"] = (S23, false, x => x.Sum()),
        ["sum_dim_keep"] = (new long[] { 2, 3, 4 }, false, x => x.Sum(1, keepDim: true)),
        ["mean"] = (S23, false, x => x.Mean()),
        ["mean_dims"] = (new long[] { 2, 3, 4 }, false, x => x.Mean(new long[] { 0, 2 })),
        ["var"] = (new long[] { 2, 3, 4 }, false, x => x.Var(2)),
        ["norm"] = (S23, false, x => x.Norm()),
        ["reshape"] = (new long[] { 2, 3, 4 }, false, x => x.Reshape(4, 6) * Const(new long[] { 4, 6 }, 1)),
        ["permute"] = (new long[] { 2, 3, 4 }, false, x => x.Permute(2, 0, 1)),
        ["index_select_repeats"] = (new long[] { 4, 3 }, false, x => x.IndexSelect(0, Torch.Tensor(new long[] { 3, 0, 3 }))),
        ["cat"] = (S23, false, x => Torch.Cat([x, x * 2.0, Const(S23, 1)], 1)),
        ["narrow"] = (new long[] { 2, 5 }, false, x => x.Narrow(1, 1, 3)),
        ["expand"] = (new long[] { 2, 1 }, false, x => x.Expand(2, 4)),
        ["where"] = (S23, false, x => Torch.Where(Const(S23, 1).Gt(0), x, x * x)),
        ["gather"] = (S23, false, x => x.Gather(1, Torch.Tensor(new long[] { 0, 0, 2, 1 }, new long[] { 2, 2 }))),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void AutogradMatchesFiniteDifferences(string name)
    {
        var (shape, positive, f) = Cases[name];
        GradCheck.Check(f, Values(shape, 7, positive), shape, what: name);
    }
}
