using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlNetDeep.Model;

/// <summary>
/// What a transformer's loader reads back: the saved <see cref="Version"/> of its layout, its
/// parameters, tensors and nested transformers. Every read entry is checked against its checksum.
/// </summary>
public sealed class ModelLoadContext
{
    private readonly ModelFileReader _file;
    private readonly JsonObject _node;

    internal ModelLoadContext(ModelFileReader file, JsonObject node, int version)
    {
        _file = file; _node = node; Version = version;
    }

    /// <summary>The layout version the component was saved with.</summary>
    public int Version { get; }

    /// <summary>The model file being read (for error messages).</summary>
    public string FilePath => _file.FilePath;

    private string Dir => (string?)_node["dir"] ?? throw _file.Error("a transformer record has no 'dir'.");

    /// <summary>Reads the parameters object written by <see cref="ModelSaveContext.WriteParameters{T}"/>.</summary>
    public T ReadParameters<T>()
    {
        var bytes = _file.ReadEntry(Dir + "params.json");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ModelSaveContext.Json) ?? throw new JsonException("null parameters");
        }
        catch (JsonException ex)
        {
            throw _file.Error($"bad parameters in '{Dir}params.json': {ex.Message}", ex);
        }
    }

    /// <summary>Reads a tensor written by <see cref="ModelSaveContext.WriteTensor{T}"/>; the element type must match.</summary>
    public T[] ReadTensor<T>(string name, out long[] shape) where T : unmanaged
    {
        var t = (_node["tensors"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => (string?)o["name"] == name)
            ?? throw _file.Error($"tensor '{name}' is missing from '{Dir}'.");
        var dtype = (string?)t["dtype"];
        if (dtype != DTypeOf<T>()) throw _file.Error($"tensor '{name}' holds {dtype}, expected {DTypeOf<T>()}.");
        shape = (t["shape"] as JsonArray)?.Select(n => (long)n!).ToArray() ?? throw _file.Error($"tensor '{name}' has no shape.");
        var bytes = _file.ReadEntry((string?)t["entry"] ?? throw _file.Error($"tensor '{name}' has no entry."));
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (bytes.Length != count * Marshal.SizeOf<T>()) throw _file.Error($"tensor '{name}' has {bytes.Length} bytes; shape [{string.Join(", ", shape)}] needs {count * Marshal.SizeOf<T>()}.");
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    /// <summary>The nested transformers, in the order they were saved.</summary>
    public IReadOnlyList<ITransformer> LoadChildren() =>
        ((_node["children"] as JsonArray) ?? []).Select(c => _file.LoadNode((c as JsonObject)?["node"] as JsonObject ?? throw _file.Error("bad child record."))).ToArray();

    /// <summary>The nested transformer saved under <paramref name="name"/>.</summary>
    public ITransformer LoadChild(string name)
    {
        var c = ((_node["children"] as JsonArray) ?? []).OfType<JsonObject>().FirstOrDefault(o => (string?)o["name"] == name)
            ?? throw _file.Error($"nested transformer '{name}' is missing from '{Dir}'.");
        return _file.LoadNode(c["node"] as JsonObject ?? throw _file.Error("bad child record."));
    }

    /// <summary>Throws a <see cref="ModelFormatException"/> naming the file, for a loader's own checks.</summary>
    public Exception Error(string message) => _file.Error(message);

    internal static string DTypeOf<T>() => typeof(T) == typeof(float) ? "float32"
        : typeof(T) == typeof(double) ? "float64"
        : typeof(T) == typeof(int) ? "int32"
        : typeof(T) == typeof(long) ? "int64"
        : typeof(T) == typeof(byte) ? "uint8"
        : throw new NotSupportedException($"Tensors of {typeof(T).Name} are not supported; use float, double, int, long or byte.");
}

/// <summary>Reads and validates a model zip: entry names, format version, checksums.</summary>
internal sealed class ModelFileReader
{
    private readonly ZipArchive _zip;
    private readonly JsonObject _entries;

    public ModelFileReader(ZipArchive zip, string filePath, JsonObject entries)
    {
        _zip = zip; FilePath = filePath; _entries = entries;
    }

    public string FilePath { get; }

    public ModelFormatException Error(string message, Exception? inner = null) => new(FilePath, message, inner);

    public byte[] ReadEntry(string path)
    {
        var expected = (string?)_entries[path] ?? throw Error($"entry '{path}' is not listed in the manifest.");
        var entry = _zip.GetEntry(path) ?? throw Error($"entry '{path}' is missing (truncated file?).");
        byte[] bytes;
        try
        {
            using var s = entry.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Error($"entry '{path}' is damaged: {ex.Message}", ex);
        }
        if (!string.Equals(Convert.ToHexString(SHA256.HashData(bytes)), expected, StringComparison.OrdinalIgnoreCase))
            throw Error($"checksum mismatch in entry '{path}' (the file is damaged or was modified).");
        return bytes;
    }

    public ITransformer LoadNode(JsonObject node)
    {
        var tag = (string?)node["tag"] ?? throw Error("a transformer record has no tag.");
        var version = (int?)node["version"] ?? throw Error($"transformer '{tag}' has no version.");
        if (!TransformerRegistry.TryGet(tag, out var newest, out var load))
            throw Error($"unknown transformer kind '{tag}' (not registered in TransformerRegistry; is the assembly that defines it loaded?).");
        if (version > newest)
            throw Error($"transformer '{tag}' was saved with layout version {version}; this MlNetDeep reads up to {newest}. Use a newer MlNetDeep.");
        try
        {
            return load(new ModelLoadContext(this, node, version));
        }
        catch (Exception ex) when (ex is not ModelFormatException)
        {
            throw Error($"cannot rebuild transformer '{tag}': {ex.Message}", ex);
        }
    }
}
