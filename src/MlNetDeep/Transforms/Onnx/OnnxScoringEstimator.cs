using MlNetDeep.Data;

namespace MlNetDeep.Transforms.Onnx;

/// <summary>
/// <c>ml.Transforms.ApplyOnnxModel(...)</c>: scores rows with an ONNX model through ONNX Runtime
/// (see <see cref="OnnxTransformer"/> for the column mapping, batching and checks). Needs no
/// training: the model file is read and its session opened when the estimator is made, so a missing
/// file, a bad model or an unknown input/output name fails there. Input: columns named after the
/// model's inputs, of their element types. Output: one column per chosen model output.
/// </summary>
public sealed class OnnxScoringEstimator : IEstimator<OnnxTransformer>
{
    private readonly OnnxTransformer _transformer;

    internal OnnxScoringEstimator(OnnxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ModelFile, nameof(options.ModelFile));
        var path = Path.GetFullPath(options.ModelFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"ApplyOnnxModel: ONNX model file not found: {path}", path);
        _transformer = new OnnxTransformer(File.ReadAllBytes(path), options);
    }

    /// <summary>Checks <paramref name="input"/>'s schema against the model and returns the transformer.</summary>
    public OnnxTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _transformer.GetOutputSchema(input.Schema);
        return _transformer;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var session = _transformer.Session;
        foreach (var name in _transformer.InputColumnNames)
        {
            var column = ShapeChecks.Find(inputSchema, "ApplyOnnxModel", name);
            var node = session.Inputs.Single(n => n.Name == name);
            var expected = MlNetDeep.Onnx.Runtime.OnnxElementTypes.ClrType(node.ElementType);
            if (column.IsKey || column.ItemType.RawType != expected)
                throw new ArgumentException(
                    $"ApplyOnnxModel: column '{name}' feeds ONNX input '{node.Name}', which expects element type {node.ElementType} (shape {node.ShapeText}). " +
                    $"Received: column of {(column.IsKey ? "Key" : column.ItemType.ToString())}", nameof(inputSchema));
        }
        // The output types follow from the model alone; bind against a schema of the right item types to read them.
        var probe = new DataViewSchema(_transformer.InputColumnNames.Select(name =>
        {
            var c = inputSchema.Find(name);
            DataViewType type = c.IsVector ? new VectorDataViewType((PrimitiveDataViewType)c.ItemType) : c.ItemType;
            return (name, type, (DataViewSchema.Annotations?)null);
        }));
        var binding = _transformer.Bind(probe);
        return ShapeChecks.With(inputSchema, binding.Outputs.Select(o => new SchemaShape.Column(o.Node.Name,
            o.Type is VectorDataViewType v ? (v.IsKnownSize ? SchemaShape.VectorKind.Vector : SchemaShape.VectorKind.VariableVector) : SchemaShape.VectorKind.Scalar,
            o.Type.GetItemType(), false, [])).ToArray());
    }
}
