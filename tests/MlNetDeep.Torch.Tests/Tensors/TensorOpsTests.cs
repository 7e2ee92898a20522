using System.Text.Json;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Tensors;

/// <summary>
/// Forward values of every tensor operation, and the gradients of composite expressions, against
/// PyTorch (Fixtures/make_tensor_ops.py writes tensor_ops.json; each name there has its twin in
/// <see cref="Ops"/>, written with this binding's API).
/// </summary>
public class TensorOpsTests
{
    private static readonly JsonElement Data = Fixture.Load("tensor_ops.json");

    private static Tensor In(string name)
    {
        var e = Data.GetProperty("inputs").GetProperty(name);
        return e.Tensor(Enum.Parse<ScalarType>(e.GetProperty("dtype").GetString()!));
    }

    private static Tensor Longs(params long[] values) => Torch.Tensor(values);

    private static readonly Dictionary<string, Func<Tensor>> Ops = new()
    {
        // arithmetic
        ["op_add"] = () => In("a") + In("b"),
        ["add"] = () => In("a").Add(In("b")),
        ["add_bcast"] = () => In("a") + In("row"),
        ["add_alpha"] = () => In("a").Add(In("b"), alpha: 2.5),
        ["add_scalar"] = () => In("a") + 1.5,
        ["scalar_add"] = () => 1.5 + In("a"),
        ["op_sub"] = () => In("a") - In("b"),
        ["sub_alpha"] = () => In("a").Sub(In("row"), alpha: 0.5),
        ["sub_scalar"] = () => In("a") - 1.5,
        ["rsub_scalar"] = () => 1.5 - In("a"),
        ["op_mul"] = () => In("a") * In("b"),
        ["mul_bcast"] = () => In("a").Mul(In("row")),
        ["mul_scalar"] = () => In("a") * -2.0,
        ["scalar_mul"] = () => -2.0 * In("a"),
        ["op_div"] = () => In("a") / In("pos"),
        ["div_scalar"] = () => In("a") / 4.0,
        ["rdiv_scalar"] = () => 2.0 / In("pos"),
        ["div_int"] = () => In("ints") / 4,
        ["rdiv_int"] = () => 3.0 / In("ints"),
        ["add_int_scalar"] = () => In("ints") + 0.5,
        ["op_neg"] = () => -In("a"),
        ["neg"] = () => In("a").Neg(),
        ["pow_scalar"] = () => In("pos").Pow(2.5),
        ["pow_tensor"] = () => In("pos").Pow(In("b")),
        ["exp"] = () => In("a").Exp(),
        ["log"] = () => In("pos").Log(),
        ["sqrt"] = () => In("pos").Sqrt(),
        ["abs"] = () => In("a").Abs(),
        ["sign"] = () => Torch.Tensor(new float[] { -2, 0, 3 }, new long[] { 1, 3 }).Sign(),
        ["clamp"] = () => In("a").Clamp(-0.5, 0.5),
        ["clamp_min"] = () => In("a").Clamp(min: 0),
        ["clamp_max"] = () => In("a").Clamp(max: 0.2),
        ["matmul"] = () => In("m1").MatMul(In("m2")),
        ["matmul_batched"] = () => In("x").MatMul(In("m2").Transpose(0, 1)),
        ["matvec"] = () => Torch.MatMul(In("m1"), In("row")),
        ["add_"] = () => In("a").Clone().Add_(In("b"), alpha: -0.5),
        ["mul_"] = () => In("a").Clone().Mul_(3.0),
        ["zero_"] = () => In("a").Clone().Zero_(),
        // reductions
        ["sum"] = () => In("x").Sum(),
        ["sum_dims"] = () => In("x").Sum(new long[] { 0, 2 }),
        ["sum_keep"] = () => In("x").Sum(1, keepDim: true),
        ["sum_int"] = () => In("ints").Sum(),
        ["mean"] = () => In("x").Mean(),
        ["mean_dims"] = () => In("x").Mean(new long[] { 1 }),
        ["mean_keep"] = () => In("x").Mean(2, keepDim: true),
        ["max"] = () => In("x").Max(),
        ["min"] = () => In("x").Min(),
        ["max_dim_values"] = () => In("x").Max(1).Values,
        ["max_dim_indices"] = () => In("x").Max(1).Indices,
        ["min_dim_values"] = () => In("x").Min(2, keepDim: true).Values,
        ["min_dim_indices"] = () => In("x").Min(2, keepDim: true).Indices,
        ["argmax"] = () => In("x").ArgMax(),
        ["argmax_dim"] = () => In("x").ArgMax(2),
        ["argmin"] = () => In("x").ArgMin(),
        ["argmin_keep"] = () => In("x").ArgMin(1, keepDim: true),
        ["var"] = () => In("x").Var(),
        ["var_biased"] = () => In("x").Var(unbiased: false),
        ["var_dims"] = () => In("x").Var(new long[] { 0, 2 }, unbiased: true, keepDim: true),
        ["std"] = () => In("x").Std(),
        ["std_dim_biased"] = () => In("x").Std(1, unbiased: false),
        ["norm"] = () => In("x").Norm(),
        ["norm1"] = () => In("x").Norm(1),
        ["norm_inf"] = () => In("x").Norm(double.PositiveInfinity),
        ["norm_dim"] = () => In("x").Norm(2, new long[] { 2 }, keepDim: true),
        // comparisons
        ["eq"] = () => In("p").Eq(In("q")),
        ["ne"] = () => In("p").Ne(In("q")),
        ["lt"] = () => In("p").Lt(In("q")),
        ["le"] = () => In("p").Le(In("q")),
        ["gt"] = () => In("p").Gt(In("q")),
        ["ge"] = () => In("p").Ge(In("q")),
        ["eq_scalar"] = () => In("p").Eq(2),
        ["ne_scalar"] = () => In("p").Ne(2),
        ["lt_scalar"] = () => In("p").Lt(3),
        ["le_scalar"] = () => In("p").Le(3),
        ["gt_scalar"] = () => In("p").Gt(3),
        ["ge_scalar"] = () => In("p").Ge(3),
        ["gt_bcast"] = () => In("a").Gt(In("row")),
        ["where"] = () => Torch.Where(In("a").Gt(0), In("a"), In("b")),
        ["where_bcast"] = () => Torch.Where(In("p").Eq(In("q")), In("p"), In("row")),
        // shape and views
        ["reshape"] = () => In("x").Reshape(4, -1),
        ["view"] = () => In("x").View(6, 4),
        ["permute"] = () => In("x").Permute(2, 0, 1),
        ["transpose"] = () => In("x").Transpose(0, 2),
        ["squeeze"] = () => In("x").Reshape(2, 1, 3, 1, 4).Squeeze(),
        ["squeeze_dim"] = () => In("x").Reshape(2, 1, 3, 1, 4).Squeeze(1),
        ["unsqueeze"] = () => In("a").Unsqueeze(1),
        ["flatten"] = () => In("x").Flatten(),
        ["flatten_1"] = () => In("x").Flatten(1),
        ["flatten_0_1"] = () => In("x").Flatten(0, 1),
        ["contiguous"] = () => In("x").Transpose(0, 1).Contiguous(),
        ["expand"] = () => In("row").Expand(4, 3),
        ["expand_keep"] = () => In("a").Unsqueeze(1).Expand(-1, 5, -1),
        ["narrow"] = () => In("x").Narrow(0, 1, 1),
        ["narrow_2"] = () => In("x").Narrow(2, 1, 2),
        ["select"] = () => In("x").Select(1, 2),
        ["select_neg"] = () => In("x").Select(-1, 0),
        ["slice_step"] = () => In("x").Slice(1, 0, 3, 2),
        ["slice_open_end"] = () => In("x").Slice(2, 1, null),
        ["slice_neg"] = () => In("x").Slice(-1, -3, -1),
        ["slice_open_start"] = () => In("x").Slice(1, null, 2),
        ["index_select"] = () => In("x").IndexSelect(1, In("idx")),
        ["index_select0"] = () => In("x").IndexSelect(0, Longs(1, 0)),
        ["gather"] = () => In("a").Gather(1, In("gidx")),
        ["cat"] = () => Torch.Cat([In("a"), In("b")]),
        ["cat_1"] = () => Torch.Cat([In("a"), In("m1"), In("b")], 1),
        ["stack"] = () => Torch.Stack([In("a"), In("b")]),
        ["stack_last"] = () => Torch.Stack([In("a"), In("b")], -1),
    };

    public static TheoryData<string> OpNames => new(Ops.Keys);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void ForwardMatchesPyTorch(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var expected = Data.GetProperty("ops").GetProperty(name);
        var actual = Ops[name]();
        Assert.Equal(expected.GetProperty("dtype").GetString(), actual.Dtype.ToString());
        Fixture.AssertClose(expected, actual, what: name);
    }

    [Fact]
    public void EveryFixtureOpHasATwinHere()
    {
        var inFixture = Data.GetProperty("ops").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(inFixture, Ops.Keys.Order());
    }

    // ---- gradients of composite expressions, against PyTorch's autograd --------------------

    private static readonly Dictionary<string, Func<Dictionary<string, Tensor>, Tensor>> GradCases = new()
    {
        ["elementwise"] = v =>
        {
            var (a, b, pos) = (v["a"], v["b"], v["pos"]);
            return ((a * b).Exp() / pos + pos.Log() * b - a.Pow(2.0) + (2.0 - a) * pos.Sqrt()).Mean();
        },
        ["shapes"] = v =>
        {
            var x = v["x"];
            return Torch.Cat([x.Narrow(1, 0, 2), x.IndexSelect(1, In("idx"))], 1).Permute(2, 0, 1).Reshape(4, -1).Sum(1).Pow(2).Sum();
        },
        ["matmul"] = v => v["m1"].MatMul(v["m2"]).Pow(2).Sum() + Torch.Stack([v["m1"], v["m1"] * 2]).Sum(),
        ["reductions"] = v =>
        {
            var x = v["x"];
            return x.Var(1).Sum() + x.Std() + x.Norm() + x.Max(1).Values.Sum() + x.Gather(2, x.ArgMin(2, keepDim: true)).Sum();
        },
    };

    public static TheoryData<string> GradCaseNames => new(GradCases.Keys);

    [Theory]
    [MemberData(nameof(GradCaseNames))]
    public void GradientsMatchPyTorch(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var expected = Data.GetProperty("grads").GetProperty(name);
        var leaves = expected.GetProperty("grads").EnumerateObject()
            .ToDictionary(p => p.Name, p => In(p.Name).RequiresGrad_());
        var loss = GradCases[name](leaves);
        Fixture.AssertClose(new[] { expected.GetProperty("loss").GetDouble() }, new[] { loss.Item() }, what: name + " loss");
        loss.Backward();
        foreach (var g in expected.GetProperty("grads").EnumerateObject())
            Fixture.AssertClose(g.Value, leaves[g.Name].Grad!, what: $"{name} d/d{g.Name}");
    }

    [Fact]
    public void EveryFixtureGradientCaseHasATwinHere() =>
        Assert.Equal(Data.GetProperty("grads").EnumerateObject().Select(p => p.Name).Order(), GradCases.Keys.Order());
}
