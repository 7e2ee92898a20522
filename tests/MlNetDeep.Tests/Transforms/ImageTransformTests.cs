using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Vision;
using static MlNetDeep.Transforms.ImagePixelExtractingEstimator;
using static MlNetDeep.Transforms.ImageResizingEstimator;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Transforms;

/// <summary>
/// LoadImages → ResizeImages → ExtractPixels checked against direct computations (bilinear
/// resampling written out here, torchvision's ToTensor/Normalize through Image.ToFloat), the
/// estimator contract, errors, and the training-only augmentation.
/// </summary>
public sealed class ImageTransformTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlnd-imgxf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }

    // An RGB image whose pixels differ everywhere: value = (31·y + 17·x + 89·c) mod 256.
    private static byte[] Pattern(int h, int w, int c, int salt = 0)
    {
        var p = new byte[h * w * c];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) for (int k = 0; k < c; k++)
            p[(y * w + x) * c + k] = (byte)((31 * y + 17 * x + 89 * k + salt) % 256);
        return p;
    }

    private string Png(string name, int h, int w, int c, byte[] pixels)
    {
        var path = Path.Combine(_dir, name);
        using var t = TorchApi.Tensor<byte>(pixels, new long[] { h, w, c });
        Image.SavePng(t, path);
        return path;
    }

    private IDataView Paths(MLContext ml, params string[] names) =>
        ml.Data.LoadFromEnumerable(names.Select(n => new PathRow { ImagePath = n }).ToArray());

    // Bilinear resampling as torch's interpolate(align_corners=False), in double, rounded half to even.
    private static byte[] Bilinear(byte[] src, int h, int w, int c, int oh, int ow)
    {
        var dst = new byte[oh * ow * c];
        static (int, int, double) Index(int o, int size, int outSize)
        {
            double s = Math.Max((o + 0.5) * size / outSize - 0.5, 0);
            int i0 = Math.Min((int)Math.Floor(s), size - 1);
            return (i0, Math.Min(i0 + 1, size - 1), s - i0);
        }
        for (int y = 0; y < oh; y++)
        {
            var (y0, y1, ly) = Index(y, h, oh);
            for (int x = 0; x < ow; x++)
            {
                var (x0, x1, lx) = Index(x, w, ow);
                for (int k = 0; k < c; k++)
                {
                    double v = (1 - ly) * ((1 - lx) * src[(y0 * w + x0) * c + k] + lx * src[(y0 * w + x1) * c + k])
                             + ly * ((1 - lx) * src[(y1 * w + x0) * c + k] + lx * src[(y1 * w + x1) * c + k]);
                    dst[(y * ow + x) * c + k] = (byte)Math.Clamp(Math.Round(v, MidpointRounding.ToEven), 0, 255);
                }
            }
        }
        return dst;
    }

    private static float[] Planar(byte[] hwc, int h, int w, int c, Func<int, float, float> f)
    {
        var v = new float[hwc.Length];
        for (int k = 0; k < c; k++) for (int i = 0; i < h * w; i++) v[k * h * w + i] = f(k, hwc[i * c + k]);
        return v;
    }

    [Fact]
    public void LoadResizeExtractGivesChannelsFirstScaledPixels()
    {
        var ml = new MLContext(1);
        var a = Pattern(8, 6, 3);
        var b = Pattern(8, 6, 3, salt: 100);
        var data = Paths(ml, "a.png", "b.png");
        Png("a.png", 8, 6, 3, a);
        Png("b.png", 8, 6, 3, b);
        // Halving both sides makes bilinear an exact 2×2 average (ties round half to even).
        var pipeline = ml.Transforms.LoadImages("Image", _dir, "ImagePath")
            .Append(ml.Transforms.ResizeImages("Small", 3, 4, "Image", ResizingKind.Fill))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Small", scaleImage: 1f / 255));
        var output = pipeline.Fit(data).Transform(data);

        Assert.Equal(new ImageDataViewType(), output.Schema["Image"].Type);
        Assert.Equal(new ImageDataViewType(4, 3), output.Schema["Small"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3, 4, 3), output.Schema["Pixels"].Type);
        var images = TestData.Column<MLImage>(output, "Image");
        Assert.Equal(a, images[0].Pixels.ToArray());
        var pixels = TestData.Vectors(output, "Pixels");
        foreach (var (src, row) in new[] { (a, 0), (b, 1) })
        {
            var small = new byte[4 * 3 * 3];
            for (int y = 0; y < 4; y++) for (int x = 0; x < 3; x++) for (int k = 0; k < 3; k++)
            {
                int s = src[((2 * y) * 6 + 2 * x) * 3 + k] + src[((2 * y) * 6 + 2 * x + 1) * 3 + k]
                      + src[((2 * y + 1) * 6 + 2 * x) * 3 + k] + src[((2 * y + 1) * 6 + 2 * x + 1) * 3 + k];
                small[(y * 3 + x) * 3 + k] = (byte)Math.Round(s / 4.0, MidpointRounding.ToEven);
            }
            Assert.Equal(small, Bilinear(src, 8, 6, 3, 4, 3)); // the written-out bilinear agrees
            TestData.AssertClose(Planar(small, 4, 3, 3, (_, v) => v / 255f).Select(x => (double)x).ToArray(), pixels[row].Select(x => (double)x).ToArray(), 1e-6, 0, "pixels");
        }
    }

    [Fact]
    public void UnevenResizeMatchesBilinearAndMeanStdMatchesTorchvisionToTensorNormalize()
    {
        var ml = new MLContext(1);
        var src = Pattern(7, 5, 3);
        Png("u.png", 7, 5, 3, src);
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        var output = ml.Transforms.LoadImages("Image", _dir, "ImagePath")
            .Append(ml.Transforms.ResizeImages("Image", 4, 3, resizing: ResizingKind.Fill))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Image", scaleImage: 1f / 255, mean: mean, std: std))
            .Fit(Paths(ml, "u.png")).Transform(Paths(ml, "u.png"));
        var resized = TestData.Column<MLImage>(output, "Image")[0];
        var expected = Bilinear(src, 7, 5, 3, 3, 4);
        // float32 (libtorch) against double here: a value may land on the other side of a .5.
        Assert.All(resized.Pixels.ToArray().Zip(expected), p => Assert.InRange(p.First - p.Second, -1, 1));
        Assert.True(resized.Pixels.ToArray().Zip(expected).Count(p => p.First == p.Second) >= expected.Length - 2);

        using var hwc = resized.ToTensor();
        using var chw = Image.HwcToChw(hwc);
        using var reference = Image.ToFloat(chw, mean.Select(m => (double)m).ToArray(), std.Select(s => (double)s).ToArray());
        TestData.AssertClose(reference.ToArray<float>().Select(v => (double)v).ToArray(),
            TestData.Vectors(output, "Pixels")[0].Select(v => (double)v).ToArray(), 1e-5, 1e-6, "ToTensor+Normalize");
    }

    [Fact]
    public void ColorsOrderInterleaveGrayAndOffset()
    {
        var ml = new MLContext(1);
        byte[] rgba = [10, 20, 30, 40, 50, 60, 70, 80];            // 1×2 RGBA
        byte[] gray = [100, 200];                                  // 1×2 gray
        Png("rgba.png", 1, 2, 4, rgba);
        Png("gray.png", 1, 2, 1, gray);
        var data = Paths(ml, "rgba.png", "gray.png");
        var loaded = ml.Transforms.LoadImages("Image", _dir, "ImagePath").Append(ml.Transforms.ResizeImages("Image", 2, 1)).Fit(data).Transform(data);

        IReadOnlyList<float[]> Extract(ImagePixelExtractingEstimator e, out DataViewType type)
        {
            var o = e.Fit(loaded).Transform(loaded);
            type = o.Schema["P"].Type;
            return TestData.Vectors(o, "P");
        }

        // Default: R, G, B planes; a gray image repeats its value; alpha is dropped.
        var rgb = Extract(ml.Transforms.ExtractPixels("P", "Image"), out var t1);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3, 1, 2), t1);
        Assert.Equal([10f, 50, 20, 60, 30, 70], rgb[0]);
        Assert.Equal([100f, 200, 100, 200, 100, 200], rgb[1]);
        // All colours, ABGR order, interleaved [H, W, planes]; a gray image has alpha 255.
        var abgr = Extract(ml.Transforms.ExtractPixels("P", "Image", ColorBits.All, ColorsOrder.ABGR, interleavePixelColors: true), out var t2);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 2, 4), t2);
        Assert.Equal([40f, 30, 20, 10, 80, 70, 60, 50], abgr[0]);
        Assert.Equal([255f, 100, 100, 100, 255, 200, 200, 200], abgr[1]);
        // ML.NET's formula (v − offset) · scale.
        var shifted = Extract(ml.Transforms.ExtractPixels("P", "Image", ColorBits.Red, offsetImage: 10, scaleImage: 0.5f), out _);
        Assert.Equal([0f, 20], shifted[0]);
        // Gray: the value itself, or the luma of a colour image.
        var g = Extract(ml.Transforms.ExtractPixels("P", "Image", ColorBits.Gray), out var t3);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 1, 2), t3);
        Assert.Equal([100f, 200], g[1]);
        Assert.Equal(0.299f * 10 + 0.587f * 20 + 0.114f * 30, g[0][0], 4);
        Assert.Equal(0.299f * 50 + 0.587f * 60 + 0.114f * 70, g[0][1], 4);
    }

    [Fact]
    public void IsoCropAndIsoPadKeepTheAspectRatio()
    {
        var ml = new MLContext(1);
        var wide = Pattern(2, 4, 1);                               // 2 high, 4 wide
        Png("wide.png", 2, 4, 1, wide);
        var data = Paths(ml, "wide.png");
        MLImage Resize(ResizingKind kind, Anchor anchor)
        {
            var o = ml.Transforms.LoadImages("Image", _dir, "ImagePath").Append(ml.Transforms.ResizeImages("R", 2, 2, "Image", kind, anchor)).Fit(data).Transform(data);
            return TestData.Column<MLImage>(o, "R")[0];
        }
        byte[] Columns(int x0) => [wide[x0], wide[x0 + 1], wide[4 + x0], wide[4 + x0 + 1]];

        // IsoCrop (ML.NET's default) cuts a 2×2 square: the centre, or the edge the anchor names.
        Assert.Equal(Columns(1), Resize(ResizingKind.IsoCrop, Anchor.Center).Pixels.ToArray());
        Assert.Equal(Columns(0), Resize(ResizingKind.IsoCrop, Anchor.Left).Pixels.ToArray());
        Assert.Equal(Columns(2), Resize(ResizingKind.IsoCrop, Anchor.Right).Pixels.ToArray());
        // IsoPad scales 4×2 to 2×1 (2×2 averages) and pads the second row with zeros.
        var pad = Resize(ResizingKind.IsoPad, Anchor.Center).Pixels.ToArray();
        Assert.Equal(Bilinear(wide, 2, 4, 1, 1, 2), pad[..2]);
        Assert.Equal([0, 0], pad[2..]);
        // Fill stretches.
        Assert.Equal(Bilinear(wide, 2, 4, 1, 2, 2), Resize(ResizingKind.Fill, Anchor.Center).Pixels.ToArray());
    }

    [Fact]
    public void EveryImageEstimatorPassesTheContract()
    {
        var ml = new MLContext(1);
        Png("a.png", 5, 4, 3, Pattern(5, 4, 3));
        Png("b.png", 3, 6, 1, Pattern(3, 6, 1));
        var paths = Paths(ml, Path.Combine(_dir, "a.png"), Path.Combine(_dir, "b.png"));
        EstimatorContract.Check(ml.Transforms.LoadImages("Image", null, "ImagePath"), paths, "ImagePath");
        var images = ml.Transforms.LoadImages("Image", null, "ImagePath").Fit(paths).Transform(paths);
        EstimatorContract.Check(ml.Transforms.ResizeImages("Small", 3, 2, "Image"), images, "Image");
        var small = ml.Transforms.ResizeImages("Small", 3, 2, "Image").Fit(images).Transform(images);
        EstimatorContract.Check(ml.Transforms.ExtractPixels("Pixels", "Small", ColorBits.All, ColorsOrder.AGBR, true, 3, 0.5f, [1, 2, 3, 4], [2, 2, 2, 2]), small, "Small");
        var pixels = ml.Transforms.ExtractPixels("Pixels", "Small", scaleImage: 1f / 255).Fit(small).Transform(small);
        var model = EstimatorContract.Check(ml.Transforms.AugmentImages("Pixels", horizontalFlip: true, rotationRange: 10, zoomRange: 0.1, seed: 7), pixels, "Pixels");

        // The whole chain saves and reloads (from file paths to pixels).
        var chain = ml.Transforms.LoadImages("Image", null, "ImagePath").Append(ml.Transforms.ResizeImages("Small", 3, 2, "Image"))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Small", scaleImage: 1f / 255))
            .Append(ml.Transforms.AugmentImages("Pixels", horizontalFlip: true, seed: 7));
        var fitted = EstimatorContract.Check(chain, paths, "ImagePath");
        Assert.Equal(TestData.Vectors(pixels, "Pixels"), TestData.Vectors(fitted.Transform(paths), "Pixels"));
        _ = model;
    }

    [Fact]
    public void MissingOrCorruptFilesAndWrongColumnTypesAreNamed()
    {
        var ml = new MLContext(1);
        Png("ok.png", 2, 2, 1, [1, 2, 3, 4]);
        File.WriteAllBytes(Path.Combine(_dir, "bad.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5]);
        var loader = ml.Transforms.LoadImages("Image", _dir, "ImagePath");

        var missing = Paths(ml, "ok.png", "gone.png");
        var e1 = Assert.Throws<FileNotFoundException>(() => TestData.Column<MLImage>(loader.Fit(missing).Transform(missing), "Image"));
        Assert.Contains(Path.Combine(_dir, "gone.png"), e1.Message);
        Assert.Contains("row index 1", e1.Message);
        Assert.Contains("'ImagePath'", e1.Message);

        var corrupt = Paths(ml, "ok.png", "ok.png", "bad.png");
        var e2 = Assert.Throws<InvalidDataException>(() => TestData.Column<MLImage>(loader.Fit(corrupt).Transform(corrupt), "Image"));
        Assert.Contains(Path.Combine(_dir, "bad.png"), e2.Message);
        Assert.Contains("row index 2", e2.Message);

        var empty = Paths(ml, "");
        Assert.Contains("row index 0", Assert.Throws<InvalidDataException>(() => TestData.Column<MLImage>(loader.Fit(empty).Transform(empty), "Image")).Message);

        // Wrong column types fail before any row is read, naming the column and what was expected.
        var numbers = ml.Data.LoadFromEnumerable(new[] { new ColumnTransformTests.Row { A = 1 } });
        var e3 = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.LoadImages("Image", null, "A").Fit(numbers));
        Assert.Contains("'A'", e3.Message);
        Assert.Contains("text", e3.Message);
        var images = loader.Fit(Paths(ml, "ok.png")).Transform(Paths(ml, "ok.png"));
        var e4 = Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ExtractPixels("P", "Image").Fit(images));
        Assert.Contains("'Image'", e4.Message);
        Assert.Contains("ResizeImages", e4.Message);
        Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ExtractPixels("P", "Image").GetOutputSchema(SchemaShape.Create(images.Schema)));
        Assert.Contains("'Image'", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.AugmentImages("Image").Fit(images)).Message);
        Assert.Contains("'ImagePath'", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ResizeImages("R", 2, 2, "ImagePath").Fit(images)).Message);

        // Bad arguments name the argument and the value.
        Assert.Contains("imageWidth=0", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ResizeImages("R", 0, 2, "Image")).Message);
        Assert.Contains("colorsToExtract", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ExtractPixels("P", "Image", ColorBits.Gray | ColorBits.Red)).Message);
        Assert.Contains("mean", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.ExtractPixels("P", "Image", mean: [1, 2], std: [1, 2])).Message);
        Assert.Contains("zoomRange=1.5", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.AugmentImages("P", zoomRange: 1.5)).Message);
        Assert.Contains("rotationRange=-1", Assert.ThrowsAny<ArgumentException>(() => ml.Transforms.AugmentImages("P", rotationRange: -1)).Message);
    }

    public sealed class InMemoryImage
    {
        [ImageType(2, 2)] public MLImage? Image { get; set; }
    }

    public sealed class PixelsOut
    {
        public float[] Pixels { get; set; } = [];
        public MLImage? Image { get; set; }
    }

    [Fact]
    public void InMemoryImagesFlowThroughEnumerablesAndPredictionEngines()
    {
        var ml = new MLContext(1);
        var img = MLImage.CreateFromPixels(2, 2, 3, Pattern(2, 2, 3));
        var data = ml.Data.LoadFromEnumerable(new[] { new InMemoryImage { Image = img } });
        Assert.Equal(new ImageDataViewType(2, 2), data.Schema["Image"].Type);
        var model = ml.Transforms.ExtractPixels("Pixels", "Image", ColorBits.Red).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<InMemoryImage, PixelsOut>(model);
        var other = MLImage.CreateFromPixels(2, 2, 3, Pattern(2, 2, 3, salt: 7));
        var p = engine.Predict(new InMemoryImage { Image = other });
        Assert.Equal(Planar(other.Pixels.ToArray(), 2, 2, 3, (_, v) => v).Take(4), p.Pixels);
        Assert.Same(other, p.Image);
        // An image of another size than the column promises is named with its row.
        var wrong = ml.Data.LoadFromEnumerable(new[] { new InMemoryImage { Image = img }, new InMemoryImage { Image = MLImage.CreateFromPixels(3, 2, 1, new byte[6]) } });
        var e = Assert.Throws<InvalidDataException>(() => TestData.Vectors(model.Transform(wrong), "Pixels"));
        Assert.Contains("row index 1", e.Message);
        Assert.Contains("3×2", e.Message);
    }

    [Fact]
    public void AugmentationIsIdentityOnDataAndSeededForTrainingBatches()
    {
        var ml = new MLContext(1);
        const string FashionMnist = "/usr/share/datasets/fashion-mnist";
        var data = ml.Data.TakeRows(ml.Data.LoadFromIdx(Path.Combine(FashionMnist, "t10k-images-idx3-ubyte.gz"), Path.Combine(FashionMnist, "t10k-labels-idx1-ubyte.gz")), 16);
        var plain = TestData.Vectors(data, "Features");
        var model = ml.Transforms.AugmentImages("Features", horizontalFlip: true, seed: 3).Fit(data);
        var output = model.Transform(data);

        // Prediction/test data: the values are untouched.
        Assert.Equal(plain, TestData.Vectors(output, "Features"));
        Assert.True(model.IsTrainingOnly);
        Assert.Null(ImageAugmentingTransformer.FromColumn(data.Schema["Features"]));

        // What a trainer does: find the augmentation on its feature column and apply it per batch.
        var found = ImageAugmentingTransformer.FromColumn(output.Schema["Features"]);
        Assert.NotNull(found);
        Assert.Equal(3, found!.Seed);
        Assert.True(found.Augmentation.HorizontalFlip);
        Assert.Equal(model.SeedFor(2, 5), found.SeedFor(2, 5));
        Assert.NotEqual(found.SeedFor(2, 5), found.SeedFor(2, 6));
        Assert.NotEqual(found.SeedFor(2, 5), found.SeedFor(3, 5));

        using var scope = TorchApi.NewDisposeScope();
        var batch = TorchApi.Tensor<float>(plain.SelectMany(p => p).ToArray(), new long[] { 16, 1, 28, 28 });
        var once = found.Augment(batch, 0, 0).ToArray<float>();
        Assert.Equal(once, found.Augment(batch, 0, 0).ToArray<float>());   // reproducible
        Assert.Equal(once, model.Augment(batch, found.SeedFor(0, 0)).ToArray<float>());
        Assert.NotEqual(once, found.Augment(batch, 0, 1).ToArray<float>());
        // Horizontal flip only: every image is itself or its mirror, and both occur.
        var mirrored = Image.FlipHorizontal(batch).ToArray<float>();
        int flips = 0;
        for (int i = 0; i < 16; i++)
        {
            var got = once.AsSpan(i * 784, 784).ToArray();
            bool same = got.SequenceEqual(plain[i]), flip = got.SequenceEqual(mirrored.AsSpan(i * 784, 784).ToArray());
            Assert.True(same || flip, $"image {i} is neither itself nor its mirror");
            if (flip && !same) flips++;
        }
        Assert.InRange(flips, 1, 15);

        // Rotation, shift and zoom: seeded draws, reproducible, and they move pixels.
        var warp = ml.Transforms.AugmentImages("Features", rotationRange: 20, widthShiftRange: 0.1, heightShiftRange: 0.1, zoomRange: 0.2, seed: 5).Fit(data);
        var w1 = warp.Augment(batch, 1, 2).ToArray<float>();
        Assert.Equal(w1, warp.Augment(batch, 1, 2).ToArray<float>());
        Assert.NotEqual(plain.SelectMany(p => p).ToArray(), w1);
        Assert.Equal(plain, TestData.Vectors(warp.Transform(data), "Features"));

        // The settings survive save/load.
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        ms.Position = 0;
        var loaded = Assert.IsType<ImageAugmentingTransformer>(ml.Model.Load(ms, out _));
        Assert.Equal(once, loaded.Augment(batch, 0, 0).ToArray<float>());
    }
}
