using System.Text.Json;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Torch.Tests.Support;

namespace MlNetDeep.Torch.Tests.Optim;

/// <summary>
/// Every optimizer against PyTorch 1.13 (Fixtures/make_optim.py): the same initial weights and
/// the same gradient at each of 5 steps (one step leaves a parameter without a gradient), and
/// the parameters after every step compared to 1e-5 relative.
/// </summary>
public class OptimizerGoldenTests
{
    private static readonly JsonElement Cases = Fixture.Load("optim.json").GetProperty("optimizers");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    // Each case gives only the options PyTorch's script gave, so the others come from the
    // binding's defaults, which HyperParametersMatchPyTorch compares with PyTorch's.
    private static Optimizer Create(string name, IReadOnlyList<Tensor> p) => name switch
    {
        "sgd_plain" => new SGD(p, lr: 0.1),
        "sgd_momentum" => new SGD(p, lr: 0.1, momentum: 0.9, dampening: 0.1),
        "sgd_nesterov" => new SGD(p, lr: 0.05, momentum: 0.9, nesterov: true),
        "sgd_weight_decay" => new SGD(p, lr: 0.1, momentum: 0.5, weightDecay: 0.01),
        "adam" => new Adam(p, lr: 0.01),
        "adam_amsgrad" => new Adam(p, lr: 0.01, beta1: 0.8, beta2: 0.99, amsgrad: true),
        "adam_weight_decay" => new Adam(p, lr: 0.01, weightDecay: 0.1),
        "adamw" => new AdamW(p, lr: 0.01, weightDecay: 0.1),
        "adamw_amsgrad" => new AdamW(p, lr: 0.02, amsgrad: true),
        "rmsprop" => new RMSprop(p, lr: 0.01),
        "rmsprop_centered_momentum" => new RMSprop(p, lr: 0.01, alpha: 0.9, centered: true, momentum: 0.9, weightDecay: 0.01),
        "adagrad" => new Adagrad(p, lr: 0.1),
        "adagrad_options" => new Adagrad(p, lr: 0.1, lrDecay: 0.05, weightDecay: 0.01, initialAccumulatorValue: 0.1, eps: 1e-8),
        "adadelta" => new Adadelta(p, weightDecay: 0.01),
        "adamax" => new Adamax(p, lr: 0.01, weightDecay: 0.01),
        "nadam" => new NAdam(p, lr: 0.01, weightDecay: 0.01),
        _ => throw new ArgumentException($"No optimizer for fixture case {name}."),
    };

    private static JsonElement Case(string name) => Cases.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void FiveStepsMatchPyTorch(string name)
    {
        var c = Case(name);
        using var scope = Torch.NewDisposeScope();
        var parameters = c.GetProperty("initial").EnumerateArray().Select(t => t.Tensor().RequiresGrad_()).ToList();
        using var optimizer = Create(name, parameters);

        int step = 0;
        foreach (var s in c.GetProperty("steps").EnumerateArray())
        {
            var grads = s.GetProperty("grads").EnumerateArray().ToList();
            for (int i = 0; i < parameters.Count; i++)
                parameters[i].SetGrad(grads[i].ValueKind == JsonValueKind.Null ? null : grads[i].Tensor());
            optimizer.Step();
            var expected = s.GetProperty("params").EnumerateArray().ToList();
            for (int i = 0; i < parameters.Count; i++)
                Fixture.AssertClose(expected[i], parameters[i], rtol: 1e-5, atol: 1e-6, what: $"{name} step {step + 1} parameter {i}");
            step++;
        }
        Assert.Equal(5, step);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HyperParametersMatchPyTorch(string name)
    {
        using var scope = Torch.NewDisposeScope();
        using var optimizer = Create(name, new[] { Torch.Zeros(new long[] { 2 }).RequiresGrad_() });
        foreach (var h in Case(name).GetProperty("hyper").EnumerateObject())
        {
            if (h.Name == "betas")
            {
                var betas = h.Value.Doubles();
                Assert.Equal(betas[0], Property<double>(optimizer, "Beta1"));
                Assert.Equal(betas[1], Property<double>(optimizer, "Beta2"));
            }
            else if (h.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                Assert.Equal(h.Value.GetBoolean(), Property<bool>(optimizer, PascalCase(h.Name)));
            }
            else
            {
                var property = h.Name == "lr" ? nameof(Optimizer.LearningRate) : PascalCase(h.Name);
                Assert.Equal(h.Value.GetDouble(), Property<double>(optimizer, property));
            }
        }
    }

    private static T Property<T>(object o, string name) =>
        (T)(o.GetType().GetProperty(name)?.GetValue(o) ?? throw new InvalidOperationException($"{o.GetType().Name} has no property {name}."));

    private static string PascalCase(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
