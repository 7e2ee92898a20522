using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Vision;

/// <summary>
/// Image files and image tensors. PNG and JPEG are decoded natively by libpng and libjpeg into
/// uint8 tensors of shape H×W×C (the files' layout); networks want C×H×W floats, so a typical
/// chain is <c>Load → HwcToChw → Resize → ToFloat</c>. The operations take C×H×W or N×C×H×W
/// tensors, uint8 or floating (uint8 is computed in float32, then rounded and clamped back).
/// Random augmentation for training is <see cref="ImageAugmentation"/>.
/// </summary>
public static unsafe class Image
{
    /// <summary>Default zlib level of <see cref="EncodePng"/> (libpng's and PIL's default).</summary>
    public const int DefaultPngCompressionLevel = 6;

    // ---- files -------------------------------------------------------------------------

    /// <summary>
    /// Decodes PNG or JPEG data (recognised by its first bytes) into a uint8 H×W×C CPU tensor.
    /// Throws <see cref="TorchException"/> for an unknown format or corrupt or truncated data.
    /// </summary>
    public static Tensor Decode(ReadOnlySpan<byte> bytes, ImageChannels channels = ImageChannels.Keep)
    {
        CheckChannels(channels);
        fixed (byte* p = bytes)
            return Tensor.Wrap(mlnd_image_decode(p, bytes.Length, (int)channels, out var r), r);
    }

    /// <summary>Reads and decodes a PNG or JPEG file; a failure names the file.</summary>
    public static Tensor Load(string path, ImageChannels channels = ImageChannels.Keep)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckChannels(channels);
        var bytes = File.ReadAllBytes(path);
        try
        {
            return Decode(bytes, channels);
        }
        catch (TorchException e)
        {
            throw new TorchException($"Cannot decode the image file '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Encodes an image as PNG. A uint8 tensor is H×W×C (C = 1 gray, 2 gray + alpha, 3 RGB,
    /// 4 RGBA), as <see cref="Decode"/> returns; a floating tensor is C×H×W with values in
    /// [0, 1], as <see cref="ToFloat"/> returns (clamped, then scaled by <see cref="ToByte"/>).
    /// A 2-D tensor of either kind is a gray H×W image.
    /// </summary>
    public static byte[] EncodePng(Tensor image, int compressionLevel = DefaultPngCompressionLevel)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (compressionLevel is < 0 or > 9)
            throw new ArgumentOutOfRangeException(nameof(compressionLevel), compressionLevel,
                $"Expected a zlib compression level between 0 and 9. Received: compressionLevel={compressionLevel}");
        using var scope = Torch.NewDisposeScope();
        var hwc = image;
        if (image.Dtype.IsFloatingPoint())
        {
            hwc = ToByte(image);
            if (hwc.Dim == 3) hwc = ChwToHwc(hwc);
        }
        using var png = Tensor.Wrap(mlnd_image_encode_png(hwc.Handle, compressionLevel, out var r), r);
        return png.ToArray<byte>();
    }

    /// <summary>Writes <paramref name="image"/> as a PNG file (layout as for <see cref="EncodePng"/>).</summary>
    public static void SavePng(Tensor image, string path, int compressionLevel = DefaultPngCompressionLevel)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, EncodePng(image, compressionLevel));
    }

    // ---- layout and scaling ------------------------------------------------------------

    /// <summary>H×W×C → C×H×W (N×H×W×C → N×C×H×W).</summary>
    public static Tensor HwcToChw(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Wrap(mlnd_image_hwc_to_chw(image.Handle, out var r), r);
    }

    /// <summary>C×H×W → H×W×C (N×C×H×W → N×H×W×C).</summary>
    public static Tensor ChwToHwc(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Wrap(mlnd_image_chw_to_hwc(image.Handle, out var r), r);
    }

    /// <summary>
    /// uint8 pixels → floats in [0, 1]: <c>x / 255</c>, then <c>(x − mean[c]) / std[c]</c> per
    /// channel when <paramref name="mean"/> and <paramref name="std"/> are given (one value per
    /// channel of a C×H×W or N×C×H×W image, or one value for all).
    /// </summary>
    public static Tensor ToFloat(Tensor image, double[]? mean = null, double[]? std = null, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(image);
        if ((mean is null) != (std is null))
            throw new ArgumentException($"Expected both mean and std, or neither. Received: mean={Describe(mean)}, std={Describe(std)}", nameof(std));
        if (mean is not null && (mean.Length == 0 || mean.Length != std!.Length))
            throw new ArgumentException($"Expected mean and std of the same non-zero length. Received: mean={Describe(mean)}, std={Describe(std)}", nameof(mean));
        if (std is not null && std.Any(s => s == 0 || !double.IsFinite(s)))
            throw new ArgumentException($"Expected finite, non-zero standard deviations. Received: std={Describe(std)}", nameof(std));
        if (!dtype.IsFloatingPoint())
            throw new ArgumentException($"Expected a floating type. Received: dtype={dtype}", nameof(dtype));
        fixed (double* m = mean)
        fixed (double* s = std)
            return Tensor.Wrap(mlnd_image_to_float(image.Handle, m, s, mean?.Length ?? 0, (int)dtype, out var r), r);
    }

    /// <summary>Floats in [0, 1] → uint8: clamped to [0, 1], × 255, rounded half to even.</summary>
    public static Tensor ToByte(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Wrap(mlnd_image_to_uint8(image.Handle, out var r), r);
    }

    // ---- geometry ----------------------------------------------------------------------

    /// <summary>
    /// Bilinear resize of a C×H×W or N×C×H×W image to <paramref name="height"/> × <paramref name="width"/>,
    /// as <c>torch.nn.functional.interpolate(mode="bilinear", align_corners=False)</c> (no antialiasing).
    /// </summary>
    public static Tensor Resize(Tensor image, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), height, $"Expected a positive height. Received: height={height}");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, $"Expected a positive width. Received: width={width}");
        return Tensor.Wrap(mlnd_image_resize(image.Handle, height, width, out var r), r);
    }

    /// <summary>Mirrors left-right (the last dimension is the width).</summary>
    public static Tensor FlipHorizontal(Tensor image) => Flip(image, horizontal: true, vertical: false);

    /// <summary>Mirrors top-bottom (the second-to-last dimension is the height).</summary>
    public static Tensor FlipVertical(Tensor image) => Flip(image, horizontal: false, vertical: true);

    private static Tensor Flip(Tensor image, bool horizontal, bool vertical)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Wrap(mlnd_image_flip(image.Handle, horizontal ? 1 : 0, vertical ? 1 : 0, out var r), r);
    }

    /// <summary>
    /// Warps a C×H×W or N×C×H×W image about its centre: rotates by <paramref name="degrees"/>
    /// counter-clockwise, scales by <paramref name="zoom"/> (&gt; 1 magnifies), then shifts by
    /// (<paramref name="shiftX"/>, <paramref name="shiftY"/>) pixels right and down. Pixels that
    /// come from outside the image are 0. Bilinear sampling, or nearest-neighbour when
    /// <paramref name="nearest"/> is true.
    /// </summary>
    public static Tensor Affine(Tensor image, double degrees = 0, double shiftX = 0, double shiftY = 0, double zoom = 1, bool nearest = false)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!double.IsFinite(degrees)) throw new ArgumentOutOfRangeException(nameof(degrees), degrees, $"Expected a finite angle. Received: degrees={degrees}");
        if (!double.IsFinite(shiftX)) throw new ArgumentOutOfRangeException(nameof(shiftX), shiftX, $"Expected a finite shift. Received: shiftX={shiftX}");
        if (!double.IsFinite(shiftY)) throw new ArgumentOutOfRangeException(nameof(shiftY), shiftY, $"Expected a finite shift. Received: shiftY={shiftY}");
        if (!(zoom > 0) || !double.IsFinite(zoom)) throw new ArgumentOutOfRangeException(nameof(zoom), zoom, $"Expected a positive zoom. Received: zoom={zoom}");
        return Tensor.Wrap(mlnd_image_affine(image.Handle, degrees, shiftX, shiftY, zoom, nearest ? 1 : 0, out var r), r);
    }

    /// <summary>Rotates counter-clockwise about the centre; corners from outside are 0.</summary>
    public static Tensor Rotate(Tensor image, double degrees) => Affine(image, degrees: degrees);

    /// <summary>Translates by whole or fractional pixels (right, down); uncovered pixels are 0.</summary>
    public static Tensor Shift(Tensor image, double shiftX, double shiftY) => Affine(image, shiftX: shiftX, shiftY: shiftY);

    /// <summary>Scales about the centre (&gt; 1 magnifies and crops, &lt; 1 shrinks with a zero border).</summary>
    public static Tensor Zoom(Tensor image, double zoom) => Affine(image, zoom: zoom);

    private static void CheckChannels(ImageChannels channels)
    {
        if (channels is not (ImageChannels.Keep or ImageChannels.Gray or ImageChannels.Rgb or ImageChannels.Rgba))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, $"Expected Keep, Gray, Rgb or Rgba. Received: channels={(int)channels}");
    }

    private static string Describe(double[]? values) => values is null ? "null" : "[" + string.Join(", ", values) + "]";
}
