using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlNetDeep.Model;

/// <summary>
/// The model file format: one zip holding <c>manifest.json</c> (format name and version, input
/// schema, the transformer tree with type tags, a SHA-256 per entry) and per transformer a
/// <c>params.json</c> and raw tensors.
/// </summary>
internal static class ModelFile
{
    public const string FormatName = "MlNetDeep.Model";
    public const int FormatVersion = 1;
    private const string Manifest = "manifest.json";

    public static void Save(ITransformer model, DataViewSchema? inputSchema, Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new JsonObject();
        var root = ModelSaveContext.SaveNode(zip, "model/", model, entries);
        var schema = new JsonArray();
        if (inputSchema is not null)
            foreach (var c in inputSchema.Where(c => !c.IsHidden))
                schema.Add(new JsonObject { ["name"] = c.Name, ["type"] = TypeCodec.Encode(c.Type) });
        var manifest = new JsonObject
        {
            ["format"] = FormatName,
            ["formatVersion"] = FormatVersion,
            ["inputSchema"] = schema,
            ["model"] = root,
            ["entries"] = entries,
        };
        var e = zip.CreateEntry(Manifest, CompressionLevel.Fastest);
        using var s = e.Open();
        s.Write(Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
    }

    public static ITransformer Load(Stream stream, string filePath, out DataViewSchema inputSchema)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException)
        {
            throw new ModelFormatException(filePath, $"not a readable model zip (damaged or truncated): {ex.Message}", ex);
        }
        using (zip)
        {
            foreach (var entry in zip.Entries)
                if (EscapesRoot(entry.FullName))
                    throw new ModelFormatException(filePath, $"entry '{entry.FullName}' escapes the archive root; refusing to read the file.");
            var m = zip.GetEntry(Manifest) ?? throw new ModelFormatException(filePath, "no manifest.json (not a MlNetDeep model, or truncated).");
            JsonObject manifest;
            try
            {
                using var s = m.Open();
                manifest = JsonNode.Parse(s) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
            {
                throw new ModelFormatException(filePath, $"manifest.json is damaged: {ex.Message}", ex);
            }
            if ((string?)manifest["format"] != FormatName)
                throw new ModelFormatException(filePath, $"manifest format is '{manifest["format"]}', expected '{FormatName}'.");
            var version = (int?)manifest["formatVersion"] ?? throw new ModelFormatException(filePath, "manifest has no formatVersion.");
            if (version > FormatVersion)
                throw new ModelFormatException(filePath, $"format version {version} is newer than this MlNetDeep reads ({FormatVersion}). Use a newer MlNetDeep.");
            if (version < 1) throw new ModelFormatException(filePath, $"invalid format version {version}.");
            var reader = new ModelFileReader(zip, filePath, manifest["entries"] as JsonObject ?? throw new ModelFormatException(filePath, "manifest has no entry checksums."));
            try
            {
                inputSchema = new DataViewSchema(((manifest["inputSchema"] as JsonArray) ?? [])
                    .Select(c => ((string)c!["name"]!, TypeCodec.Decode((string)c["type"]!), (DataViewSchema.Annotations?)null)));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or NullReferenceException or ArgumentException)
            {
                throw new ModelFormatException(filePath, $"bad input schema in manifest: {ex.Message}", ex);
            }
            try
            {
                return reader.LoadNode(manifest["model"] as JsonObject ?? throw new ModelFormatException(filePath, "manifest has no model."));
            }
            catch (Exception ex) when (ex is not ModelFormatException and not OutOfMemoryException)
            {
                // A record of the wrong JSON shape (a string where a number belongs, ...).
                throw new ModelFormatException(filePath, $"manifest is malformed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>True for absolute names, drive letters, backslashes or any ".." segment.</summary>
    internal static bool EscapesRoot(string name) =>
        name.Length == 0 || name.StartsWith('/') || name.Contains('\\') || name.Contains(':') ||
        name.Split('/').Any(seg => seg == "..");
}
