using MlNetDeep.Torch.Tests.Support;
using MlNetDeep.Torch.Vision;

namespace MlNetDeep.Torch.Tests.Vision;

public class ImageAugmentationTests
{
    /// <summary>N copies of one asymmetric C×H×W image, so every output can be compared with it.</summary>
    private static (Tensor Batch, float[] One) Copies(int n, int c = 1, int h = 6, int w = 6)
    {
        var one = Enumerable.Range(0, c * h * w).Select(i => (float)((i * 29 % 53) / 52.0)).ToArray();
        var all = Enumerable.Range(0, n).SelectMany(_ => one).ToArray();
        return (Torch.Tensor(all, new long[] { n, c, h, w }), one);
    }

    private static float[] Item(float[] batch, int i, int size) => batch.AsSpan(i * size, size).ToArray();

    [Fact]
    public void SameSeedGivesTheSameImagesAndAnotherSeedDoesNot()
    {
        var augment = new ImageAugmentation { HorizontalFlip = true, RotationRange = 30, WidthShiftRange = 0.2, MinZoom = 0.8, MaxZoom = 1.2 };
        var (batch, _) = Copies(4);
        using var __ = batch;
        using var a = augment.Apply(batch, seed: 11);
        Torch.ManualSeed(999); // the explicit seed does not depend on the global generator
        using var b = augment.Apply(batch, seed: 11);
        using var c = augment.Apply(batch, seed: 12);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        Assert.NotEqual(a.ToArray<float>(), c.ToArray<float>());
    }

    [Fact]
    public void WithoutASeedTheDrawsFollowManualSeed()
    {
        var augment = new ImageAugmentation { RotationRange = 45, HeightShiftRange = 0.1 };
        var (batch, _) = Copies(3);
        using var __ = batch;
        Torch.ManualSeed(5);
        using var a = augment.Apply(batch);
        using var a2 = augment.Apply(batch); // the generator advanced: a different draw
        Torch.ManualSeed(5);
        using var b = augment.Apply(batch);
        Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
        Assert.NotEqual(a.ToArray<float>(), a2.ToArray<float>());
    }

    [Fact]
    public void FlipsAloneGiveEachImageOrItsMirrorAndBothOccur()
    {
        const int n = 16, size = 36;
        var (batch, one) = Copies(n);
        using var __ = batch;
        using var single = Torch.Tensor(one, new long[] { 1, 6, 6 });
        using var mirror = Image.FlipHorizontal(single);
        var mirrored = mirror.ToArray<float>();
        using var output = new ImageAugmentation { HorizontalFlip = true }.Apply(batch, seed: 3);
        var o = output.ToArray<float>();
        int flipped = 0;
        for (int i = 0; i < n; i++)
        {
            var item = Item(o, i, size);
            if (item.SequenceEqual(mirrored)) flipped++;
            else Assert.Equal(one, item);
        }
        Assert.InRange(flipped, 1, n - 1);
    }

    [Fact]
    public void VerticalFlipDrawsIndependentlyOfHorizontal()
    {
        const int n = 32, size = 36;
        var (batch, one) = Copies(n);
        using var __ = batch;
        using var single = Torch.Tensor(one, new long[] { 1, 6, 6 });
        using var h = Image.FlipHorizontal(single);
        using var v = Image.FlipVertical(single);
        using var hv = Image.FlipVertical(h);
        var kinds = new[] { one, h.ToArray<float>(), v.ToArray<float>(), hv.ToArray<float>() };
        using var output = new ImageAugmentation { HorizontalFlip = true, VerticalFlip = true }.Apply(batch, seed: 21);
        var o = output.ToArray<float>();
        var seen = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            var item = Item(o, i, size);
            var k = Array.FindIndex(kinds, kind => kind.SequenceEqual(item));
            Assert.True(k >= 0, $"image {i} is neither the original nor a flip of it");
            seen.Add(k);
        }
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void NothingEnabledReturnsAnEqualCopy()
    {
        var (batch, _) = Copies(2);
        using var __ = batch;
        using var output = new ImageAugmentation().Apply(batch, seed: 1);
        Assert.Equal(batch.ToArray<float>(), output.ToArray<float>());
    }

    [Fact]
    public void AFixedZoomRangeIsTheDeterministicZoom()
    {
        var (batch, one) = Copies(3, c: 2);
        using var __ = batch;
        using var single = Torch.Tensor(one, new long[] { 2, 6, 6 });
        using var zoomed = Image.Zoom(single, 1.5);
        using var output = new ImageAugmentation { MinZoom = 1.5, MaxZoom = 1.5 }.Apply(batch, seed: 4);
        var o = output.ToArray<float>();
        for (int i = 0; i < 3; i++)
            Fixture.AssertClose(zoomed.ToArray<float>(), Item(o, i, 72), 0, 1e-6, $"image {i}");
    }

    [Fact]
    public void RotationsStayWithinTheirRangeAndDifferPerImage()
    {
        // A bright dot right of centre; a rotation by θ moves it to angle θ around the centre.
        const int s = 21, n = 8;
        var one = new float[s * s];
        one[10 * s + 18] = 1f;
        var all = Enumerable.Range(0, n).SelectMany(_ => one).ToArray();
        using var batch = Torch.Tensor(all, new long[] { n, 1, s, s });
        using var output = new ImageAugmentation { RotationRange = 40 }.Apply(batch, seed: 8);
        var o = output.ToArray<float>();
        var angles = new List<double>();
        for (int i = 0; i < n; i++)
        {
            double sx = 0, sy = 0, m = 0;
            for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
            {
                var v = o[i * s * s + y * s + x];
                sx += v * (x - 10);
                sy += v * (y - 10);
                m += v;
            }
            var degrees = Math.Atan2(-sy / m, sx / m) * 180 / Math.PI; // y points down: counter-clockwise is up
            Assert.InRange(degrees, -41, 41);
            angles.Add(degrees);
        }
        Assert.True(angles.Max() - angles.Min() > 10, $"angles barely differ: {string.Join(", ", angles)}");
    }

    [Fact]
    public void Uint8ImagesKeepTheirTypeAndShape()
    {
        var bytes = Enumerable.Range(0, 3 * 5 * 7).Select(i => (byte)(i * 7)).ToArray();
        using var image = Torch.Tensor(bytes, new long[] { 3, 5, 7 });
        using var output = new ImageAugmentation { RotationRange = 10, WidthShiftRange = 0.1, HorizontalFlip = true }.Apply(image, seed: 2);
        Assert.Equal(ScalarType.UInt8, output.Dtype);
        Assert.Equal(new long[] { 3, 5, 7 }, output.Shape);
    }

    [Fact]
    public void OptionsRejectInvalidRanges()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation { RotationRange = -5 });
        Assert.Contains("RotationRange=-5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation { WidthShiftRange = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation { MinZoom = 0 });
        using var image = Torch.Zeros(new long[] { 1, 4, 4 });
        var z = Assert.Throws<ArgumentException>(() => new ImageAugmentation { MinZoom = 1.2, MaxZoom = 1.1 }.Apply(image));
        Assert.Contains("MinZoom=1.2", z.Message);
    }
}
