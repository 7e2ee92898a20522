namespace MlNetDeep.Torch;

/// <summary>
/// Collects the tensors created on this thread while it is the innermost open scope and frees
/// them when it is disposed, so loops release temporaries deterministically instead of leaving
/// them to the garbage collector. A tensor that must outlive the scope is moved out explicitly
/// with <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="Tensor.DetachFromDisposeScope"/>.
/// </summary>
/// <example>
/// <code>
/// for (int step = 0; step &lt; steps; step++)
/// {
///     using var scope = Torch.NewDisposeScope();
///     using var loss = ...; // every temporary made here is freed at the end of the iteration
/// }
/// </code>
/// </example>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _current;

    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    internal DisposeScope()
    {
        Outer = _current;
        _current = this;
    }

    /// <summary>The innermost open scope on this thread, or null.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>The scope that was current when this one opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope will free.</summary>
    public int Count => _tensors.Count;

    internal void Register(Tensor tensor) => _tensors.Add(tensor);

    internal bool Remove(Tensor tensor) => _tensors.Remove(tensor);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("A DisposeScope must be disposed on the thread that opened it.");
        foreach (var t in _tensors) t.DisposeFromScope();
        _tensors.Clear();
        // Scopes close innermost-first; restore whichever scope enclosed this one.
        if (ReferenceEquals(_current, this)) _current = Outer;
    }
}
