using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Training;

/// <summary>
/// Measures dead ReLUs: runs a <see cref="Sequential"/> layer by layer on a probe batch (eval
/// mode, no gradients) and, after each ReLU layer, counts the units — the features of a row,
/// every position of a feature map counting as one — whose output is 0 for every row.
/// </summary>
public static class DeadRelu
{
    /// <summary>The fraction of dead units after each ReLU layer, by the layer's index in the stack.
    /// Leaves the model in evaluation mode.</summary>
    public static IReadOnlyDictionary<int, double> Fractions(Sequential model, Tensor probe)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probe);
        var result = new Dictionary<int, double>();
        if (!model.Layers.Any(IsRelu)) return result;
        model.Eval();
        using var noGrad = TorchApi.NoGrad();
        using var scope = TorchApi.NewDisposeScope();
        var h = probe;
        for (int i = 0; i < model.Layers.Count; i++)
        {
            h = model.Layers[i].Forward(h);
            if (!IsRelu(model.Layers[i])) continue;
            var units = h.Flatten(1);
            var alive = units.Gt(0).Sum(0).Gt(0).Sum().Item();
            var total = units.Size(1);
            result[i] = total == 0 ? 0 : 1.0 - alive / total;
        }
        return result;
    }

    private static bool IsRelu(Module layer) => layer is Activation { Kind: ActivationKind.Relu };
}
