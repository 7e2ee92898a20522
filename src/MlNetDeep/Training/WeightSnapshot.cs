using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Training;

/// <summary>A copy of a module's parameters and buffers (Keras' <c>get_weights</c>) that can be written back.</summary>
internal sealed class WeightSnapshot : IDisposable
{
    private readonly List<Tensor> _copies = new();

    public WeightSnapshot(Module module)
    {
        using var noGrad = TorchApi.NoGrad();
        foreach (var (_, t) in module.StateDict())
        {
            using (t)
            using (var d = t.Detach())
                _copies.Add(d.Clone().DetachFromDisposeScope());
        }
    }

    /// <summary>Overwrites the module's state with the copy (the module must be the one it was taken from).</summary>
    public void Restore(Module module)
    {
        using var noGrad = TorchApi.NoGrad();
        var state = module.StateDict();
        try
        {
            for (int i = 0; i < state.Count; i++) state[i].Tensor.CopyFrom(_copies[i]);
        }
        finally
        {
            foreach (var (_, t) in state) t.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var t in _copies) t.Dispose();
        _copies.Clear();
    }
}
