using System.Buffers.Binary;
using System.IO.Compression;

namespace MlNetDeep.Data;

/// <summary>
/// A streaming reader of IDX files, the format of MNIST and Fashion-MNIST: a magic number
/// (two zero bytes, the element type, the number of dimensions), each dimension as a big-endian
/// int32, then the elements, big-endian, row-major. The first dimension counts items (images,
/// labels); <see cref="ReadItem(Span{byte})"/> reads one item at a time, so a file of any size
/// is read in constant memory. Gzip-compressed files (<c>.gz</c>, recognised by their first
/// bytes) are decompressed on the fly. Malformed files throw <see cref="InvalidDataException"/>
/// naming the file.
/// </summary>
/// <example>
/// <code>
/// using var images = IdxFile.Open("train-images-idx3-ubyte.gz"); // Dimensions: [60000, 28, 28]
/// var pixels = new byte[images.ItemLength];
/// while (images.ReadItem(pixels)) { /* one 28×28 image */ }
/// </code>
/// </example>
public sealed class IdxFile : IDisposable
{
    private readonly Stream _stream;
    private readonly int[] _dimensions;
    private byte[] _buffer = Array.Empty<byte>();
    private bool _endChecked;

    private IdxFile(Stream stream, string source, bool compressed)
    {
        _stream = stream;
        Source = source;
        IsCompressed = compressed;
        (DataType, _dimensions) = ReadHeader();
        ElementSize = SizeOf(DataType);
        long itemLength = 1;
        for (int i = 1; i < _dimensions.Length; i++) itemLength *= _dimensions[i];
        if (itemLength * ElementSize > Array.MaxLength)
            throw Invalid($"declares items of {itemLength} elements, more than one array can hold (dimensions [{string.Join(", ", _dimensions)}])");
        ItemLength = (int)itemLength;
    }

    /// <summary>Opens an IDX file, raw or gzip-compressed.</summary>
    public static IdxFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return Open(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads IDX data from <paramref name="stream"/>, which this reader then owns;
    /// <paramref name="source"/> names it in error messages.
    /// </summary>
    public static IdxFile Open(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var buffered = stream as BufferedStream ?? new BufferedStream(stream, 1 << 16);
        // Gzip's magic is 1f 8b; an IDX file starts with two zero bytes. Peek without consuming.
        var head = new byte[2];
        int n = buffered.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        bool gzip = n == 2 && head[0] == 0x1F && head[1] == 0x8B;
        Stream body = new PrefixedStream(head.AsMemory(0, n), buffered);
        if (gzip) body = new BufferedStream(new GZipStream(body, CompressionMode.Decompress), 1 << 16);
        return new IdxFile(body, source, gzip);
    }

    /// <summary>Reads a whole unsigned- or signed-byte IDX file: its dimensions and its elements.</summary>
    public static (int[] Dimensions, byte[] Data) ReadAllBytes(string path)
    {
        using var file = Open(path);
        return (file._dimensions.ToArray(), file.ReadAllBytes());
    }

    /// <summary>Reads a whole IDX file of any element type, converted to float.</summary>
    public static (int[] Dimensions, float[] Data) ReadAllSingles(string path)
    {
        using var file = Open(path);
        return (file._dimensions.ToArray(), file.ReadAllSingles());
    }

    /// <summary>The file's path (or the name given to <see cref="Open(Stream, string)"/>).</summary>
    public string Source { get; }

    /// <summary>Whether the data is gzip-compressed.</summary>
    public bool IsCompressed { get; }

    public IdxDataType DataType { get; }

    /// <summary>The dimensions the header declares; the first counts the items.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>Number of items (the first dimension).</summary>
    public int Count => _dimensions[0];

    /// <summary>Elements per item: the product of the dimensions after the first (1 for labels).</summary>
    public int ItemLength { get; }

    /// <summary>Bytes per element.</summary>
    public int ElementSize { get; }

    /// <summary>Number of items read so far.</summary>
    public int Position { get; private set; }

    /// <summary>
    /// Copies the next item's bytes into <paramref name="destination"/> (exactly
    /// <see cref="ItemLength"/> of them) for byte-typed files; false once every item was read.
    /// </summary>
    public bool ReadItem(Span<byte> destination)
    {
        if (DataType is not (IdxDataType.UnsignedByte or IdxDataType.SignedByte))
            throw new InvalidOperationException($"'{Source}' holds {DataType} elements; read them with ReadItem(Span<float>).");
        CheckLength(destination.Length);
        return ReadNext(destination);
    }

    /// <summary>Copies the next item into <paramref name="destination"/>, converted to float; false once every item was read.</summary>
    public bool ReadItem(Span<float> destination)
    {
        CheckLength(destination.Length);
        int bytes = ItemLength * ElementSize;
        if (_buffer.Length < bytes) _buffer = new byte[bytes];
        var raw = _buffer.AsSpan(0, bytes);
        if (!ReadNext(raw)) return false;
        ConvertItem(raw, destination);
        return true;
    }

    /// <summary>Yields the remaining items as new arrays (byte-typed files), one at a time.</summary>
    public IEnumerable<byte[]> ReadItems()
    {
        while (true)
        {
            var item = new byte[ItemLength];
            if (!ReadItem(item)) yield break;
            yield return item;
        }
    }

    /// <summary>The remaining items' bytes in one array (byte-typed files).</summary>
    public byte[] ReadAllBytes()
    {
        var data = new byte[RemainingElements()];
        for (int offset = 0; offset < data.Length; offset += ItemLength)
            ReadItem(data.AsSpan(offset, ItemLength));
        CheckEnd();
        return data;
    }

    /// <summary>The remaining items in one array, converted to float.</summary>
    public float[] ReadAllSingles()
    {
        var data = new float[RemainingElements()];
        for (int offset = 0; offset < data.Length; offset += ItemLength)
            ReadItem(data.AsSpan(offset, ItemLength));
        CheckEnd();
        return data;
    }

    public void Dispose() => _stream.Dispose();

    // ---- internals ---------------------------------------------------------------------

    private (IdxDataType, int[]) ReadHeader()
    {
        Span<byte> magic = stackalloc byte[4];
        int n = Fill(magic);
        if (n < 4) throw Invalid($"is too short to be an IDX file: its header needs 4 bytes of magic number, found {n}");
        if (magic[0] != 0 || magic[1] != 0)
            throw Invalid($"is not an IDX file: its magic number {System.Convert.ToHexString(magic)} does not start with two zero bytes");
        var type = (IdxDataType)magic[2];
        if (!Enum.IsDefined(type))
            throw Invalid($"has an unknown IDX element type code 0x{magic[2]:X2} (expected 08, 09, 0B, 0C, 0D or 0E)");
        int rank = magic[3];
        if (rank == 0) throw Invalid("declares 0 dimensions; an IDX file needs at least one (the item count)");
        var header = new byte[4 * rank];
        n = Fill(header);
        if (n < header.Length) throw Invalid($"is truncated in its header: {rank} dimensions need {header.Length} bytes, found {n}");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * i));
            if (dims[i] < 0) throw Invalid($"declares a negative dimension {dims[i]} (dimension {i})");
        }
        return (type, dims);
    }

    private bool ReadNext(Span<byte> destination)
    {
        if (Position >= Count)
        {
            CheckEnd();
            return false;
        }
        int n = Fill(destination);
        if (n < destination.Length)
            throw Invalid($"is truncated: item {Position} of {Count} needs {destination.Length} bytes but only {n} remain " +
                          $"(the header declares dimensions [{string.Join(", ", _dimensions)}] of {DataType})");
        Position++;
        return true;
    }

    // Data after the last declared item means the header and the data disagree.
    private void CheckEnd()
    {
        if (_endChecked) return;
        _endChecked = true;
        Span<byte> probe = stackalloc byte[1];
        if (Fill(probe) != 0)
            throw Invalid($"has data beyond the {Count} items its header declares (dimensions [{string.Join(", ", _dimensions)}])");
    }

    private int Fill(Span<byte> destination)
    {
        try
        {
            return _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{Source}' has corrupt gzip data: {e.Message}", e);
        }
    }

    private long RemainingElements()
    {
        long elements = (long)(Count - Position) * ItemLength;
        if (elements > Array.MaxLength)
            throw new InvalidOperationException($"'{Source}' holds {elements} elements, more than one array can; read it item by item with ReadItem.");
        return elements;
    }

    private void CheckLength(int length)
    {
        if (length != ItemLength)
            throw new ArgumentException($"Expected a destination of {ItemLength} elements, one item of '{Source}'. Received: length={length}", "destination");
    }

    private void ConvertItem(ReadOnlySpan<byte> raw, Span<float> destination)
    {
        switch (DataType)
        {
            case IdxDataType.UnsignedByte:
                for (int i = 0; i < destination.Length; i++) destination[i] = raw[i];
                break;
            case IdxDataType.SignedByte:
                for (int i = 0; i < destination.Length; i++) destination[i] = (sbyte)raw[i];
                break;
            case IdxDataType.Int16:
                for (int i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadInt16BigEndian(raw[(2 * i)..]);
                break;
            case IdxDataType.Int32:
                for (int i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadInt32BigEndian(raw[(4 * i)..]);
                break;
            case IdxDataType.Single:
                for (int i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadSingleBigEndian(raw[(4 * i)..]);
                break;
            case IdxDataType.Double:
                for (int i = 0; i < destination.Length; i++) destination[i] = (float)BinaryPrimitives.ReadDoubleBigEndian(raw[(8 * i)..]);
                break;
        }
    }

    private static int SizeOf(IdxDataType type) => type switch
    {
        IdxDataType.UnsignedByte or IdxDataType.SignedByte => 1,
        IdxDataType.Int16 => 2,
        IdxDataType.Int32 or IdxDataType.Single => 4,
        _ => 8,
    };

    private InvalidDataException Invalid(string what) => new($"'{Source}' {what}.");

    /// <summary>Replays the bytes peeked for format detection, then reads on from the inner stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return inner.Read(buffer);
            int n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
