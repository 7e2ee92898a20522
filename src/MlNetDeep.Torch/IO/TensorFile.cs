using System.Text;

namespace MlNetDeep.Torch.IO;

/// <summary>
/// Reads and writes named tensors in MlNetDeep's state format (".mlnds"). All numbers are
/// little-endian.
/// <code>
/// file   := magic "MLNDSTAT" (8 bytes) | version u32 (= 1) | count u32 | entry* | end "MLNDEND\0"
/// entry  := nameLength u16 | name (UTF-8) | dtype i32 (ScalarType code) | ndim i32 |
///           shape i64[ndim] | byteCount i64 | data (byteCount bytes, row-major) |
///           crc u32 (CRC-32 of everything in the entry before it)
/// </code>
/// A reader rejects a wrong magic, a newer version, a bad checksum, a truncated file or a
/// byte count that disagrees with the shape, naming the file and the entry.
/// </summary>
public static class TensorFile
{
    public const uint FormatVersion = 1;
    private static readonly byte[] Magic = "MLNDSTAT"u8.ToArray();
    private static readonly byte[] End = "MLNDEND\0"u8.ToArray();

    /// <summary>Writes <paramref name="tensors"/> (in order) to <paramref name="stream"/>. Tensors may live on any device.</summary>
    public static void Write(Stream stream, IReadOnlyList<(string Name, Tensor Tensor)> tensors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("State files are written on little-endian machines only.");
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write((uint)tensors.Count);
        foreach (var (name, tensor) in tensors)
        {
            var header = new MemoryStream();
            using (var h = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
            {
                var nameBytes = Encoding.UTF8.GetBytes(name);
                if (nameBytes.Length > ushort.MaxValue) throw new ArgumentException($"Tensor name is too long: {name[..40]}...", nameof(tensors));
                h.Write((ushort)nameBytes.Length);
                h.Write(nameBytes);
                h.Write((int)tensor.Dtype);
                var shape = tensor.Shape;
                h.Write(shape.Length);
                foreach (var s in shape) h.Write(s);
                h.Write(tensor.ByteCount);
            }
            var data = new byte[tensor.ByteCount];
            tensor.CopyToBytes(data);
            var crc = Crc32.Append(Crc32.Compute(header.GetBuffer().AsSpan(0, (int)header.Length)), data);
            w.Write(header.GetBuffer(), 0, (int)header.Length);
            w.Write(data);
            w.Write(crc);
        }
        w.Write(End);
    }

    public static void Write(string path, IReadOnlyList<(string Name, Tensor Tensor)> tensors)
    {
        using var f = File.Create(path);
        Write(f, tensors);
    }

    /// <summary>Reads every entry as a CPU tensor. <paramref name="source"/> names the file in error messages.</summary>
    public static List<(string Name, Tensor Tensor)> Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var result = new List<(string, Tensor)>();
        try
        {
            var magic = r.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw Bad(source, "it is not an MlNetDeep state file (wrong magic bytes)");
            var version = r.ReadUInt32();
            if (version > FormatVersion) throw Bad(source, $"it has format version {version}, newer than this library's {FormatVersion}");
            var count = r.ReadUInt32();
            for (uint i = 0; i < count; i++)
            {
                var nameLength = r.ReadUInt16();
                var nameBytes = ReadExactly(r, nameLength, source);
                var name = Encoding.UTF8.GetString(nameBytes);
                var dtypeCode = r.ReadInt32();
                if (!Enum.IsDefined(typeof(ScalarType), dtypeCode)) throw Bad(source, $"entry '{name}' has unknown dtype code {dtypeCode}");
                var dtype = (ScalarType)dtypeCode;
                var ndim = r.ReadInt32();
                if (ndim < 0 || ndim > 16) throw Bad(source, $"entry '{name}' has invalid rank {ndim}");
                var shape = new long[ndim];
                long elements = 1;
                for (int d = 0; d < ndim; d++)
                {
                    shape[d] = r.ReadInt64();
                    if (shape[d] < 0) throw Bad(source, $"entry '{name}' has a negative dimension");
                    elements = checked(elements * shape[d]);
                }
                var byteCount = r.ReadInt64();
                if (byteCount != elements * dtype.ElementSize())
                    throw Bad(source, $"entry '{name}' holds {byteCount} bytes but shape [{string.Join(", ", shape)}] of {dtype} needs {elements * dtype.ElementSize()}");
                var data = ReadExactly(r, checked((int)byteCount), source);
                var stored = r.ReadUInt32();

                var header = new MemoryStream();
                using (var h = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
                {
                    h.Write(nameLength); h.Write(nameBytes); h.Write(dtypeCode); h.Write(ndim);
                    foreach (var s in shape) h.Write(s);
                    h.Write(byteCount);
                }
                var crc = Crc32.Append(Crc32.Compute(header.GetBuffer().AsSpan(0, (int)header.Length)), data);
                if (crc != stored) throw Bad(source, $"entry '{name}' is damaged (checksum mismatch)");
                result.Add((name, Torch.FromBytes(data, dtype, shape)));
            }
            var end = r.ReadBytes(End.Length);
            if (!end.AsSpan().SequenceEqual(End)) throw Bad(source, "it does not end with the end marker (truncated or damaged)");
            return result;
        }
        catch (EndOfStreamException)
        {
            foreach (var (_, t) in result) t.Dispose();
            throw Bad(source, "it is truncated");
        }
        catch
        {
            foreach (var (_, t) in result) t.Dispose();
            throw;
        }
    }

    public static List<(string Name, Tensor Tensor)> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"State file '{path}' does not exist.", path);
        using var f = File.OpenRead(path);
        return Read(f, path);
    }

    private static byte[] ReadExactly(BinaryReader r, int count, string source)
    {
        var bytes = r.ReadBytes(count);
        if (bytes.Length != count) throw new EndOfStreamException();
        return bytes;
    }

    private static InvalidDataException Bad(string source, string why) => new($"Cannot read state file '{source}': {why}.");
}
