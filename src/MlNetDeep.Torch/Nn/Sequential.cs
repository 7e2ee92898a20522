using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Runs its layers in order. The whole chain is one native call per forward, however many
/// layers it holds. Parameters are named "&lt;index&gt;.&lt;name&gt;" as in PyTorch.
/// </summary>
public sealed class Sequential : Module
{
    public Sequential(params Module[] layers) : base(Create(layers, out var h), h)
    {
        Layers = layers.ToArray();
    }

    public Sequential(IEnumerable<Module> layers) : this(layers.ToArray()) { }

    public IReadOnlyList<Module> Layers { get; }

    private static unsafe int Create(Module[] layers, out IntPtr handle)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var raw = new IntPtr[layers.Length];
        var added = new bool[layers.Length];
        try
        {
            for (int i = 0; i < layers.Length; i++)
            {
                var h = (layers[i] ?? throw new ArgumentNullException($"layers[{i}]")).Handle;
                h.DangerousAddRef(ref added[i]);
                raw[i] = h.DangerousGetHandle();
            }
            fixed (IntPtr* p = raw) return mlnd_module_sequential(p, raw.Length, out handle);
        }
        finally
        {
            for (int i = 0; i < layers.Length; i++) if (added[i]) layers[i].Handle.DangerousRelease();
        }
    }
}
