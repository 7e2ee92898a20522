using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

/// <summary>
/// P/Invoke declarations for libmlnetdeep_native. One partial file per native source file
/// (NativeMethods.Tensor.cs mirrors tensor.cpp, ...). Every export returns a status code that
/// goes through <see cref="Check"/>, the one place native failures become .NET exceptions.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Library = "mlnetdeep_native";

    [LibraryImport(Library)]
    internal static partial IntPtr mlnd_last_error();

    [LibraryImport(Library)]
    internal static partial void mlnd_last_error_clear();

    /// <summary>Throws a <see cref="TorchException"/> carrying libtorch's message when <paramref name="status"/> is non-zero.</summary>
    internal static void Check(int status)
    {
        if (status != 0) Throw();
    }

    private static void Throw()
    {
        var message = Marshal.PtrToStringUTF8(mlnd_last_error()) ?? "unknown native error";
        mlnd_last_error_clear();
        throw new TorchException(message.Trim());
    }
}
