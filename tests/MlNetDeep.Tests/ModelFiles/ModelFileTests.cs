using System.IO.Compression;
using System.Text;
using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.ModelFiles;

public class ModelFileTests
{
    public sealed class Row
    {
        public string City { get; set; } = "";
        public float X { get; set; }
    }

    private static (MLContext, IDataView, ITransformer) Fitted()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Row { City = "a", X = 1 }, new Row { City = "b", X = -3 }, new Row { City = "a", X = 2 } });
        var model = ml.Transforms.Categorical.OneHotEncoding("C", "City")
            .Append(ml.Transforms.Concatenate("F", "X", "C"))
            .Append(ml.Transforms.NormalizeMeanVariance("F", fixZero: false))
            .Fit(data);
        return (ml, data, model);
    }

    private static byte[] Saved(MLContext ml, ITransformer model, IDataView data)
    {
        using var ms = new MemoryStream();
        ml.Model.Save(model, data.Schema, ms);
        return ms.ToArray();
    }

    [Fact]
    public void SaveLoadToFileReproducesOutputAndSchema()
    {
        var (ml, data, model) = Fitted();
        using var f = new TestData.TempFile(extension: ".zip");
        ml.Model.Save(model, data.Schema, f.Path);
        var loaded = ml.Model.Load(f.Path, out var schema);
        Assert.Equal(["City", "X"], schema.Select(c => c.Name));
        Assert.Equal(TextDataViewType.Instance, schema["City"].Type);
        Assert.Equal(TestData.AllRows(model.Transform(data)), TestData.AllRows(loaded.Transform(data)));
        using var zip = ZipFile.OpenRead(f.Path);
        var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEnd();
        Assert.Contains("\"formatVersion\": 1", manifest);
        Assert.Contains("\"tag\": \"OneHotEncoding\"", manifest);
        Assert.Contains("\"tag\": \"Normalizing\"", manifest);
        Assert.DoesNotContain("MlNetDeep.Transforms", manifest); // tags, not CLR type names
    }

    private static byte[] Rewrite(byte[] zipBytes, Func<string, byte[], (string Name, byte[] Data)?> edit, params (string Name, byte[] Data)[] extra)
    {
        using var src = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var outMs = new MemoryStream();
        using (var dst = new ZipArchive(outMs, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in src.Entries)
            {
                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                var r = edit(e.FullName, ms.ToArray());
                if (r is null) continue;
                using var w = dst.CreateEntry(r.Value.Name).Open();
                w.Write(r.Value.Data);
            }
            foreach (var (n, d) in extra)
            {
                using var w = dst.CreateEntry(n).Open();
                w.Write(d);
            }
        }
        return outMs.ToArray();
    }

    private static ModelFormatException LoadFails(MLContext ml, byte[] bytes)
    {
        using var f = new TestData.TempFile(extension: ".zip");
        File.WriteAllBytes(f.Path, bytes);
        var ex = Assert.Throws<ModelFormatException>(() => ml.Model.Load(f.Path, out _));
        Assert.Contains(Path.GetFileName(f.Path), ex.Message);
        return ex;
    }

    [Fact]
    public void TruncatedOrGarbageFileFailsNamingTheFile()
    {
        var (ml, data, model) = Fitted();
        var bytes = Saved(ml, model, data);
        LoadFails(ml, bytes[..(bytes.Length / 2)]);
        LoadFails(ml, Encoding.UTF8.GetBytes("definitely not a zip"));
    }

    [Fact]
    public void TamperedEntryFailsItsChecksum()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) =>
        {
            if (n.EndsWith("tensors/scale0.bin")) d[0] ^= 0xFF;
            return (n, d);
        });
        Assert.Contains("checksum mismatch", LoadFails(ml, bytes).Message);
    }

    [Fact]
    public void NewerFormatVersionIsRefused()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) =>
            n == "manifest.json" ? (n, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(d).Replace("\"formatVersion\": 1", "\"formatVersion\": 99"))) : (n, d));
        var ex = LoadFails(ml, bytes);
        Assert.Contains("format version 99", ex.Message);
    }

    [Fact]
    public void MalformedManifestRecordIsAFormatError()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) =>
            n == "manifest.json" ? (n, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(d).Replace("\"version\": 1", "\"version\": \"one\""))) : (n, d));
        Assert.Contains("malformed", LoadFails(ml, bytes).Message);
    }

    [Fact]
    public void EntryEscapingTheRootIsRejected()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) => (n, d), ("../evil.txt", [1, 2, 3]));
        Assert.Contains("escapes the archive root", LoadFails(ml, bytes).Message);
        Assert.Contains("escapes", LoadFails(ml, Rewrite(Saved(ml, model, data), (n, d) => (n, d), ("/etc/x", [1]))).Message);
    }

    [Fact]
    public void UnknownTagIsRefusedNotInstantiated()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) =>
            n == "manifest.json" ? (n, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(d).Replace("\"tag\": \"Normalizing\"", "\"tag\": \"System.IO.File\""))) : (n, d));
        Assert.Contains("unknown transformer kind 'System.IO.File'", LoadFails(ml, bytes).Message);
    }

    [Fact]
    public void MissingEntryAndMissingFile()
    {
        var (ml, data, model) = Fitted();
        var bytes = Rewrite(Saved(ml, model, data), (n, d) => n.EndsWith("params.json") && n.Contains("keyToVector") ? null : (n, d));
        Assert.Contains("missing", LoadFails(ml, bytes).Message);
        Assert.Throws<FileNotFoundException>(() => ml.Model.Load("no-such-model.zip", out _));
    }

    private sealed class Unsaveable : ITransformer
    {
        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;
        public IDataView Transform(IDataView input) => input;
        public void Save(ModelSaveContext ctx) { }
    }

    [Fact]
    public void UnregisteredTransformerCannotBeSaved()
    {
        var ml = new MLContext(1);
        var e = Assert.Throws<InvalidOperationException>(() => ml.Model.Save(new Unsaveable(), null, new MemoryStream()));
        Assert.Contains("Unsaveable", e.Message);
    }

    [Fact]
    public void RegistryRejectsBadOrConflictingTags()
    {
        Assert.Throws<ArgumentException>(() => TransformerRegistry.Register<Unsaveable>("../x", 1, _ => new Unsaveable()));
        Assert.Throws<InvalidOperationException>(() => TransformerRegistry.Register<Unsaveable>("Normalizing", 1, _ => new Unsaveable()));
        Assert.True(TransformerRegistry.IsRegistered("OneHotEncoding"));
    }
}
