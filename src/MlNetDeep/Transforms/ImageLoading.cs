using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Torch;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.LoadImages(outputColumnName, imageFolder, inputColumnName)</c>, as ML.NET: reads
/// the image file named by a text column (relative to <c>imageFolder</c> when given, else as
/// written) and decodes it natively (PNG through libpng, JPEG through libjpeg) into an
/// <see cref="MLImage"/> with the file's channels. Output type: <see cref="ImageDataViewType"/> of
/// any size. Needs no training. Lazy: a file is read when its row is read. An empty path, a
/// missing file or undecodable data throws (<see cref="FileNotFoundException"/> or
/// <see cref="InvalidDataException"/>) naming the file, the row index and the column.
/// Not exported to ONNX (an ONNX graph starts at the pixel vector).
/// </summary>
public sealed class ImageLoadingEstimator : IEstimator<ImageLoadingTransformer>
{
    private readonly (string Output, string Input)[] _columns;
    private readonly string? _imageFolder;

    internal ImageLoadingEstimator(string? imageFolder, params (string Output, string Input)[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column pair. Received: none", nameof(columns));
        foreach (var (o, i) in columns) { ArgumentException.ThrowIfNullOrEmpty(o); ArgumentException.ThrowIfNullOrEmpty(i); }
        _columns = columns;
        _imageFolder = imageFolder;
    }

    /// <inheritdoc/>
    public ImageLoadingTransformer Fit(IDataView input)
    {
        var t = new ImageLoadingTransformer(_imageFolder, _columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImageLoadingEstimator), p.Input);
            if (c.Kind != SchemaShape.VectorKind.Scalar || c.ItemType is not TextDataViewType)
                throw ShapeChecks.WrongType(nameof(ImageLoadingEstimator), p.Input, $"{c.Kind} of {c.ItemType}", "text (image file paths)");
            return new SchemaShape.Column(p.Output, SchemaShape.VectorKind.Scalar, new ImageDataViewType(), false, []);
        }).ToArray());
}

/// <summary>The image loader (see <see cref="ImageLoadingEstimator"/>).</summary>
public sealed class ImageLoadingTransformer : RowToRowTransformerBase
{
    private readonly (string Output, string Input)[] _columns;

    internal ImageLoadingTransformer(string? imageFolder, (string Output, string Input)[] columns)
    {
        ImageFolder = imageFolder;
        _columns = columns;
    }

    /// <summary>The folder paths are relative to (null: paths are used as written).</summary>
    public string? ImageFolder { get; }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImageLoadingTransformer), p.Input);
            if (c.Type is not TextDataViewType) throw ShapeChecks.WrongType(nameof(ImageLoadingTransformer), p.Input, c.Type, "text (image file paths)");
            return new OutputColumn(p.Output, new ImageDataViewType(), null, [c.Index], row => MakeGetter(row, c));
        }).ToArray();

    private Delegate MakeGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var getPath = row.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> path = default;
        long cachedRow = -1;
        MLImage? cached = null;
        return (ValueGetter<MLImage>)((ref MLImage value) =>
        {
            // A getter may be called more than once per row; decode each file once.
            if (cachedRow != row.Position || cached is null)
            {
                getPath(ref path);
                cached = Load(path.ToString(), row.Position, column.Name);
                cachedRow = row.Position;
            }
            value = cached;
        });
    }

    private MLImage Load(string path, long row, string column)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidDataException($"LoadImages: row index {row}, column '{column}': the image path is empty.");
        var full = string.IsNullOrEmpty(ImageFolder) ? path : Path.Combine(ImageFolder, path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"LoadImages: row index {row}, column '{column}': image file '{full}' not found.", full, e);
        }
        try
        {
            return MLImage.Decode(bytes);
        }
        catch (TorchException e)
        {
            throw new InvalidDataException($"LoadImages: row index {row}, column '{column}': cannot decode image file '{full}' (PNG and JPEG are read): {e.Message}", e);
        }
    }

    private sealed record Params(string[] Outputs, string[] Inputs, string? ImageFolder);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) =>
        ctx.WriteParameters(new Params(_columns.Select(p => p.Output).ToArray(), _columns.Select(p => p.Input).ToArray(), ImageFolder));

    internal static ImageLoadingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (p.Outputs.Length != p.Inputs.Length || p.Outputs.Length == 0) throw ctx.Error("ImageLoading: output and input name lists differ in length or are empty.");
        return new ImageLoadingTransformer(p.ImageFolder, p.Outputs.Zip(p.Inputs).ToArray());
    }
}
