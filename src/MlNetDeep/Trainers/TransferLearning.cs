using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Trainers;

/// <summary>
/// <see cref="DeepTrainerOptions.InitialModel"/> at work: the initial network's architecture with the head resized, its weights copied
/// into the new network (all but a replaced head), and the layers asked for frozen (<see cref="Freezing.Freeze"/>).
/// </summary>
internal static class TransferLearning
{
    /// <summary>The initial model's layer specs with the output layer set to <paramref name="outputs"/> units, and its input shape.</summary>
    public static (IReadOnlyList<LayerSpec> Layers, long[] Shape) Architecture(DeepModelParameters initial, int outputs, int featureSize, string trainer)
    {
        var shape = initial.InputShape.ToArray();
        if (shape.Aggregate(1L, (a, b) => a * b) != featureSize)
            throw new ArgumentException($"{trainer}: expected {shape.Aggregate(1L, (a, b) => a * b)} features for the initial model. Received: {featureSize} features.", "InitialModel");
        var layers = initial.Layers.Select(Copy).ToList();
        var last = layers[^1];
        if (last.Kind == LayerSpec.KerasStack)
        {
            var stack = last.Stack!.Select(CopyDef).ToList();
            var head = stack.FindLastIndex(l => l.Kind == "Dense");
            if (head < 0) throw new ArgumentException($"{trainer}: the initial model has no Dense output layer to replace.", "InitialModel");
            stack[head].Units = outputs;
            last.Stack = stack;
        }
        else if (last.Kind == LayerSpec.Dense) last.Units = outputs;
        else throw new ArgumentException($"{trainer}: the initial model's last layer ({last.Kind}) is not a Dense output layer.", "InitialModel");
        return (layers, shape);
    }

    /// <summary>Copies <paramref name="source"/>'s weights into <paramref name="target"/> (skipping a replaced head) and freezes layers.</summary>
    public static void Prepare(Sequential source, Sequential target, DeepTrainerOptions options)
    {
        if (source.Layers.Count != target.Layers.Count)
            throw new ArgumentException($"Expected the initial network's {source.Layers.Count} layers. Received: {target.Layers.Count} layers.", nameof(options.InitialModel));
        var head = HeadIndex(target);
        using (TorchApi.NoGrad())
            for (int i = 0; i < target.Layers.Count; i++)
            {
                var from = source.Layers[i].StateDict();
                var to = target.Layers[i].StateDict();
                var sameShapes = from.Count == to.Count && from.Zip(to).All(p => p.First.Tensor.Shape.SequenceEqual(p.Second.Tensor.Shape));
                var replace = i == head && (options.ReplaceHead || !sameShapes);
                for (int j = 0; j < to.Count; j++)
                {
                    if (!replace) to[j].Tensor.CopyFrom(from[j].Tensor);
                    to[j].Tensor.Dispose();
                }
                foreach (var f in from) f.Tensor.Dispose();
            }
        var frozen = new SortedSet<int>(options.FreezeLayers ?? []);
        if (options.FreezeBase) for (int i = 0; i < head; i++) frozen.Add(i);
        foreach (var i in frozen)
        {
            if (i >= target.Layers.Count)
                throw new ArgumentOutOfRangeException(nameof(options.FreezeLayers), $"Expected layer indices below {target.Layers.Count}. Received: FreezeLayers contains {i}.");
            target.Layers[i].Freeze();
        }
    }

    // The last layer that has parameters.
    private static int HeadIndex(Sequential network)
    {
        for (int i = network.Layers.Count - 1; i >= 0; i--)
        {
            var state = network.Layers[i].NamedParameters().ToList();
            foreach (var (_, t) in state) t.Dispose();
            if (state.Count > 0) return i;
        }
        return -1;
    }

    private static LayerSpec Copy(LayerSpec s) => new()
    {
        Kind = s.Kind, Units = s.Units, Activation = s.Activation, BatchNormalization = s.BatchNormalization, Dropout = s.Dropout,
        Stack = s.Stack, StackInputShape = s.StackInputShape,
    };

    private static LayerDef CopyDef(LayerDef l) => new()
    {
        Kind = l.Kind, Units = l.Units, KernelSize = l.KernelSize, Strides = l.Strides, Padding = l.Padding, Activation = l.Activation,
        Rate = l.Rate, InputDim = l.InputDim, ReturnSequences = l.ReturnSequences, Inner = l.Inner,
    };
}
