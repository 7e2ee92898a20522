namespace MlNetDeep.Torch;

/// <summary>
/// A failure reported by libtorch (shape mismatch, wrong dtype, index out of range, ...).
/// The message is libtorch's own, without its C++ backtrace.
/// </summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }
}
