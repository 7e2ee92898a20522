using MlNetDeep.Torch.Native;
using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

/// <summary>
/// An n-dimensional array in libtorch's memory (CPU or CUDA) that can record operations for
/// autograd. A tensor owns one native handle: dispose it, or let the enclosing
/// <see cref="DisposeScope"/> do it. Operations live in the partial files beside this one
/// (Tensor.Math.cs, Tensor.Shape.cs, ...); creation functions are on <see cref="Torch"/>.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private DisposeScope? _scope;

    internal Tensor(IntPtr handle)
    {
        Handle = new TensorHandle(handle);
        _scope = DisposeScope.Current;
        _scope?.Register(this);
    }

    internal TensorHandle Handle { get; }

    /// <summary>Wraps the result of a native call that returns a new tensor.</summary>
    internal static Tensor Wrap(int status, IntPtr result)
    {
        Check(status);
        return new Tensor(result);
    }

    public bool IsDisposed => Handle.IsClosed;

    // ---- metadata ----------------------------------------------------------------------

    public int Dim
    {
        get { Check(mlnd_tensor_ndim(Handle, out var n)); return n; }
    }

    public unsafe long[] Shape
    {
        get
        {
            var shape = new long[Dim];
            fixed (long* p = shape) Check(mlnd_tensor_shape(Handle, p, shape.Length));
            return shape;
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        var d = dim < 0 ? dim + shape.Length : dim;
        if (d < 0 || d >= shape.Length)
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"Tensor has {shape.Length} dimensions.");
        return shape[d];
    }

    public long NumberOfElements
    {
        get { Check(mlnd_tensor_numel(Handle, out var n)); return n; }
    }

    public ScalarType Dtype
    {
        get { Check(mlnd_tensor_dtype(Handle, out var d)); return (ScalarType)d; }
    }

    public Device Device
    {
        get { Check(mlnd_tensor_device(Handle, out var type, out var index)); return new Device((DeviceType)type, index); }
    }

    /// <summary>False for the undefined tensor libtorch uses for "no value" (e.g. a missing gradient).</summary>
    public bool IsDefined
    {
        get { Check(mlnd_tensor_defined(Handle, out var d)); return d != 0; }
    }

    // ---- copies out ----------------------------------------------------------------------

    /// <summary>Copies the elements, row-major, into a new array. <typeparamref name="T"/> must match <see cref="Dtype"/>.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var result = new T[NumberOfElements];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies the elements, row-major, into <paramref name="destination"/> (exactly as many elements).</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        var expected = ScalarTypeExtensions.Of<T>();
        var actual = Dtype;
        if (expected != actual)
            throw new ArgumentException($"Expected a span of {actual} elements. Received: Span<{typeof(T).Name}>.", nameof(destination));
        fixed (T* p = destination) Check(mlnd_tensor_copy_to(Handle, p, (long)destination.Length * sizeof(T)));
    }

    /// <summary>Copies the raw elements (row-major, native little-endian layout) into <paramref name="destination"/>.</summary>
    public unsafe void CopyToBytes(Span<byte> destination)
    {
        fixed (byte* p = destination) Check(mlnd_tensor_copy_to(Handle, p, destination.Length));
    }

    /// <summary>Size of the tensor's elements in bytes.</summary>
    public long ByteCount => NumberOfElements * Dtype.ElementSize();

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        Check(mlnd_tensor_item(Handle, out var v));
        return v;
    }

    public T Item<T>() where T : unmanaged => (T)Convert.ChangeType(Item(), typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    // ---- conversions -------------------------------------------------------------------

    public Tensor To(Device device) => Wrap(mlnd_tensor_to(Handle, (int)device.Type, device.Index, (int)Dtype, out var r), r);

    public Tensor To(ScalarType dtype)
    {
        var d = Device;
        return Wrap(mlnd_tensor_to(Handle, (int)d.Type, d.Index, (int)dtype, out var r), r);
    }

    public Tensor To(Device device, ScalarType dtype) => Wrap(mlnd_tensor_to(Handle, (int)device.Type, device.Index, (int)dtype, out var r), r);

    public Tensor Clone() => Wrap(mlnd_tensor_clone(Handle, out var r), r);

    /// <summary>Overwrites this tensor's elements with <paramref name="source"/>'s (broadcast and converted), outside autograd.</summary>
    public Tensor CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Check(mlnd_tensor_copy_(Handle, source.Handle));
        return this;
    }

    /// <summary>Sets every element to <paramref name="value"/>, outside autograd.</summary>
    public Tensor Fill(double value)
    {
        Check(mlnd_tensor_fill_(Handle, value));
        return this;
    }

    // ---- autograd ------------------------------------------------------------------------

    public bool RequiresGrad
    {
        get { Check(mlnd_autograd_requires_grad(Handle, out var v)); return v != 0; }
        set => Check(mlnd_autograd_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for chaining.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Backpropagates from this tensor (a scalar unless <paramref name="gradient"/> is given).</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
    {
        if (gradient is null)
        {
            using var none = new TensorHandle();
            Check(mlnd_autograd_backward(Handle, none, retainGraph ? 1 : 0));
        }
        else
        {
            Check(mlnd_autograd_backward(Handle, gradient.Handle, retainGraph ? 1 : 0));
        }
    }

    /// <summary>The gradient accumulated by <see cref="Backward"/>, or null if there is none.</summary>
    public Tensor? Grad
    {
        get
        {
            var g = Wrap(mlnd_autograd_grad(Handle, out var r), r);
            if (g.IsDefined) return g;
            g.Dispose();
            return null;
        }
        set => SetGrad(value);
    }

    /// <summary>A tensor sharing this one's data, cut from the autograd graph.</summary>
    public Tensor Detach() => Wrap(mlnd_autograd_detach(Handle, out var r), r);

    // ---- lifetime ------------------------------------------------------------------------

    /// <summary>Moves this tensor from its dispose scope to the enclosing one (or to none).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = _scope?.Outer;
        _scope?.Remove(this);
        _scope = outer;
        outer?.Register(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope; the caller now disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        _scope?.Remove(this);
        _scope = null;
        return this;
    }

    public void Dispose()
    {
        _scope?.Remove(this);
        _scope = null;
        Handle.Dispose();
    }

    internal void DisposeFromScope()
    {
        _scope = null;
        Handle.Dispose();
    }

    public override string ToString()
    {
        if (IsDisposed) return "Tensor(disposed)";
        return $"Tensor(shape=[{string.Join(", ", Shape)}], dtype={Dtype}, device={Device})";
    }
}
