using System.Runtime.InteropServices;
using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Nn;

/// <summary>
/// A layer whose parameters, buffers and forward pass live in libtorch. Parameters and buffers
/// carry PyTorch's names (<c>weight</c>, <c>bias</c>, <c>0.weight</c> inside a
/// <see cref="Sequential"/>, ...), so a module's state maps one-to-one onto PyTorch's state_dict.
/// </summary>
public abstract class Module : IDisposable
{
    private protected Module(int status, IntPtr handle)
    {
        Check(status);
        Handle = new LayerHandle(handle);
    }

    internal LayerHandle Handle { get; }

    /// <summary>A short name for summaries, e.g. "Linear".</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Runs the layer on <paramref name="input"/> in one native call.</summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Tensor.Wrap(mlnd_module_forward(Handle, input.Handle, out var r), r);
    }

    /// <summary>Same as <see cref="Forward"/>.</summary>
    public Tensor Call(Tensor input) => Forward(input);

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
    public bool IsTraining
    {
        get { Check(mlnd_module_is_training(Handle, out var on)); return on != 0; }
    }

    /// <summary>Switches this layer and all its children to training (or evaluation) mode.</summary>
    public Module Train(bool on = true)
    {
        Check(mlnd_module_train(Handle, on ? 1 : 0));
        return this;
    }

    /// <summary>Switches to evaluation mode: dropout off, batch norm uses running statistics.</summary>
    public Module Eval() => Train(false);

    /// <summary>Moves parameters and buffers to <paramref name="device"/> and converts floating-point ones to <paramref name="dtype"/>.</summary>
    public Module To(Device device, ScalarType dtype = ScalarType.Float32)
    {
        Torch.EnsureAvailable(device);
        Check(mlnd_module_to(Handle, (int)device.Type, device.Index, (int)dtype));
        return this;
    }

    public Module To(ScalarType dtype) => To(Device.Cpu, dtype);

    /// <summary>Trainable tensors with their names, recursively, in registration order. Each is a new handle on the module's storage.</summary>
    public IReadOnlyList<(string Name, Tensor Tensor)> NamedParameters() => NamedTensors(buffers: false);

    /// <summary>Non-trainable state (batch norm running statistics, ...), recursively.</summary>
    public IReadOnlyList<(string Name, Tensor Tensor)> NamedBuffers() => NamedTensors(buffers: true);

    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor).ToList();

    /// <summary>Total number of parameter elements (what Keras' summary calls "params").</summary>
    public long ParameterCount()
    {
        long total = 0;
        foreach (var (_, t) in NamedParameters())
            using (t) total += t.NumberOfElements;
        return total;
    }

    private unsafe IReadOnlyList<(string, Tensor)> NamedTensors(bool buffers)
    {
        Check(mlnd_module_named_tensors(Handle, buffers ? 1 : 0, null, 0, out var count, out _));
        var handles = new IntPtr[count];
        IntPtr namesPtr;
        fixed (IntPtr* p = handles) Check(mlnd_module_named_tensors(Handle, buffers ? 1 : 0, p, count, out count, out namesPtr));
        var names = count == 0 ? Array.Empty<string>() : (Marshal.PtrToStringUTF8(namesPtr) ?? "").Split('\n');
        var result = new (string, Tensor)[count];
        for (int i = 0; i < count; i++) result[i] = (names[i], new Tensor(handles[i]));
        return result;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) Handle.Dispose();
    }
}
