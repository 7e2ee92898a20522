using Google.Protobuf;
using P = global::Onnx;

namespace MlNetDeep.Onnx;

/// <summary>
/// A named attribute of an ONNX node (<c>axis</c>, <c>kernel_shape</c>, <c>alpha</c>, ...). Create one
/// with the factory matching the attribute's ONNX type, e.g. <c>OnnxAttribute.Int("axis", 1)</c>.
/// </summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(P.AttributeProto proto) => Proto = proto;

    internal P.AttributeProto Proto { get; }

    /// <summary>The attribute's name.</summary>
    public string Name => Proto.Name;

    public static OnnxAttribute Int(string name, long value) =>
        new(new P.AttributeProto { Name = name, Type = P.AttributeProto.Types.AttributeType.Int, I = value });

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var a = new P.AttributeProto { Name = name, Type = P.AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return new(a);
    }

    public static OnnxAttribute Float(string name, float value) =>
        new(new P.AttributeProto { Name = name, Type = P.AttributeProto.Types.AttributeType.Float, F = value });

    public static OnnxAttribute String(string name, string value) =>
        new(new P.AttributeProto { Name = name, Type = P.AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });

    public static OnnxAttribute Strings(string name, params string[] values)
    {
        var a = new P.AttributeProto { Name = name, Type = P.AttributeProto.Types.AttributeType.Strings };
        a.Strings.Add(values.Select(ByteString.CopyFromUtf8));
        return new(a);
    }
}
