using MlNetDeep.Torch;
using MlNetDeep.Torch.Vision;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Data;

/// <summary>
/// A decoded image, the value of an <see cref="ImageDataViewType"/> column (ML.NET's
/// <c>MLImage</c>). Pixels are held in managed memory as bytes in height × width × channels
/// order (row-major, channels interleaved), with the channel count the file had: 1 gray,
/// 2 gray + alpha, 3 RGB, 4 RGBA. An image is immutable, so a row's image can be shared
/// without copying, and it owns no native memory: nothing leaks when rows are dropped, and
/// <see cref="Dispose"/> does nothing (it exists so ML.NET code with <c>using</c> ports).
/// Conversions to and from libtorch tensors (<see cref="ToTensor"/>, <see cref="FromTensor"/>)
/// copy, and the caller owns the tensor returned.
/// </summary>
public sealed class MLImage : IDisposable
{
    private readonly byte[] _pixels;

    private MLImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width; Height = height; Channels = channels; _pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Channels per pixel: 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>The pixels, height × width × channels, row-major.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>The pixel array itself, for code in this assembly that only reads it.</summary>
    internal byte[] PixelArray => _pixels;

    /// <summary>Reads and decodes a PNG or JPEG file (libpng / libjpeg); a failure names the file.</summary>
    public static MLImage CreateFromFile(string imagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        var bytes = File.ReadAllBytes(imagePath);
        try
        {
            return Decode(bytes);
        }
        catch (TorchException e)
        {
            throw new InvalidDataException($"Cannot decode the image file '{imagePath}': {e.Message}", e);
        }
    }

    /// <summary>Decodes PNG or JPEG data read from <paramref name="stream"/>.</summary>
    public static MLImage CreateFromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Decode(ms.GetBuffer().AsSpan(0, (int)ms.Length));
    }

    /// <summary>Decodes PNG or JPEG data (recognised by its first bytes); throws <see cref="TorchException"/> when corrupt.</summary>
    public static MLImage Decode(ReadOnlySpan<byte> encoded)
    {
        using var hwc = Image.Decode(encoded);
        return FromTensor(hwc);
    }

    /// <summary>An image holding a copy of <paramref name="pixels"/> (height × width × channels, row-major).</summary>
    public static MLImage CreateFromPixels(int width, int height, int channels, ReadOnlySpan<byte> pixels)
    {
        CheckSize(width, height, channels);
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
            throw new ArgumentException($"Expected {expected} bytes ({height}×{width}×{channels}). Received: pixels.Length={pixels.Length}", nameof(pixels));
        return new MLImage(width, height, channels, pixels.ToArray());
    }

    /// <summary>Wraps an array this assembly built and will not change (no copy).</summary>
    internal static MLImage Wrap(int width, int height, int channels, byte[] pixels) => new(width, height, channels, pixels);

    /// <summary>An image from a uint8 H×W×C tensor (as <see cref="Image.Decode"/> returns) or a uint8 H×W gray tensor; the pixels are copied.</summary>
    public static MLImage FromTensor(Tensor hwc)
    {
        ArgumentNullException.ThrowIfNull(hwc);
        if (hwc.Dtype != ScalarType.UInt8)
            throw new ArgumentException($"Expected a uint8 tensor. Received: dtype={hwc.Dtype}", nameof(hwc));
        var shape = hwc.Shape;
        if (shape.Length is not (2 or 3))
            throw new ArgumentException($"Expected an H×W×C or H×W tensor. Received: shape=[{string.Join(", ", shape)}]", nameof(hwc));
        int h = checked((int)shape[0]), w = checked((int)shape[1]), c = shape.Length == 3 ? checked((int)shape[2]) : 1;
        CheckSize(w, h, c);
        return new MLImage(w, h, c, hwc.ToArray<byte>());
    }

    /// <summary>The pixels as a new uint8 CPU tensor of shape H×W×C (the caller disposes it).</summary>
    public Tensor ToTensor() => TorchApi.Tensor<byte>(_pixels, new long[] { Height, Width, Channels });

    /// <summary>Writes the image as a PNG file (the only format written; the path must end in .png).</summary>
    public void Save(string imagePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        if (!imagePath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Expected a path ending in .png (images are written as PNG). Received: imagePath='{imagePath}'", nameof(imagePath));
        using var t = ToTensor();
        Image.SavePng(t, imagePath);
    }

    /// <summary>Nothing to release: the pixels are managed memory.</summary>
    public void Dispose() { }

    /// <inheritdoc/>
    public override string ToString() => $"MLImage {Width}x{Height}x{Channels}";

    private static void CheckSize(int width, int height, int channels)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Expected a positive width. Received: width={width}");
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), $"Expected a positive height. Received: height={height}");
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), $"Expected 1 to 4 channels. Received: channels={channels}");
        if ((long)width * height * channels > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image too large for one array. Received: {width}×{height}×{channels}");
    }
}
