namespace MlNetDeep.Torch.Native;

/// <summary>
/// Raw handles of several tensors for one native call taking an array. Each handle's reference
/// count is raised for the duration, so no tensor can be freed while native code reads it.
/// </summary>
internal sealed class HandleArray : IDisposable
{
    private readonly TensorHandle[] _owners;
    private readonly bool[] _added;
    public readonly IntPtr[] Pointers;

    public HandleArray(IReadOnlyList<Tensor> tensors)
    {
        _owners = new TensorHandle[tensors.Count];
        _added = new bool[tensors.Count];
        Pointers = new IntPtr[tensors.Count];
        try
        {
            for (int i = 0; i < tensors.Count; i++)
            {
                var h = (tensors[i] ?? throw new ArgumentNullException($"tensors[{i}]")).Handle;
                _owners[i] = h;
                h.DangerousAddRef(ref _added[i]);
                Pointers[i] = h.DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Length => Pointers.Length;

    public void Dispose()
    {
        for (int i = 0; i < _owners.Length; i++)
        {
            if (_added[i]) { _owners[i].DangerousRelease(); _added[i] = false; }
        }
    }
}
