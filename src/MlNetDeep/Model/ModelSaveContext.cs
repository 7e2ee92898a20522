using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlNetDeep.Model;

/// <summary>
/// Where a transformer writes itself in a model file: its parameters as JSON
/// (<see cref="WriteParameters{T}"/>), raw little-endian tensors (<see cref="WriteTensor{T}"/>) and
/// nested transformers (<see cref="SaveChild"/>). Every entry gets a SHA-256 checksum in the manifest.
/// </summary>
public sealed class ModelSaveContext
{
    private readonly ZipArchive _zip;
    private readonly string _dir;
    private readonly JsonObject _entries;
    private readonly JsonArray _children = [];
    private readonly JsonArray _tensors = [];

    internal ModelSaveContext(ZipArchive zip, string dir, JsonObject entries)
    {
        _zip = zip; _dir = dir; _entries = entries;
    }

    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = false, IncludeFields = true };

    /// <summary>Writes the parameters object (serialized with System.Text.Json, public properties and fields).</summary>
    public void WriteParameters<T>(T parameters) => WriteEntry("params.json", JsonSerializer.SerializeToUtf8Bytes(parameters, Json));

    /// <summary>Writes a tensor of float, double, int, long or byte values as raw little-endian data.</summary>
    public void WriteTensor<T>(string name, ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        CheckName(name);
        var dtype = ModelLoadContext.DTypeOf<T>();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length) throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] holds {count} values. Received: {data.Length} values", nameof(data));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are little-endian; big-endian machines are not supported.");
        var entry = $"tensors/{name}.bin";
        WriteEntry(entry, MemoryMarshal.AsBytes(data));
        _tensors.Add(new JsonObject { ["name"] = name, ["dtype"] = dtype, ["shape"] = new JsonArray(shape.Select(s => (JsonNode)s).ToArray()), ["entry"] = _dir + entry });
    }

    /// <summary>Writes a nested transformer under <paramref name="name"/> (read back in order by <see cref="ModelLoadContext.LoadChildren"/>).</summary>
    public void SaveChild(string name, ICanSaveModel child)
    {
        CheckName(name);
        _children.Add(new JsonObject { ["name"] = name, ["node"] = SaveNode(_zip, _dir + "children/" + name + "/", child, _entries) });
    }

    internal static JsonObject SaveNode(ZipArchive zip, string dir, ICanSaveModel obj, JsonObject entries)
    {
        var (tag, version) = TransformerRegistry.TagOf(obj.GetType());
        var ctx = new ModelSaveContext(zip, dir, entries);
        obj.Save(ctx);
        return new JsonObject { ["tag"] = tag, ["version"] = version, ["dir"] = dir, ["tensors"] = ctx._tensors, ["children"] = ctx._children };
    }

    private void WriteEntry(string relative, ReadOnlySpan<byte> bytes)
    {
        var path = _dir + relative;
        if (_entries.ContainsKey(path)) throw new InvalidOperationException($"Model entry '{path}' written twice.");
        var e = _zip.CreateEntry(path, CompressionLevel.Fastest);
        using (var s = e.Open()) s.Write(bytes);
        _entries[path] = Convert.ToHexString(SHA256.HashData(bytes));
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-')) || name.Contains(".."))
            throw new ArgumentException($"Expected a name of ASCII letters, digits, '.', '_' or '-'. Received: name='{name}'", nameof(name));
    }
}
