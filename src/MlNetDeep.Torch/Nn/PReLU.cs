using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// Parametric ReLU, as PyTorch's <c>nn.PReLU</c>: <c>y = max(0, x) + a·min(0, x)</c> with the slope
/// <c>a</c> learned. The parameter is named <c>weight</c> and holds one slope shared by all
/// elements (<c>numParameters</c> = 1) or one per channel (= C, the size of dimension 1 of the
/// input), each initialised to <c>init</c> (0.25).
/// </summary>
public sealed class PReLU : Module
{
    public PReLU(long numParameters = 1, double init = 0.25, Device? device = null, ScalarType dtype = ScalarType.Float32)
        : base(Create(numParameters, init, device, dtype, out var h), h)
    {
        NumParameters = numParameters;
    }

    public long NumParameters { get; }

    private static int Create(long numParameters, double init, Device? device, ScalarType dtype, out IntPtr handle)
    {
        if (numParameters <= 0) throw new ArgumentOutOfRangeException(nameof(numParameters), numParameters, $"Expected 1 or the number of channels. Received: numParameters={numParameters}.");
        if (!double.IsFinite(init)) throw new ArgumentOutOfRangeException(nameof(init), init, $"Expected a finite initial slope. Received: init={init}.");
        var d = device ?? Device.Cpu;
        Torch.EnsureAvailable(d);
        return mlnd_module_prelu(numParameters, init, (int)d.Type, d.Index, (int)dtype, out handle);
    }
}
