using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Fully connected layer: <c>y = x Wᵀ + b</c>, with W of shape [out, in] as in PyTorch.
/// Initialised like PyTorch: W and b uniform on ±1/√in_features.
/// </summary>
public sealed class Linear : Module
{
    public Linear(long inFeatures, long outFeatures, bool bias = true, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Create(inFeatures, outFeatures, bias, device, dtype, out var h), h)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        HasBias = bias;
    }

    public long InFeatures { get; }
    public long OutFeatures { get; }
    public bool HasBias { get; }

    private static int Create(long inFeatures, long outFeatures, bool bias, Device? device, ScalarType dtype, out IntPtr handle)
    {
        if (inFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(inFeatures), inFeatures, "Expected a positive number of input features.");
        if (outFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, "Expected a positive number of output features.");
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        return mlnd_module_linear(inFeatures, outFeatures, bias ? 1 : 0, (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
