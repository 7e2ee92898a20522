using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

public sealed partial class Tensor
{
    /// <summary>
    /// Sets this leaf's accumulated gradient to <paramref name="grad"/> (same shape, dtype and
    /// device; the gradient then shares <paramref name="grad"/>'s storage, as assigning
    /// <c>p.grad</c> does in PyTorch), or removes it when <paramref name="grad"/> is null.
    /// Optimizers read this gradient in <c>Step()</c>.
    /// </summary>
    /// <remarks>A method rather than a setter on <see cref="Grad"/>: C# cannot add a setter to a property from another partial file.</remarks>
    public Tensor SetGrad(Tensor? grad)
    {
        if (grad is null)
        {
            using var none = new TensorHandle();
            Check(mlnd_autograd_set_grad(Handle, none));
        }
        else
        {
            Check(mlnd_autograd_set_grad(Handle, grad.Handle));
        }
        return this;
    }
}
