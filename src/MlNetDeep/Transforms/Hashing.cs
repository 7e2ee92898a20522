using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.Conversion.Hash(output, input, numberOfBits, seed)</c>: maps text, numbers or
/// booleans (scalar or vector) to keys 1..2^numberOfBits with MurmurHash3 (x86, 32-bit) of the
/// value's UTF-8 bytes (text) or little-endian bytes (numbers), seeded: key = (hash &amp; (2^bits − 1)) + 1.
/// Empty text and NaN give key 0 (missing). Needs no training, so unseen values still get a key.
/// ML.NET uses the same hash family; its keys are not guaranteed to be bit-identical.
/// </summary>
public sealed class HashingEstimator : IEstimator<HashingTransformer>
{
    /// <summary>Defaults, as ML.NET.</summary>
    public static class Defaults
    {
        /// <summary>Bits of hash kept.</summary>
        public const int NumberOfBits = 31;
        /// <summary>Hash seed.</summary>
        public const uint Seed = 314489979;
    }

    private readonly (string Output, string Input)[] _columns;
    private readonly int _bits;
    private readonly uint _seed;

    internal HashingEstimator((string Output, string Input)[] columns, int numberOfBits, uint seed)
    {
        if (numberOfBits is < 1 or > 31) throw new ArgumentOutOfRangeException(nameof(numberOfBits), $"Expected numberOfBits between 1 and 31. Received: numberOfBits={numberOfBits}");
        _columns = columns; _bits = numberOfBits; _seed = seed;
    }

    /// <inheritdoc/>
    public HashingTransformer Fit(IDataView input)
    {
        var t = new HashingTransformer(_columns, _bits, _seed);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ShapeChecks.With(inputSchema, _columns.Select(c =>
    {
        var i = ShapeChecks.Find(inputSchema, nameof(HashingEstimator), c.Input);
        if (i.IsKey) throw ShapeChecks.WrongType(nameof(HashingEstimator), c.Input, "Key", "text, a number or a boolean");
        return new SchemaShape.Column(c.Output, i.Kind, NumberDataViewType.UInt32, true, []);
    }).ToArray());
}

/// <summary>The hashing transformer (see <see cref="HashingEstimator"/>).</summary>
public sealed class HashingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;
    private readonly int _bits;
    private readonly uint _seed;

    internal HashingTransformer((string Output, string Input)[] columns, int bits, uint seed)
    {
        _columns = columns; _bits = bits; _seed = seed;
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) => _columns.Select(spec =>
    {
        var c = ShapeChecks.Find(inputSchema, nameof(HashingTransformer), spec.Input);
        var item = c.Type.GetItemType();
        if (item is KeyDataViewType) throw ShapeChecks.WrongType(nameof(HashingTransformer), spec.Input, c.Type, "text, a number or a boolean");
        var key = new KeyDataViewType(typeof(uint), 1UL << _bits);
        DataViewType type = c.Type is VectorDataViewType v ? new VectorDataViewType(key, [.. v.Dimensions]) : key;
        uint mask = (uint)((1UL << _bits) - 1);
        var ann = AnnotationUtils.SlotNamesOrNull(c) is { } names ? AnnotationUtils.SlotNames(names) : null;
        return new OutputColumn(spec.Output, type, ann, [c.Index],
            row => Generic.Invoke<Delegate>(typeof(HashingTransformer), nameof(MakeGetter), [item.RawType], null, row, c, _seed, mask));
    }).ToArray();

    private static Delegate MakeGetter<T>(DataViewRow row, DataViewSchema.Column c, uint seed, uint mask)
    {
        uint Key(T v)
        {
            if (v is ReadOnlyMemory<char> m)
            {
                if (m.IsEmpty) return 0;
                return (Murmur3(Encoding.UTF8.GetBytes(m.ToArray()), seed) & mask) + 1;
            }
            if (v is float f && float.IsNaN(f) || v is double d && double.IsNaN(d)) return 0;
            Span<byte> bytes = stackalloc byte[8];
            int n = v switch
            {
                float x => Write(bytes, BitConverter.SingleToInt32Bits(x == 0 ? 0f : x)),
                double x => Write(bytes, BitConverter.DoubleToInt64Bits(x == 0 ? 0d : x)),
                int x => Write(bytes, x),
                uint x => Write(bytes, (int)x),
                long x => Write(bytes, x),
                bool x => Write(bytes, x ? 1 : 0),
                _ => throw new NotSupportedException(typeof(T).Name),
            };
            return (Murmur3(bytes[..n], seed) & mask) + 1;
        }
        if (c.Type is VectorDataViewType)
        {
            var g = row.GetGetter<VBuffer<T>>(c);
            VBuffer<T> src = default;
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> dst) =>
            {
                g(ref src);
                var s = src.GetValues();
                var arr = dst.Buffer(s.Length);
                for (int i = 0; i < s.Length; i++) arr[i] = Key(s[i]);
                dst = new VBuffer<uint>(s.Length, arr);
            });
        }
        var sg = row.GetGetter<T>(c);
        T value = default!;
        return (ValueGetter<uint>)((ref uint k) => { sg(ref value); k = Key(value); });
    }

    private static int Write(Span<byte> b, int v) { BinaryPrimitives.WriteInt32LittleEndian(b, v); return 4; }
    private static int Write(Span<byte> b, long v) { BinaryPrimitives.WriteInt64LittleEndian(b, v); return 8; }

    /// <summary>MurmurHash3_x86_32 (Austin Appleby, public domain) of <paramref name="data"/>; a text value's key is (Murmur3(UTF-8 bytes, seed) &amp; (2^bits − 1)) + 1.</summary>
    public static uint Murmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length / 4;
        var words = MemoryMarshal.Cast<byte, uint>(data[..(blocks * 4)]);
        for (int i = 0; i < blocks; i++)
        {
            uint k = BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
            k *= c1; k = BitOperations.RotateLeft(k, 15); k *= c2;
            h ^= k; h = BitOperations.RotateLeft(h, 13); h = h * 5 + 0xe6546b64;
        }
        var tail = data[(blocks * 4)..];
        uint t = 0;
        switch (tail.Length)
        {
            case 3: t ^= (uint)tail[2] << 16; goto case 2;
            case 2: t ^= (uint)tail[1] << 8; goto case 1;
            case 1: t ^= tail[0]; t *= c1; t = BitOperations.RotateLeft(t, 15); t *= c2; h ^= t; break;
        }
        h ^= (uint)data.Length;
        h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16;
        return h;
    }

    private sealed record Params(string[] Outputs, string[] Inputs, int Bits, uint Seed);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(_columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(), _bits, _seed));

    internal static HashingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length || p.Bits is < 1 or > 31) throw ctx.Error("Hashing: bad parameters.");
        return new HashingTransformer(p.Outputs.Zip(p.Inputs).ToArray(), p.Bits, p.Seed);
    }
}

/// <summary>
/// <c>ml.Transforms.Categorical.OneHotHashEncoding(output, input, outputKind, numberOfBits, seed)</c>:
/// hashing to keys (<see cref="HashingEstimator"/>) then key → vector, as ML.NET builds it. Needs no
/// training and has a fixed width of 2^numberOfBits slots (default 16 bits); distinct values may
/// share a slot. Output kinds: Indicator, Bag, Key, Binary, as <see cref="OneHotEncodingEstimator"/>.
/// </summary>
public sealed class OneHotHashEncodingEstimator : IEstimator<ITransformer>
{
    private readonly (string Output, string Input)[] _columns;
    private readonly OneHotEncodingEstimator.OutputKind _kind;
    private readonly HashingEstimator _hash;

    internal OneHotHashEncodingEstimator((string Output, string Input)[] columns, OneHotEncodingEstimator.OutputKind outputKind, int numberOfBits, uint seed)
    {
        if (!Enum.IsDefined(outputKind)) throw new ArgumentOutOfRangeException(nameof(outputKind), $"Expected Indicator, Bag, Key or Binary. Received: outputKind={outputKind}");
        if (numberOfBits is < 1 or > 24 && outputKind != OneHotEncodingEstimator.OutputKind.Key)
            throw new ArgumentOutOfRangeException(nameof(numberOfBits), $"Expected numberOfBits between 1 and 24 for vector output (dense vectors of 2^bits). Received: numberOfBits={numberOfBits}");
        _columns = columns; _kind = outputKind;
        _hash = new HashingEstimator(columns, numberOfBits, seed);
    }

    /// <inheritdoc/>
    public ITransformer Fit(IDataView input)
    {
        var hash = _hash.Fit(input);
        if (_kind == OneHotEncodingEstimator.OutputKind.Key) return hash;
        var mode = _kind switch
        {
            OneHotEncodingEstimator.OutputKind.Bag => KeyToVectorMappingTransformer.Mode.Bag,
            OneHotEncodingEstimator.OutputKind.Binary => KeyToVectorMappingTransformer.Mode.Binary,
            _ => KeyToVectorMappingTransformer.Mode.Indicator,
        };
        return new TransformerChain<ITransformer>(hash, new KeyToVectorMappingTransformer(_columns.Select(c => new KeyToVectorMappingTransformer.ColumnOptions(c.Output, c.Output, mode, 0)).ToArray()));
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var hashed = _hash.GetOutputSchema(inputSchema);
        if (_kind == OneHotEncodingEstimator.OutputKind.Key) return hashed;
        return ShapeChecks.With(inputSchema, _columns.Select(c =>
        {
            var k = hashed.Find(c.Output);
            var kind = k.Kind == SchemaShape.VectorKind.VariableVector && _kind != OneHotEncodingEstimator.OutputKind.Bag ? SchemaShape.VectorKind.VariableVector : SchemaShape.VectorKind.Vector;
            return new SchemaShape.Column(c.Output, kind, NumberDataViewType.Single, false, [AnnotationUtils.Kinds.SlotNames]);
        }).ToArray());
    }
}
