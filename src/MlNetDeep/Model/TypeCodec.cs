using System.Globalization;
using MlNetDeep.Data;

namespace MlNetDeep.Model;

/// <summary>Writes and parses column types as short strings for model manifests ("Single", "Key:3", "Vector:Single:4").</summary>
internal static class TypeCodec
{
    public static string Encode(DataViewType type) => type switch
    {
        VectorDataViewType v => $"Vector:{Encode(v.ItemType)}:{string.Join(',', v.Dimensions)}",
        KeyDataViewType k => $"Key:{k.Count.ToString(CultureInfo.InvariantCulture)}",
        NumberDataViewType n => n.RawType.Name,
        BooleanDataViewType => "Boolean",
        TextDataViewType => "String",
        ImageDataViewType i => i.IsKnownSize ? $"Image:{i.Height},{i.Width}" : "Image",
        _ => throw new NotSupportedException($"Column type {type} cannot be written to a model file."),
    };

    public static DataViewType Decode(string s)
    {
        if (s.StartsWith("Vector:", StringComparison.Ordinal))
        {
            var last = s.LastIndexOf(':');
            var item = Decode(s[7..last]) as PrimitiveDataViewType ?? throw new FormatException($"Bad vector item type in '{s}'.");
            var dims = s[(last + 1)..].Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
            return new VectorDataViewType(item, dims);
        }
        if (s.StartsWith("Key:", StringComparison.Ordinal))
            return new KeyDataViewType(typeof(uint), ulong.Parse(s[4..], CultureInfo.InvariantCulture));
        if (s.StartsWith("Image:", StringComparison.Ordinal))
        {
            var hw = s[6..].Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
            return hw.Length == 2 ? new ImageDataViewType(hw[0], hw[1]) : throw new FormatException($"Bad image size in '{s}'.");
        }
        return s switch
        {
            "Single" => NumberDataViewType.Single,
            "Double" => NumberDataViewType.Double,
            "Int32" => NumberDataViewType.Int32,
            "UInt32" => NumberDataViewType.UInt32,
            "Int64" => NumberDataViewType.Int64,
            "Boolean" => BooleanDataViewType.Instance,
            "String" => TextDataViewType.Instance,
            "Image" => new ImageDataViewType(),
            _ => throw new FormatException($"Unknown column type '{s}'."),
        };
    }
}
