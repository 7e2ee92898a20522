using System.Text.Json;
using MlNetDeep.Torch.Tests.Support;
using MlNetDeep.Torch.Vision;

namespace MlNetDeep.Torch.Tests.Vision;

/// <summary>
/// Image tensor operations: layout, scaling, bilinear resize against PyTorch's interpolate
/// (Fixtures/make_images.py), flips, and affine warps checked against exact re-indexings.
/// </summary>
public class ImageOpsTests
{
    private static readonly JsonElement Resizes = Fixture.Load("images.json").GetProperty("resize");

    /// <summary>A C×H×W float image whose every value is distinct, with its data.</summary>
    private static (Tensor Image, float[] Data) Ramp(int c, int h, int w)
    {
        var data = Enumerable.Range(0, c * h * w).Select(i => (float)((i * 37 % 101) / 100.0)).ToArray();
        return (Torch.Tensor(data, new long[] { c, h, w }), data);
    }

    [Theory]
    [InlineData("down")]
    [InlineData("up")]
    [InlineData("batch")]
    public void ResizeMatchesTorchInterpolateBilinear(string name)
    {
        var c = Resizes.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var size = c.GetProperty("size").Longs();
        using var input = c.GetProperty("input").Tensor();
        using var output = Image.Resize(input, (int)size[0], (int)size[1]);
        Fixture.AssertClose(c.GetProperty("output"), output, what: name);
    }

    [Fact]
    public void ResizeOfUint8RoundsTheFloatResult()
    {
        var c = Resizes.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "uint8");
        var input = c.GetProperty("input");
        var bytes = input.GetProperty("data").Longs().Select(v => (byte)v).ToArray();
        using var image = Torch.Tensor(bytes, input.GetProperty("shape").Longs());
        using var output = Image.Resize(image, 4, 11);
        Assert.Equal(ScalarType.UInt8, output.Dtype);
        Assert.Equal(new long[] { 3, 4, 11 }, output.Shape);
        var expected = c.GetProperty("output").GetProperty("data").Doubles().Select(v => (byte)v).ToArray();
        Assert.Equal(expected, output.ToArray<byte>());
    }

    [Fact]
    public void HwcAndChwConvertBothWays()
    {
        var data = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)i).ToArray();
        using var hwc = Torch.Tensor(data, new long[] { 2, 3, 4 });
        using var chw = Image.HwcToChw(hwc);
        Assert.Equal(new long[] { 4, 2, 3 }, chw.Shape);
        var v = chw.ToArray<byte>();
        for (int c = 0; c < 4; c++)
        for (int y = 0; y < 2; y++)
        for (int x = 0; x < 3; x++)
            Assert.Equal(data[(y * 3 + x) * 4 + c], v[(c * 2 + y) * 3 + x]);
        using var back = Image.ChwToHwc(chw);
        Assert.Equal(data, back.ToArray<byte>());
        using var batch = Torch.Tensor(data, new long[] { 2, 3, 4, 1 });
        using var nchw = Image.HwcToChw(batch);
        Assert.Equal(new long[] { 2, 1, 3, 4 }, nchw.Shape);
        Assert.Equal(data, nchw.ToArray<byte>());
    }

    [Fact]
    public void ToFloatScalesAndNormalisesPerChannel()
    {
        var data = new byte[] { 0, 51, 255, 102, 0, 255, 204, 153 };
        using var image = Torch.Tensor(data, new long[] { 2, 2, 2 });
        using var plain = Image.ToFloat(image);
        Assert.Equal(ScalarType.Float32, plain.Dtype);
        Fixture.AssertClose(data.Select(b => b / 255f).ToArray(), plain.ToArray<float>());
        double[] mean = { 0.5, 0.25 }, std = { 0.2, 0.5 };
        using var normalised = Image.ToFloat(image, mean, std, ScalarType.Float64);
        var expected = data.Select((b, i) => (b / 255.0 - mean[i / 4]) / std[i / 4]).ToArray();
        Fixture.AssertClose(expected, normalised.ToArray<double>(), 1e-12, 1e-12);
    }

    [Fact]
    public void ToFloatRejectsMismatchedStatistics()
    {
        using var image = Torch.Zeros(new long[] { 3, 2, 2 }, ScalarType.UInt8);
        Assert.Contains("1 or 3", Assert.Throws<TorchException>(() => Image.ToFloat(image, new[] { 0.1, 0.2 }, new[] { 1.0, 1.0 })).Message);
        Assert.Contains("std=[1, 0]", Assert.Throws<ArgumentException>(() => Image.ToFloat(image, new[] { 0.1, 0.2 }, new[] { 1.0, 0.0 })).Message);
        Assert.Throws<ArgumentException>(() => Image.ToFloat(image, new[] { 0.1 }, null));
        using var floats = Torch.Zeros(new long[] { 3, 2, 2 });
        Assert.Contains("uint8", Assert.Throws<TorchException>(() => Image.ToFloat(floats)).Message);
    }

    [Fact]
    public void ToByteClampsAndRoundsHalfToEven()
    {
        using var x = Torch.Tensor(new float[] { -0.5f, 0f, 0.2f, 0.5f, 1f, 2f, 1.5f / 255f, 2.5f / 255f });
        using var b = Image.ToByte(x);
        Assert.Equal(new byte[] { 0, 0, 51, 128, 255, 255, 2, 2 }, b.ToArray<byte>());
    }

    [Fact]
    public void FlipsMirrorExactly()
    {
        var (image, data) = Ramp(2, 3, 4);
        using var _ = image;
        using var h = Image.FlipHorizontal(image);
        using var v = Image.FlipVertical(image);
        var hv = h.ToArray<float>();
        var vv = v.ToArray<float>();
        for (int c = 0; c < 2; c++)
        for (int y = 0; y < 3; y++)
        for (int x = 0; x < 4; x++)
        {
            Assert.Equal(data[(c * 3 + y) * 4 + (3 - x)], hv[(c * 3 + y) * 4 + x]);
            Assert.Equal(data[(c * 3 + (2 - y)) * 4 + x], vv[(c * 3 + y) * 4 + x]);
        }
    }

    [Fact]
    public void Rotate90OfASquareImageIsTransposeThenVerticalFlip()
    {
        const int n = 5;
        var (image, data) = Ramp(2, n, n);
        using var _ = image;
        using var rotated = Image.Rotate(image, 90);
        var r = rotated.ToArray<float>();
        // Counter-clockwise: out[y, x] = in[x, n − 1 − y] (numpy's rot90).
        var expected = new float[data.Length];
        for (int c = 0; c < 2; c++)
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
            expected[(c * n + y) * n + x] = data[(c * n + x) * n + (n - 1 - y)];
        Fixture.AssertClose(expected, r, 0, 1e-4, "rotate 90");

        using var clockwise = Image.Rotate(image, -90);
        for (int c = 0; c < 2; c++)
        for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++)
            expected[(c * n + y) * n + x] = data[(c * n + (n - 1 - x)) * n + y];
        Fixture.AssertClose(expected, clockwise.ToArray<float>(), 0, 1e-4, "rotate -90");
    }

    [Fact]
    public void Rotate180IsBothFlipsForAnyAspectRatio()
    {
        var (image, _) = Ramp(3, 4, 7);
        using var __ = image;
        using var rotated = Image.Rotate(image, 180);
        using var h = Image.FlipHorizontal(image);
        using var hv = Image.FlipVertical(h);
        Fixture.AssertClose(hv.ToArray<float>(), rotated.ToArray<float>(), 0, 1e-4, "rotate 180");
    }

    [Fact]
    public void Rotate90OfUint8IsExactAfterRounding()
    {
        var bytes = Enumerable.Range(0, 16).Select(i => (byte)(i * 13)).ToArray();
        using var image = Torch.Tensor(bytes, new long[] { 1, 4, 4 });
        using var rotated = Image.Rotate(image, 90);
        Assert.Equal(ScalarType.UInt8, rotated.Dtype);
        var expected = new byte[16];
        for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            expected[y * 4 + x] = bytes[x * 4 + (3 - y)];
        Assert.Equal(expected, rotated.ToArray<byte>());
    }

    [Fact]
    public void IntegerShiftMovesPixelsAndFillsWithZero()
    {
        var (image, data) = Ramp(2, 4, 6);
        using var _ = image;
        using var shifted = Image.Shift(image, 2, -1); // two right, one up
        var s = shifted.ToArray<float>();
        var expected = new float[data.Length];
        for (int c = 0; c < 2; c++)
        for (int y = 0; y < 4; y++)
        for (int x = 0; x < 6; x++)
        {
            int sx = x - 2, sy = y + 1;
            expected[(c * 4 + y) * 6 + x] = sx >= 0 && sy < 4 ? data[(c * 4 + sy) * 6 + sx] : 0f;
        }
        Fixture.AssertClose(expected, s, 0, 1e-5, "shift");
    }

    [Fact]
    public void Zoom2IsTheCentralCropResizedTwiceAsLarge()
    {
        // Inside the border the two sample the same points of the same bilinear surface; at the
        // border Resize clamps to the crop while the zoom still sees the pixels around it.
        const int n = 8;
        var (image, data) = Ramp(1, n, n);
        using var _ = image;
        using var zoomed = Image.Zoom(image, 2);
        var crop = new float[n / 2 * n / 2];
        for (int y = 0; y < n / 2; y++)
        for (int x = 0; x < n / 2; x++)
            crop[y * n / 2 + x] = data[(y + n / 4) * n + x + n / 4];
        using var cropT = Torch.Tensor(crop, new long[] { 1, n / 2, n / 2 });
        using var resized = Image.Resize(cropT, n, n);
        var z = zoomed.ToArray<float>();
        var r = resized.ToArray<float>();
        for (int y = 1; y < n - 1; y++)
        for (int x = 1; x < n - 1; x++)
            Assert.True(Math.Abs(z[y * n + x] - r[y * n + x]) < 1e-5, $"pixel ({y}, {x}): zoom {z[y * n + x]}, resized crop {r[y * n + x]}");
    }

    [Fact]
    public void ZoomBelowOneLeavesAZeroBorder()
    {
        using var ones = Torch.Ones(new long[] { 1, 8, 8 });
        using var small = Image.Zoom(ones, 0.5);
        var v = small.ToArray<float>();
        Assert.Equal(0f, v[0]);            // corner: outside the shrunken image
        Assert.Equal(1f, v[4 * 8 + 4], 5); // centre: inside
        Assert.Equal(16.0, v.Sum(), 1);    // a 4×4 image's worth of ones
    }

    [Fact]
    public void OperationsNameTheShapeTheyReject()
    {
        using var flat = Torch.Zeros(new long[] { 8 });
        Assert.Contains("[8]", Assert.Throws<TorchException>(() => Image.Resize(flat, 2, 2)).Message);
        using var image = Torch.Zeros(new long[] { 1, 4, 4 });
        Assert.Contains("zoom=0", Assert.Throws<ArgumentOutOfRangeException>(() => Image.Zoom(image, 0)).Message);
        Assert.Contains("height=0", Assert.Throws<ArgumentOutOfRangeException>(() => Image.Resize(image, 0, 3)).Message);
    }
}
