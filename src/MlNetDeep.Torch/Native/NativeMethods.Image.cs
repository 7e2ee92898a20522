using System.Runtime.InteropServices;

namespace MlNetDeep.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)] internal static partial int mlnd_image_decode(byte* bytes, long n, int channels, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_encode_png(TensorHandle image, int compressionLevel, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_hwc_to_chw(TensorHandle image, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_chw_to_hwc(TensorHandle image, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_image_to_float(TensorHandle image, double* mean, double* std, int nStats, int dtype, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_to_uint8(TensorHandle image, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_resize(TensorHandle image, long height, long width, out IntPtr result);
    [LibraryImport(Library)] internal static partial int mlnd_image_flip(TensorHandle image, int horizontal, int vertical, out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_image_affine(TensorHandle image, double degrees, double shiftX, double shiftY, double zoom, int nearest,
        out IntPtr result);
    [LibraryImport(Library)]
    internal static partial int mlnd_image_random_augment(TensorHandle image, int flipHorizontal, int flipVertical, double maxDegrees,
        double maxShiftX, double maxShiftY, double zoomLow, double zoomHigh, int hasSeed, ulong seed, out IntPtr result);
}
