using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using MlNetDeep.Torch.Vision;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Data;

/// <summary>
/// ml.Data.LoadFromIdx on Debian's Fashion-MNIST (facts from numpy in Fixtures/fashion_mnist.json)
/// and on small files written here, and ml.Data.LoadFromImageFolder on a folder built here.
/// </summary>
public sealed class ImageLoaderTests : IDisposable
{
    // Where Debian's dataset-fashion-mnist package installs its files (scripts/setup.sh installs it).
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    private readonly string _dir = Directory.CreateTempSubdirectory("mlnd-imgload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement Facts(string split)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fashion_mnist.json")));
        return doc.RootElement.GetProperty(split).Clone();
    }

    private static string Dataset(string name)
    {
        var path = Path.Combine(FashionMnist, name);
        Assert.True(File.Exists(path), $"{path} is missing: scripts/setup.sh installs the Debian package dataset-fashion-mnist.");
        return path;
    }

    [Fact]
    public void FashionMnistTrainLoadsAsKeyLabelsAndChannelsFirstPixels()
    {
        var ml = new MLContext(1);
        var facts = Facts("train");
        var data = ml.Data.LoadFromIdx(Dataset("train-images-idx3-ubyte.gz"), Dataset("train-labels-idx1-ubyte.gz"));

        Assert.Equal(["Label", "Features"], data.Schema.Select(c => c.Name));
        Assert.Equal(new KeyDataViewType(typeof(uint), 10), data.Schema["Label"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 28, 28), data.Schema["Features"].Type);
        Assert.Equal(60000, data.GetRowCount());
        var keyValues = default(VBuffer<uint>);
        data.Schema["Label"].GetKeyValues(ref keyValues);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (uint)i), keyValues.DenseValues());

        // One pass over the labels only (the images file is not opened for it): all 60000 rows.
        var keys = TestData.Column<uint>(data, "Label");
        Assert.Equal(60000, keys.Count);
        var first = facts.GetProperty("first_labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal([9, 0, 0, 3, 0, 2, 7, 2, 5, 5], first[..10]);
        Assert.Equal(first, keys.Take(first.Length).Select(k => (int)k - 1)); // keys are 1-based
        var counts = facts.GetProperty("label_counts").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(counts, Enumerable.Range(1, 10).Select(k => keys.Count(x => x == k)));

        // Pixels of the first images: IdxFile's bytes / 255, and the raw bytes with scale: false.
        using var idx = IdxFile.Open(Dataset("train-images-idx3-ubyte.gz"));
        var expected = new byte[idx.ItemLength];
        var scaled = TestData.Vectors(ml.Data.TakeRows(data, 3), "Features");
        var raw = TestData.Vectors(ml.Data.TakeRows(ml.Data.LoadFromIdx(Dataset("train-images-idx3-ubyte.gz"), scale: false), 3), "Features");
        for (int i = 0; i < 3; i++)
        {
            Assert.True(idx.ReadItem(expected));
            Assert.Equal(expected.Select(b => b / 255f), scaled[i]);
            Assert.Equal(expected.Select(b => (float)b), raw[i]);
        }
        Assert.Equal(facts.GetProperty("first_image").EnumerateArray().Select(v => (float)v.GetInt32()), raw[0]);

        // The key maps back to the class number.
        var back = ml.Transforms.Conversion.MapKeyToValue("Class", "Label").Fit(data).Transform(ml.Data.TakeRows(data, 10));
        Assert.Equal(first[..10].Select(v => (uint)v), TestData.Column<uint>(back, "Class"));
    }

    [Fact]
    public void TestSplitLoadsWithoutLabels()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromIdx(Dataset("t10k-images-idx3-ubyte.gz"), imageColumnName: "Image");
        Assert.Equal(["Image"], data.Schema.Select(c => c.Name));
        Assert.Equal(10000, data.GetRowCount());
        Assert.Equal(10000, TestData.CountRows(data));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SmallRawAndGzipFilesGiveTheirValues(bool gzip)
    {
        var ml = new MLContext(1);
        byte[] pixels = [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
        var images = Write("img", gzip, 0x08, [3, 2, 3], pixels);
        var labels = Write("lab", gzip, 0x08, [3], [2, 0, 4]);
        var data = ml.Data.LoadFromIdx(images, labels);
        Assert.Equal(new KeyDataViewType(typeof(uint), 5), data.Schema["Label"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 2, 3), data.Schema["Features"].Type);
        Assert.Equal([3u, 1u, 5u], TestData.Column<uint>(data, "Label"));
        var rows = TestData.Vectors(data, "Features");
        Assert.Equal([0f, 1f, 0.2f, 0.4f, 1 / 255f, 2 / 255f], rows[0]);
        Assert.Equal(pixels[12..].Select(b => b / 255f), rows[2]);
    }

    [Fact]
    public void IdxErrorsNameTheFile()
    {
        var ml = new MLContext(1);
        var images = Write("img", false, 0x08, [3, 2, 2], new byte[12]);
        var fewLabels = Write("few", false, 0x08, [2], [1, 2]);
        var e1 = Assert.Throws<InvalidDataException>(() => ml.Data.LoadFromIdx(images, fewLabels));
        Assert.Contains(fewLabels, e1.Message);
        Assert.Contains("2 labels", e1.Message);
        var missing = Path.Combine(_dir, "nope-idx3-ubyte");
        var e2 = Assert.Throws<FileNotFoundException>(() => ml.Data.LoadFromIdx(missing));
        Assert.Contains(missing, e2.Message);
        var truncated = Write("trunc", false, 0x08, [3, 2, 2], new byte[7]);
        var data = ml.Data.LoadFromIdx(truncated);
        var e3 = Assert.Throws<InvalidDataException>(() => TestData.Vectors(data, "Features"));
        Assert.Contains(truncated, e3.Message);
        Assert.Contains("truncated", e3.Message);
    }

    [Fact]
    public void ImageFolderListsOneLabelPerSubfolderInSortedOrder()
    {
        var ml = new MLContext(1);
        var root = Path.Combine(_dir, "pets");
        WritePng(Path.Combine(root, "dog", "b.png"), 10);
        WritePng(Path.Combine(root, "dog", "a.PNG"), 20);
        WritePng(Path.Combine(root, "cat", "z.png"), 30);
        File.WriteAllText(Path.Combine(root, "cat", "notes.txt"), "not an image");
        WritePng(Path.Combine(root, "cat", "deeper", "ignored.png"), 40);

        var data = ml.Data.LoadFromImageFolder(root);
        Assert.Equal(["ImagePath:String", "Label:String"], data.Schema.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(3, data.GetRowCount());
        var full = Path.GetFullPath(root);
        Assert.Equal([Path.Combine(full, "cat", "z.png"), Path.Combine(full, "dog", "a.PNG"), Path.Combine(full, "dog", "b.png")],
            TestData.Column<ReadOnlyMemory<char>>(data, "ImagePath").Select(m => m.ToString()));
        Assert.Equal(["cat", "dog", "dog"], TestData.Column<ReadOnlyMemory<char>>(data, "Label").Select(m => m.ToString()));

        // The paths load as images (in the listed order), and the label maps to a key.
        var pixelsModel = ml.Transforms.LoadImages("Image", null, "ImagePath")
            .Append(ml.Transforms.ResizeImages("Image", 2, 2))
            .Append(ml.Transforms.ExtractPixels("Pixels", "Image", ImagePixelExtractingEstimator.ColorBits.Gray))
            .Append(ml.Transforms.Conversion.MapValueToKey("Key", "Label"))
            .Fit(data);
        var output = pixelsModel.Transform(data);
        Assert.Equal([[30f, 0, 0, 0], [20f, 0, 0, 0], [10f, 0, 0, 0]], TestData.Vectors(output, "Pixels"));
        Assert.Equal([1u, 2u, 2u], TestData.Column<uint>(output, "Key"));
    }

    [Fact]
    public void ImageFolderErrorsNameTheFolder()
    {
        var ml = new MLContext(1);
        var missing = Path.Combine(_dir, "absent");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => ml.Data.LoadFromImageFolder(missing)).Message);
        var flat = Path.Combine(_dir, "flat");
        WritePng(Path.Combine(flat, "a.png"), 1);
        Assert.Contains("no subfolders", Assert.Throws<InvalidDataException>(() => ml.Data.LoadFromImageFolder(flat)).Message);
        var root = Path.Combine(_dir, "root");
        WritePng(Path.Combine(root, "a", "x.png"), 1);
        Directory.CreateDirectory(Path.Combine(root, "b"));
        var e = Assert.Throws<InvalidDataException>(() => ml.Data.LoadFromImageFolder(root));
        Assert.Contains(Path.Combine(Path.GetFullPath(root), "b"), e.Message);
    }

    /// <summary>Writes a 2×2 gray PNG whose first pixel is <paramref name="value"/>.</summary>
    internal static void WritePng(string path, byte value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var t = TorchApi.Tensor<byte>(new byte[] { value, 0, 0, 0 }, new long[] { 2, 2, 1 });
        Image.SavePng(t, path);
    }

    private string Write(string name, bool gzip, byte type, int[] dims, byte[] data)
    {
        var path = Path.Combine(_dir, name + (gzip ? ".gz" : ""));
        using var ms = new MemoryStream();
        ms.Write([0, 0, type, (byte)dims.Length]);
        Span<byte> b = stackalloc byte[4];
        foreach (var d in dims) { BinaryPrimitives.WriteInt32BigEndian(b, d); ms.Write(b); }
        ms.Write(data);
        if (!gzip) { File.WriteAllBytes(path, ms.ToArray()); return path; }
        using var f = File.Create(path);
        using var z = new GZipStream(f, CompressionLevel.Fastest);
        z.Write(ms.ToArray());
        return path;
    }
}
