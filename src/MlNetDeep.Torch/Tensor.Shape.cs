using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch;

// Shape changes, views and indexing. View, Permute, Transpose, Squeeze, Unsqueeze, Expand,
// Narrow, Select and Slice return views sharing this tensor's storage (no copy): Narrow on the
// batch dimension is how batches are cut from a dataset tensor already in native memory.
public sealed unsafe partial class Tensor
{
    /// <summary>The same elements in a new shape (a view when possible, else a copy); one size may be -1.</summary>
    public Tensor Reshape(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* p = shape) return Wrap(mlnd_tensor_reshape(Handle, p, shape.Length, out var r), r);
    }

    /// <summary>A view with a new shape; fails when the memory layout does not allow one (see <see cref="Reshape"/>).</summary>
    public Tensor View(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* p = shape) return Wrap(mlnd_tensor_view(Handle, p, shape.Length, out var r), r);
    }

    /// <summary>A view with the dimensions reordered: result dimension i is this tensor's dimension dims[i].</summary>
    public Tensor Permute(params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        fixed (long* p = dims) return Wrap(mlnd_tensor_permute(Handle, p, dims.Length, out var r), r);
    }

    /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public Tensor Transpose(long dim0, long dim1) => Wrap(mlnd_tensor_transpose(Handle, dim0, dim1, out var r), r);

    /// <summary>A view without any size-1 dimension.</summary>
    public Tensor Squeeze() => Wrap(mlnd_tensor_squeeze(Handle, 0, 0, out var r), r);

    /// <summary>A view without dimension <paramref name="dim"/> if its size is 1 (else the same shape).</summary>
    public Tensor Squeeze(long dim) => Wrap(mlnd_tensor_squeeze(Handle, dim, 1, out var r), r);

    /// <summary>A view with a size-1 dimension inserted at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(long dim) => Wrap(mlnd_tensor_unsqueeze(Handle, dim, out var r), r);

    /// <summary>Merges dimensions <paramref name="startDim"/>..<paramref name="endDim"/> (inclusive) into one.</summary>
    public Tensor Flatten(long startDim = 0, long endDim = -1) => Wrap(mlnd_tensor_flatten(Handle, startDim, endDim, out var r), r);

    /// <summary>This tensor's elements in row-major memory order (a copy only when they are not already).</summary>
    public Tensor Contiguous() => Wrap(mlnd_tensor_contiguous(Handle, out var r), r);

    /// <summary>A view repeating size-1 dimensions to <paramref name="shape"/> (-1 keeps a size), without copying.</summary>
    public Tensor Expand(params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (long* p = shape) return Wrap(mlnd_tensor_expand(Handle, p, shape.Length, out var r), r);
    }

    /// <summary>A view of <paramref name="length"/> entries of <paramref name="dim"/> from <paramref name="start"/>.</summary>
    public Tensor Narrow(long dim, long start, long length) => Wrap(mlnd_tensor_narrow(Handle, dim, start, length, out var r), r);

    /// <summary>A view of entry <paramref name="index"/> of <paramref name="dim"/>, which disappears from the shape.</summary>
    public Tensor Select(long dim, long index) => Wrap(mlnd_tensor_select(Handle, dim, index, out var r), r);

    /// <summary>A view of entries start, start+step, ... before end of <paramref name="dim"/> (Python's <c>a[start:end:step]</c>; null = that end of the dimension).</summary>
    public Tensor Slice(long dim, long? start, long? end, long step = 1) =>
        Wrap(mlnd_tensor_slice(Handle, dim, start ?? 0, start is null ? 0 : 1, end ?? 0, end is null ? 0 : 1, step, out var r), r);

    /// <summary>A copy of the entries of <paramref name="dim"/> listed in <paramref name="index"/> (1-D int64), in that order.</summary>
    public Tensor IndexSelect(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Wrap(mlnd_tensor_index_select(Handle, dim, index.Handle, out var r), r);
    }

    /// <summary>Picks, along <paramref name="dim"/>, the entry each element of <paramref name="index"/> (int64, same rank) names.</summary>
    public Tensor Gather(long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Wrap(mlnd_tensor_gather(Handle, dim, index.Handle, out var r), r);
    }
}
