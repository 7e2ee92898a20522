namespace MlNetDeep.Onnx;

/// <summary>Small node recipes shared by the pipeline steps' exports (constants of a column's element type, reshapes, casts).</summary>
internal static class OnnxOps
{
    /// <summary>A numeric constant of element type <paramref name="type"/> (float, double, int32 or int64).</summary>
    public static string Constant(OnnxGraphBuilder b, string hint, OnnxDataType type, double[] values, params long[] dims) => type switch
    {
        OnnxDataType.Float => b.AddInitializer(hint, values.Select(v => (float)v).ToArray(), dims),
        OnnxDataType.Double => b.AddInitializer(hint, values, dims),
        OnnxDataType.Int32 => b.AddInitializer(hint, values.Select(v => (int)v).ToArray(), dims),
        OnnxDataType.Int64 => b.AddInitializer(hint, values.Select(v => (long)v).ToArray(), dims),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"Expected a numeric element type. Received: type={type}."),
    };

    /// <summary>A scalar numeric constant.</summary>
    public static string Scalar(OnnxGraphBuilder b, string hint, OnnxDataType type, double value) => Constant(b, hint, type, [value]);

    /// <summary>Reshape to <paramref name="shape"/> (0 keeps a dimension, -1 infers it).</summary>
    public static string Reshape(OnnxGraphBuilder b, string value, params long[] shape) =>
        b.AddNode("Reshape", [value, b.AddInitializer("shape", shape, shape.Length)]);

    /// <summary>Cast to <paramref name="to"/>.</summary>
    public static string Cast(OnnxGraphBuilder b, string value, OnnxDataType to) =>
        b.AddNode("Cast", [value], OnnxAttribute.Int("to", (long)to));

    /// <summary>Whether <paramref name="type"/> is float or double.</summary>
    public static bool IsFloating(OnnxDataType type) => type is OnnxDataType.Float or OnnxDataType.Double;
}
