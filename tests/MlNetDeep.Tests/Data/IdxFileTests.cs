using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using MlNetDeep.Data;

namespace MlNetDeep.Tests.Data;

/// <summary>
/// The IDX reader on Debian's dataset-fashion-mnist (installed by scripts/setup.sh), checked
/// against numpy's reading of the same files (Fixtures/make_fashion_mnist.py), and on small
/// files written here for every element type, raw and gzip, and for each kind of damage.
/// </summary>
public sealed class IdxFileTests : IDisposable
{
    // Where Debian's dataset-fashion-mnist package installs its files.
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    private static readonly JsonElement Facts = LoadFacts();
    private readonly string _dir = Directory.CreateTempSubdirectory("mlnd-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static JsonElement LoadFacts()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fashion_mnist.json")));
        return doc.RootElement.Clone();
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static string Dataset(string name)
    {
        var path = Path.Combine(FashionMnist, name);
        Assert.True(File.Exists(path), $"{path} is missing: scripts/setup.sh installs the Debian package dataset-fashion-mnist.");
        return path;
    }

    [Theory]
    [InlineData("train")]
    [InlineData("t10k")]
    public void FashionMnistImagesStreamOneByOneAndMatchNumpy(string split)
    {
        var facts = Facts.GetProperty(split);
        using var images = IdxFile.Open(Dataset($"{split}-images-idx3-ubyte.gz"));
        Assert.True(images.IsCompressed);
        Assert.Equal(IdxDataType.UnsignedByte, images.DataType);
        Assert.Equal(Ints(facts.GetProperty("image_dims")), images.Dimensions);
        Assert.Equal(28 * 28, images.ItemLength);

        var pixels = new byte[images.ItemLength];
        long total = 0, checksum = 0, last = 0;
        var first = Array.Empty<byte>();
        while (images.ReadItem(pixels))
        {
            if (images.Position == 1) first = pixels.ToArray();
            long sum = 0;
            foreach (var p in pixels) sum += p;
            total += sum;
            checksum += sum * images.Position; // weights each image by its index: catches reordering
            last = sum;
        }
        Assert.Equal(images.Count, images.Position);
        Assert.Equal(Ints(facts.GetProperty("first_image")).Select(v => (byte)v).ToArray(), first);
        Assert.Equal(facts.GetProperty("pixel_sum").GetInt64(), total);
        Assert.Equal(facts.GetProperty("per_image_sum_checksum").GetInt64(), checksum);
        Assert.Equal(facts.GetProperty("last_image_sum").GetInt64(), last);
    }

    [Theory]
    [InlineData("train", 60000)]
    [InlineData("t10k", 10000)]
    public void FashionMnistLabelsAreTheKnownOnes(string split, int count)
    {
        var facts = Facts.GetProperty(split);
        var (dims, labels) = IdxFile.ReadAllBytes(Dataset($"{split}-labels-idx1-ubyte.gz"));
        Assert.Equal(new[] { count }, dims);
        Assert.Equal(count, labels.Length);
        Assert.Equal(Ints(facts.GetProperty("first_labels")), labels.Take(20).Select(b => (int)b));
        var histogram = new int[10];
        foreach (var l in labels)
        {
            Assert.InRange(l, 0, 9);
            histogram[l]++;
        }
        Assert.Equal(Ints(facts.GetProperty("label_counts")), histogram);
    }

    [Fact]
    public void FirstTrainLabelsAreAnkleBootTShirtTShirtDress()
    {
        using var labels = IdxFile.Open(Dataset("train-labels-idx1-ubyte.gz"));
        Assert.Equal(1, labels.ItemLength);
        var label = new byte[1];
        var firstFour = new List<byte>();
        for (int i = 0; i < 4 && labels.ReadItem(label); i++) firstFour.Add(label[0]);
        Assert.Equal(new byte[] { 9, 0, 0, 3 }, firstFour);
    }

    // ---- synthetic files ---------------------------------------------------------------

    private static byte[] Idx(IdxDataType type, int[] dims, byte[] data)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = (byte)type;
        header[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dims[i]);
        return header.Concat(data).ToArray();
    }

    private string Write(string name, byte[] bytes, bool gzip = false)
    {
        var path = Path.Combine(_dir, name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var z = new GZipStream(file, CompressionLevel.Optimal);
            z.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }
        return path;
    }

    public static TheoryData<IdxDataType, bool> Types()
    {
        var data = new TheoryData<IdxDataType, bool>();
        foreach (var t in Enum.GetValues<IdxDataType>())
        {
            data.Add(t, false);
            data.Add(t, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryElementTypeReadsBigEndianRawOrGzip(IdxDataType type, bool gzip)
    {
        float[] values = { 0, 1, -2, 100, -128, 127, 3, -7, 42, 5, -1, 12 };
        if (type == IdxDataType.UnsignedByte) values = values.Select(v => Math.Abs(v)).ToArray();
        if (type is IdxDataType.Single or IdxDataType.Double) values[3] = 0.15625f; // exact in both
        var bytes = new List<byte>();
        foreach (var v in values)
        {
            var b = new byte[8];
            switch (type)
            {
                case IdxDataType.UnsignedByte: bytes.Add((byte)v); break;
                case IdxDataType.SignedByte: bytes.Add(unchecked((byte)(sbyte)v)); break;
                case IdxDataType.Int16: BinaryPrimitives.WriteInt16BigEndian(b, (short)(v * 100)); bytes.AddRange(b[..2]); break;
                case IdxDataType.Int32: BinaryPrimitives.WriteInt32BigEndian(b, (int)v * 100000); bytes.AddRange(b[..4]); break;
                case IdxDataType.Single: BinaryPrimitives.WriteSingleBigEndian(b, v); bytes.AddRange(b[..4]); break;
                case IdxDataType.Double: BinaryPrimitives.WriteDoubleBigEndian(b, v); bytes.AddRange(b); break;
            }
        }
        var scale = type switch { IdxDataType.Int16 => 100f, IdxDataType.Int32 => 100000f, _ => 1f };
        var path = Write($"t.{type}{(gzip ? ".gz" : "")}", Idx(type, new[] { 3, 2, 2 }, bytes.ToArray()), gzip);

        using var file = IdxFile.Open(path);
        Assert.Equal(gzip, file.IsCompressed);
        Assert.Equal(type, file.DataType);
        Assert.Equal(new[] { 3, 2, 2 }, file.Dimensions);
        Assert.Equal(4, file.ItemLength);
        var all = file.ReadAllSingles();
        Assert.Equal(values.Select(v => v * scale).ToArray(), all);
        var (dims, again) = IdxFile.ReadAllSingles(path);
        Assert.Equal(new[] { 3, 2, 2 }, dims);
        Assert.Equal(all, again);
    }

    [Fact]
    public void RawAndGzipGiveTheSameItemsOneByOne()
    {
        var data = Enumerable.Range(0, 5 * 6).Select(i => (byte)(i * 7)).ToArray();
        var idx = Idx(IdxDataType.UnsignedByte, new[] { 5, 2, 3 }, data);
        using var raw = IdxFile.Open(Write("a", idx));
        using var gz = IdxFile.Open(Write("a.gz", idx, gzip: true));
        var rawItems = raw.ReadItems().ToList();
        var gzItems = gz.ReadItems().ToList();
        Assert.Equal(5, rawItems.Count);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(data.Skip(i * 6).Take(6), rawItems[i]);
            Assert.Equal(rawItems[i], gzItems[i]);
        }
        Assert.False(raw.ReadItem(new byte[6])); // stays at the end
        Assert.Equal(5, raw.Position);
    }

    [Fact]
    public void BadMagicNamesTheFile()
    {
        var path = Write("bad-magic", new byte[] { 0x50, 0x4B, 0x08, 0x01, 0, 0, 0, 1, 9 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Open(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("504B0801", e.Message);
    }

    [Fact]
    public void UnknownTypeCodeAndZeroDimensionsAreRejected()
    {
        var type = Write("type", new byte[] { 0, 0, 0x0A, 0x01, 0, 0, 0, 1, 9 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Open(type));
        Assert.Contains("0x0A", e.Message);
        Assert.Contains(type, e.Message);
        var rank = Write("rank", new byte[] { 0, 0, 0x08, 0x00 });
        Assert.Contains("0 dimensions", Assert.Throws<InvalidDataException>(() => IdxFile.Open(rank)).Message);
    }

    [Fact]
    public void ShortOrTruncatedHeadersAreRejected()
    {
        var tiny = Write("tiny", new byte[] { 0, 0 });
        Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => IdxFile.Open(tiny)).Message);
        var dims = Write("dims", new byte[] { 0, 0, 0x08, 0x03, 0, 0, 0, 2, 0, 0 });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Open(dims));
        Assert.Contains("header", e.Message);
        Assert.Contains(dims, e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedDataNamesTheFileAndTheItem(bool gzip)
    {
        var idx = Idx(IdxDataType.UnsignedByte, new[] { 4, 3 }, new byte[10]); // 12 declared, 10 present
        var path = Write(gzip ? "short.gz" : "short", idx, gzip);
        using var file = IdxFile.Open(path);
        var item = new byte[3];
        for (int i = 0; i < 3; i++) Assert.True(file.ReadItem(item));
        var e = Assert.Throws<InvalidDataException>(() => file.ReadItem(item));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("item 3 of 4", e.Message);
        Assert.Throws<InvalidDataException>(() => IdxFile.ReadAllBytes(path));
    }

    [Fact]
    public void DataBeyondTheDeclaredItemsIsRejected()
    {
        var path = Write("long", Idx(IdxDataType.UnsignedByte, new[] { 2 }, new byte[] { 1, 2, 3 }));
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.ReadAllBytes(path));
        Assert.Contains("beyond the 2 items", e.Message);
    }

    [Fact]
    public void CorruptGzipNamesTheFile()
    {
        var path = Write("broken.gz", new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF });
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Open(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("corrupt gzip data", e.Message);
    }

    [Fact]
    public void ReadingRejectsAWrongDestination()
    {
        var path = Write("ints", Idx(IdxDataType.Int32, new[] { 2, 2 }, new byte[16]));
        using var file = IdxFile.Open(path);
        Assert.Throws<InvalidOperationException>(() => file.ReadItem(new byte[2]));
        var e = Assert.Throws<ArgumentException>(() => file.ReadItem(new float[3]));
        Assert.Contains("length=3", e.Message);
        Assert.True(file.ReadItem(new float[2]));
        Assert.Throws<FileNotFoundException>(() => IdxFile.Open(Path.Combine(_dir, "missing")));
    }
}
