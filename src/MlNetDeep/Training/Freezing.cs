using MlNetDeep.Torch.Nn;

namespace MlNetDeep.Training;

/// <summary>
/// Freezes and unfreezes layers for transfer learning: a frozen module's parameters have
/// <c>requires_grad = false</c>, so <see cref="TrainingLoop"/> leaves them out of the optimizer and
/// of regularization, and <see cref="ModelSummary"/> counts them as non-trainable.
/// <code>
/// foreach (var layer in pretrained.Layers.Take(4)) layer.Freeze();   // keep the features
/// var model = new Sequential(pretrained.Layers.Take(4).Append(new Linear(64, 5)));  // new head
/// </code>
/// </summary>
public static class Freezing
{
    /// <summary>Stops gradients for every parameter of <paramref name="module"/> (recursively).</summary>
    public static Module Freeze(this Module module) => SetTrainable(module, false);

    /// <summary>Makes every parameter of <paramref name="module"/> (recursively) trainable again.</summary>
    public static Module Unfreeze(this Module module) => SetTrainable(module, true);

    /// <summary>True when no parameter of <paramref name="module"/> is trainable.</summary>
    public static bool IsFrozen(this Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var parameters = module.NamedParameters();
        try { return parameters.All(p => !p.Tensor.RequiresGrad); }
        finally { foreach (var (_, t) in parameters) t.Dispose(); }
    }

    private static Module SetTrainable(Module module, bool trainable)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var (_, t) in module.NamedParameters())
            using (t) t.RequiresGrad = trainable;
        return module;
    }
}
