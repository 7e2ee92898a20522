using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

/// <summary>
/// Entry point of the binding, in the spirit of PyTorch's <c>torch</c> module: tensor creation,
/// seeding, threads, gradient mode and dispose scopes.
/// </summary>
public static unsafe partial class Torch
{
    /// <summary>Seeds libtorch's generators (CPU and CUDA): the same seed gives the same weights and draws.</summary>
    public static void ManualSeed(ulong seed) => Check(mlnd_runtime_manual_seed(seed));

    /// <summary>Number of threads libtorch uses inside one operation.</summary>
    public static int NumThreads
    {
        get { Check(mlnd_runtime_get_num_threads(out var n)); return n; }
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value), value, "Expected at least 1 thread.");
            Check(mlnd_runtime_set_num_threads(value));
        }
    }

    /// <summary>How many CUDA devices libtorch sees (0 with a CPU-only libtorch).</summary>
    public static int CudaDeviceCount
    {
        get { Check(mlnd_runtime_cuda_device_count(out var n)); return n; }
    }

    public static bool CudaIsAvailable => CudaDeviceCount > 0;

    /// <summary>libtorch's version string, e.g. "1.13.1".</summary>
    public static string Version
    {
        get { Check(mlnd_runtime_version(out var p)); return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(p) ?? ""; }
    }

    /// <summary>Throws when <paramref name="device"/> cannot be used here, naming it; never falls back silently.</summary>
    public static void EnsureAvailable(Device device)
    {
        if (device.Type == DeviceType.Cpu) return;
        var count = CudaDeviceCount;
        var index = Math.Max(device.Index, 0);
        if (index >= count)
            throw new InvalidOperationException(count == 0
                ? $"Device {device} was requested but this libtorch sees no CUDA device."
                : $"Device {device} was requested but only {count} CUDA device(s) exist.");
    }

    /// <summary>Opens a scope that frees the tensors created inside it when disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Disables gradient recording on this thread until the returned object is disposed.</summary>
    public static GradMode NoGrad() => new(false);

    /// <summary>Enables gradient recording on this thread until the returned object is disposed.</summary>
    public static GradMode EnableGrad() => new(true);

    // ---- creation --------------------------------------------------------------------

    /// <summary>Copies <paramref name="data"/> into a new tensor of the given shape (default: 1-D).</summary>
    public static Tensor Tensor<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape = default, Device? device = null, bool requiresGrad = false)
        where T : unmanaged
    {
        var dims = shape.IsEmpty ? stackalloc long[] { data.Length } : shape;
        var d = device ?? Device.Cpu;
        var dtype = ScalarTypeExtensions.Of<T>();
        Tensor t;
        fixed (T* p = data)
        fixed (long* s = dims)
            t = MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_from_data(p, (long)data.Length * sizeof(T), (int)dtype, s, dims.Length, (int)d.Type, d.Index, out var r), r);
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }

    public static Tensor Tensor<T>(T[] data, long[]? shape = null, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        Tensor<T>(data.AsSpan(), shape ?? new[] { (long)data.Length }, device, requiresGrad);

    /// <summary>A tensor of <paramref name="dtype"/> whose elements are the raw little-endian <paramref name="bytes"/>.</summary>
    public static Tensor FromBytes(ReadOnlySpan<byte> bytes, ScalarType dtype, long[] shape, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var d = device ?? Device.Cpu;
        fixed (byte* p = bytes)
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_from_data(p, bytes.Length, (int)dtype, s, shape.Length, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(double value, ScalarType dtype = ScalarType.Float32, Device? device = null) =>
        Full(Array.Empty<long>(), value, dtype, device);

    public static Tensor Zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_zeros(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    public static Tensor Ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_ones(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    public static Tensor Full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_full(s, shape.Length, value, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>Uniform draws on [0, 1) from libtorch's seeded generator.</summary>
    public static Tensor Rand(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_rand(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>Standard normal draws from libtorch's seeded generator.</summary>
    public static Tensor Randn(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_randn(s, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>A random permutation of 0..n-1 (int64), from libtorch's seeded generator.</summary>
    public static Tensor Randperm(long n, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_randperm(n, (int)d.Type, d.Index, out var r), r);
    }

    public static Tensor Arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return MlNetDeep.Torch.Tensor.Wrap(mlnd_tensor_arange(start, end, step, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }
}

/// <summary>Sets the thread's gradient mode and restores the previous mode when disposed.</summary>
public sealed class GradMode : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal GradMode(bool enabled)
    {
        Check(mlnd_autograd_set_grad_enabled(enabled ? 1 : 0, out var prev));
        _previous = prev != 0;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Check(mlnd_autograd_set_grad_enabled(_previous ? 1 : 0, out _));
    }
}
