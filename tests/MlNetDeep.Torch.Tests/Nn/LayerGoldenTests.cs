using System.Text.Json;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Nn;

/// <summary>
/// Every layer against PyTorch (Fixtures/make_layers.py): with PyTorch's parameters copied in,
/// the output and the gradients of Σ output·g (input and parameters) must match; batch norm
/// also matches the running statistics after the training step and the evaluation output.
/// </summary>
public class LayerGoldenTests
{
    private static readonly Lazy<JsonElement> Cases = new(() => Fixture.Load("layers.json").GetProperty("cases"));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        var c = Cases.Value.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        using var scope = Torch.NewDisposeScope();
        using var layer = Build(c.GetProperty("config"));

        var parameters = layer.NamedParameters();
        Assert.Equal(c.GetProperty("params").EnumerateObject().Select(p => p.Name), parameters.Select(p => p.Name));
        foreach (var (n, t) in parameters) t.CopyFrom(c.GetProperty("params").GetProperty(n).Tensor());
        var buffers = layer.NamedBuffers();
        Assert.Equal(c.GetProperty("buffers").EnumerateObject().Select(p => p.Name), buffers.Select(p => p.Name));
        foreach (var (n, t) in buffers) CopyBuffer(t, c.GetProperty("buffers").GetProperty(n));

        var isIndex = c.GetProperty("config").GetProperty("type").GetString() == "Embedding";
        var x = isIndex ? c.GetProperty("input").Tensor(ScalarType.Int64) : c.GetProperty("input").Tensor().RequiresGrad_();
        layer.Train();
        var y = layer.Forward(x);
        Fixture.AssertClose(c.GetProperty("output"), y, what: $"{name} output");

        y.Backward(c.GetProperty("upstream").Tensor());
        if (!isIndex) Fixture.AssertClose(c.GetProperty("grad_input"), x.Grad!, what: $"{name} input gradient");
        foreach (var (n, t) in parameters)
            Fixture.AssertClose(c.GetProperty("grads").GetProperty(n), t.Grad ?? throw new Xunit.Sdk.XunitException($"{name}: {n} has no gradient"),
                what: $"{name} {n} gradient");

        if (c.TryGetProperty("buffers_after", out var after))
        {
            foreach (var (n, t) in buffers)
            {
                if (t.Dtype == ScalarType.Int64)
                    Assert.Equal(after.GetProperty(n).GetProperty("data").Longs(), t.ToArray<long>());
                else
                    Fixture.AssertClose(after.GetProperty(n), t, what: $"{name} {n} after a training step");
            }
            layer.Eval();
            using var noGrad = Torch.NoGrad();
            Fixture.AssertClose(c.GetProperty("eval_output"), layer.Forward(x), what: $"{name} evaluation output");
        }
    }

    private static void CopyBuffer(Tensor target, JsonElement source)
    {
        // A 0-d buffer (num_batches_tracked) cannot take a copy of a 1-element fixture tensor.
        if (target.Dtype == ScalarType.Int64) target.Fill(source.GetProperty("data").Longs().Single());
        else target.CopyFrom(source.Tensor());
    }

    /// <summary>Builds the C# layer that the fixture's PyTorch configuration describes.</summary>
    internal static Module Build(JsonElement cfg)
    {
        long L(string p) => cfg.GetProperty(p).GetInt64();
        long[] A(string p) => cfg.GetProperty(p).Longs();
        (long, long) P(string p) => (A(p)[0], A(p)[1]);
        Padding Pad() => cfg.GetProperty("padding") switch
        {
            { ValueKind: JsonValueKind.String } s => s.GetString() == "same" ? Padding.Same : Padding.Valid,
            var a => Padding.Explicit(a.Longs()),
        };
        return cfg.GetProperty("type").GetString() switch
        {
            "Conv1d" => new Conv1d(L("in"), L("out"), A("kernel")[0], A("stride")[0], Pad(), A("dilation")[0], L("groups"), cfg.GetProperty("bias").GetBoolean()),
            "Conv2d" => new Conv2d(L("in"), L("out"), P("kernel"), P("stride"), Pad(), P("dilation"), L("groups"), cfg.GetProperty("bias").GetBoolean()),
            "MaxPool1d" => new MaxPool1d(A("kernel")[0], A("stride")[0], A("padding")[0]),
            "AvgPool1d" => new AvgPool1d(A("kernel")[0], A("stride")[0], A("padding")[0]),
            "MinPool1d" => new MinPool1d(A("kernel")[0], A("stride")[0], A("padding")[0]),
            "MaxPool2d" => new MaxPool2d(P("kernel"), P("stride"), P("padding")),
            "AvgPool2d" => new AvgPool2d(P("kernel"), P("stride"), P("padding")),
            "MinPool2d" => new MinPool2d(P("kernel"), P("stride"), P("padding")),
            "GlobalAvgPool1d" => new GlobalAvgPool1d(),
            "GlobalAvgPool2d" => new GlobalAvgPool2d(),
            "GlobalMaxPool1d" => new GlobalMaxPool1d(),
            "GlobalMaxPool2d" => new GlobalMaxPool2d(),
            "BatchNorm1d" => new BatchNorm1d(L("features"), cfg.GetProperty("eps").GetDouble(), Momentum(cfg), cfg.GetProperty("affine").GetBoolean()),
            "BatchNorm2d" => new BatchNorm2d(L("features"), cfg.GetProperty("eps").GetDouble(), Momentum(cfg), cfg.GetProperty("affine").GetBoolean()),
            "Flatten" => new Flatten((int)L("start"), (int)L("end")),
            "Embedding" => new Embedding(L("num"), L("dim"), cfg.GetProperty("padding_idx").ValueKind == JsonValueKind.Null ? null : L("padding_idx")),
            var t => throw new NotSupportedException(t),
        };
    }

    private static double? Momentum(JsonElement cfg) =>
        cfg.GetProperty("momentum").ValueKind == JsonValueKind.Null ? null : cfg.GetProperty("momentum").GetDouble();
}
