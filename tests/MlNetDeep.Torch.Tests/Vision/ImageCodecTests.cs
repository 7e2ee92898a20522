using System.Text.Json;
using MlNetDeep.Torch.Tests.Support;
using MlNetDeep.Torch.Vision;

namespace MlNetDeep.Torch.Tests.Vision;

/// <summary>
/// PNG/JPEG decoding against PIL's decode of the same files (Fixtures/make_images.py), PNG
/// encoding round trips, and damaged data failing with an exception instead of ending the process.
/// </summary>
public class ImageCodecTests
{
    private static readonly JsonElement Files = Fixture.Load("images.json").GetProperty("files");

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "images", name);

    private static void AssertPixels(JsonElement expected, Tensor actual, int tolerance, string what)
    {
        Assert.Equal(ScalarType.UInt8, actual.Dtype);
        Assert.Equal(expected.GetProperty("shape").Longs(), actual.Shape);
        var want = expected.GetProperty("data").Longs();
        var got = actual.ToArray<byte>();
        for (int i = 0; i < want.Length; i++)
            if (Math.Abs(got[i] - want[i]) > tolerance)
                Assert.Fail($"{what}: byte {i} is {got[i]}, PIL decoded {want[i]} (tolerance {tolerance})");
    }

    // Both decoders are Debian's libjpeg-turbo here, but another libjpeg may round the IDCT
    // and upsampling differently by a level or two.
    private static int ToleranceFor(string name) => name.EndsWith(".jpg", StringComparison.Ordinal) ? 2 : 0;

    [Theory]
    [InlineData("rgb.png", 3)]
    [InlineData("gray.png", 1)]
    [InlineData("rgba.png", 4)]
    [InlineData("rgb.jpg", 3)]
    [InlineData("gray.jpg", 1)]
    public void DecodeKeepsTheFilesChannelsAndMatchesPil(string name, int channels)
    {
        using var image = Image.Load(PathOf(name));
        Assert.Equal(channels, image.Size(2));
        AssertPixels(Files.GetProperty(name).GetProperty("keep"), image, ToleranceFor(name), name);
    }

    [Theory]
    [InlineData("rgb.png")]
    [InlineData("gray.png")]
    [InlineData("rgba.png")]
    [InlineData("palette.png")]
    [InlineData("rgb.jpg")]
    [InlineData("gray.jpg")]
    public void ChannelConversionsMatchPilConvert(string name)
    {
        var bytes = File.ReadAllBytes(PathOf(name));
        foreach (var (channels, mode) in new[] { (ImageChannels.Gray, "L"), (ImageChannels.Rgb, "RGB"), (ImageChannels.Rgba, "RGBA") })
        {
            using var image = Image.Decode(bytes, channels);
            AssertPixels(Files.GetProperty(name).GetProperty(mode), image, ToleranceFor(name), $"{name} as {mode}");
        }
    }

    [Fact]
    public void PaletteWithTransparencyExpandsToRgba()
    {
        using var image = Image.Load(PathOf("palette.png"));
        Assert.Equal(new long[] { 6, 8, 4 }, image.Shape);
        AssertPixels(Files.GetProperty("palette.png").GetProperty("RGBA"), image, 0, "palette.png");
        // Palette entry 0 is transparent: some pixels must have alpha 0, the rest 255.
        var alpha = image.ToArray<byte>().Where((_, i) => i % 4 == 3).ToArray();
        Assert.Contains((byte)0, alpha);
        Assert.All(alpha, a => Assert.True(a is 0 or 255));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PngEncodeDecodeRoundTripIsExact(int channels)
    {
        var random = new Random(7 + channels);
        var pixels = new byte[5 * 9 * channels];
        random.NextBytes(pixels);
        using var image = Torch.Tensor(pixels, new long[] { 5, 9, channels });
        var png = Image.EncodePng(image);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        using var back = Image.Decode(png);
        Assert.Equal(new long[] { 5, 9, channels }, back.Shape);
        Assert.Equal(pixels, back.ToArray<byte>());
    }

    [Fact]
    public void SavePngOfAFloatChwImageWritesItsRoundedBytes()
    {
        var values = new float[] { 0f, 0.2f, 0.5f, 1f, 1.5f, -0.5f, 0.25f, 0.75f, 0.1f, 0.9f, 0.3f, 0.6f };
        using var chw = Torch.Tensor(values, new long[] { 3, 2, 2 });
        var path = Path.Combine(Path.GetTempPath(), $"mlnd-image-{Guid.NewGuid():N}.png");
        try
        {
            Image.SavePng(chw, path);
            using var hwc = Image.Load(path);
            Assert.Equal(new long[] { 2, 2, 3 }, hwc.Shape);
            // HWC order of the CHW values, each clamped to [0, 1], × 255, rounded half to even.
            var expected = new byte[12];
            for (int c = 0; c < 3; c++)
            for (int p = 0; p < 4; p++)
                expected[p * 3 + c] = (byte)Math.Round(Math.Clamp(values[c * 4 + p], 0f, 1f) * 255f, MidpointRounding.ToEven);
            Assert.Equal(expected, hwc.ToArray<byte>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GrayHwImageEncodesAsOneChannel()
    {
        var pixels = Enumerable.Range(0, 12).Select(i => (byte)(i * 20)).ToArray();
        using var hw = Torch.Tensor(pixels, new long[] { 3, 4 });
        using var back = Image.Decode(Image.EncodePng(hw));
        Assert.Equal(new long[] { 3, 4, 1 }, back.Shape);
        Assert.Equal(pixels, back.ToArray<byte>());
    }

    [Fact]
    public void TruncatedPngFailsWithAnExceptionAndTheProcessGoesOn()
    {
        var png = File.ReadAllBytes(PathOf("rgb.png"));
        var e = Assert.Throws<TorchException>(() => Image.Decode(png.AsSpan(0, png.Length / 2)));
        Assert.Contains("PNG", e.Message);
        Assert.Contains("truncated", e.Message);
        // The native side is still healthy: the intact file decodes.
        using var ok = Image.Decode(png);
        Assert.Equal(new long[] { 6, 8, 3 }, ok.Shape);
    }

    [Fact]
    public void CorruptPngDataOrChecksumFails()
    {
        var original = File.ReadAllBytes(PathOf("rgb.png"));
        var idat = IndexOf(original, "IDAT"u8);
        Assert.True(idat > 0);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(original.AsSpan(idat - 4));

        var data = (byte[])original.Clone();
        data[idat + 8] ^= 0x55; // inside the compressed pixels: zlib rejects the stream
        Assert.Contains("corrupt PNG data", Assert.Throws<TorchException>(() => Image.Decode(data)).Message);

        var crc = (byte[])original.Clone();
        crc[idat + 4 + length] ^= 0x01; // the chunk's CRC-32 no longer matches its bytes
        var e = Assert.Throws<TorchException>(() => Image.Decode(crc));
        Assert.Contains("corrupt PNG data", e.Message);
        Assert.Contains("CRC", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TruncatedJpegFailsInsteadOfBeingPaddedWithGray()
    {
        var jpeg = File.ReadAllBytes(PathOf("rgb.jpg"));
        var e = Assert.Throws<TorchException>(() => Image.Decode(jpeg.AsSpan(0, jpeg.Length * 2 / 3)));
        Assert.Contains("corrupt JPEG data", e.Message);
        using var ok = Image.Decode(jpeg);
        Assert.Equal(new long[] { 16, 16, 3 }, ok.Shape);
    }

    [Fact]
    public void JpegWithABrokenHeaderFails()
    {
        var jpeg = File.ReadAllBytes(PathOf("rgb.jpg"));
        var e = Assert.Throws<TorchException>(() => Image.Decode(jpeg.AsSpan(0, 40)));
        Assert.Contains("corrupt JPEG data", e.Message);
    }

    [Theory]
    [InlineData("rgb.png")]
    [InlineData("rgba.png")]
    [InlineData("rgb.jpg")]
    [InlineData("gray.jpg")]
    public void RandomlyDamagedFilesNeverEndTheProcess(string name)
    {
        // Each mutant either decodes to a tensor of the file's size or throws TorchException;
        // libjpeg's default handler would call exit() on the first fatal one.
        var original = File.ReadAllBytes(PathOf(name));
        var random = new Random(1234);
        int failures = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            var bytes = (byte[])original.Clone();
            int length = trial % 4 == 0 ? random.Next(9, bytes.Length) : bytes.Length;
            for (int k = 0; k < 1 + trial % 5; k++) bytes[random.Next(8, length)] = (byte)random.Next(256);
            try
            {
                using var image = Image.Decode(bytes.AsSpan(0, length));
                Assert.Equal(3, image.Dim);
            }
            catch (TorchException e)
            {
                Assert.Matches("corrupt (PNG|JPEG) data: .+", e.Message);
                failures++;
            }
        }
        Assert.True(failures > 0, "no mutant was rejected");
    }

    [Fact]
    public void UnknownFormatAndEmptyDataAreRejected()
    {
        var e = Assert.Throws<TorchException>(() => Image.Decode("GIF89a......"u8));
        Assert.Contains("unknown image format", e.Message);
        Assert.Contains("47 49 46 38", e.Message);
        Assert.Throws<TorchException>(() => Image.Decode(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void LoadNamesTheFileThatFails()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mlnd-broken-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, File.ReadAllBytes(PathOf("rgb.png"))[..40]);
        try
        {
            var e = Assert.Throws<TorchException>(() => Image.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("PNG", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<FileNotFoundException>(() => Image.Load(path));
    }

    [Fact]
    public void EncodeRejectsWhatPngCannotHold()
    {
        using var five = Torch.Zeros(new long[] { 2, 2, 5 }, ScalarType.UInt8);
        Assert.Contains("C = 1..4", Assert.Throws<TorchException>(() => Image.EncodePng(five)).Message);
        using var ints = Torch.Zeros(new long[] { 2, 2, 3 }, ScalarType.Int64);
        Assert.Contains("uint8", Assert.Throws<TorchException>(() => Image.EncodePng(ints)).Message);
        using var ok = Torch.Zeros(new long[] { 2, 2, 3 }, ScalarType.UInt8);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Image.EncodePng(ok, compressionLevel: 12));
        Assert.Contains("compressionLevel=12", e.Message);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
