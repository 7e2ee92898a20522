using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Torch.Vision;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.ResizeImages(outputColumnName, imageWidth, imageHeight, inputColumnName,
/// resizing, cropAnchor)</c>, as ML.NET, with ML.NET's default <see cref="ResizingKind.IsoCrop"/>:
/// <list type="bullet">
/// <item><see cref="ResizingKind.Fill"/>: the whole image is stretched to the target size.</item>
/// <item><see cref="ResizingKind.IsoCrop"/>: the largest region of the target's aspect ratio, placed at
/// <c>cropAnchor</c> (centred on the other axis), is cut out and scaled to the target size.</item>
/// <item><see cref="ResizingKind.IsoPad"/>: the whole image is scaled to fit inside the target, keeping its
/// aspect ratio, and centred on a zero (black, transparent) background.</item>
/// </list>
/// Scaling is bilinear, as <c>torch.nn.functional.interpolate(mode="bilinear", align_corners=False)</c>
/// without antialiasing, computed in float and rounded half to even back to bytes; an image already at
/// the target size is passed through unchanged. Region sizes round half away from zero. Channels are kept.
/// Input: an <see cref="ImageDataViewType"/> column; output: <see cref="ImageDataViewType"/>(imageHeight, imageWidth).
/// Needs no training. Not exported to ONNX (an ONNX graph starts at the pixel vector).
/// </summary>
public sealed class ImageResizingEstimator : IEstimator<ImageResizingTransformer>
{
    /// <summary>How the image is fitted to the target size (ML.NET's values).</summary>
    public enum ResizingKind : byte
    {
        /// <summary>Keep the aspect ratio; scale to fit inside and pad with zeros.</summary>
        IsoPad = 0,
        /// <summary>Keep the aspect ratio; cut out the largest region of the target's ratio and scale it.</summary>
        IsoCrop = 1,
        /// <summary>Stretch to the target size.</summary>
        Fill = 2,
    }

    /// <summary>Where <see cref="ResizingKind.IsoCrop"/> cuts (ML.NET's values).</summary>
    public enum Anchor : byte
    {
        /// <summary>Keep the right edge.</summary>
        Right = 0,
        /// <summary>Keep the left edge.</summary>
        Left = 1,
        /// <summary>Keep the top edge.</summary>
        Top = 2,
        /// <summary>Keep the bottom edge.</summary>
        Bottom = 3,
        /// <summary>Keep the centre.</summary>
        Center = 4,
    }

    private readonly ImageResizingTransformer.Column[] _columns;

    internal ImageResizingEstimator(params ImageResizingTransformer.Column[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        foreach (var c in columns) c.Validate();
        _columns = columns;
    }

    /// <inheritdoc/>
    public ImageResizingTransformer Fit(IDataView input)
    {
        var t = new ImageResizingTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImageResizingEstimator), p.Input);
            if (c.Kind != SchemaShape.VectorKind.Scalar || c.ItemType is not ImageDataViewType)
                throw ShapeChecks.WrongType(nameof(ImageResizingEstimator), p.Input, $"{c.Kind} of {c.ItemType}", "an image (LoadImages' output)");
            return new SchemaShape.Column(p.Output, SchemaShape.VectorKind.Scalar, new ImageDataViewType(p.Height, p.Width), false, []);
        }).ToArray());
}

/// <summary>The image resizer (see <see cref="ImageResizingEstimator"/>).</summary>
public sealed class ImageResizingTransformer : RowToRowTransformerBase
{
    /// <summary>One resized column.</summary>
    internal sealed record Column(string Output, string Input, int Width, int Height, ImageResizingEstimator.ResizingKind Resizing, ImageResizingEstimator.Anchor CropAnchor)
    {
        public void Validate()
        {
            ArgumentException.ThrowIfNullOrEmpty(Output);
            ArgumentException.ThrowIfNullOrEmpty(Input);
            if (Width < 1) throw new ArgumentOutOfRangeException("imageWidth", $"Expected a positive width. Received: imageWidth={Width}");
            if (Height < 1) throw new ArgumentOutOfRangeException("imageHeight", $"Expected a positive height. Received: imageHeight={Height}");
            if (!Enum.IsDefined(Resizing)) throw new ArgumentOutOfRangeException("resizing", $"Expected IsoPad, IsoCrop or Fill. Received: resizing={(int)Resizing}");
            if (!Enum.IsDefined(CropAnchor)) throw new ArgumentOutOfRangeException("cropAnchor", $"Expected Right, Left, Top, Bottom or Center. Received: cropAnchor={(int)CropAnchor}");
        }
    }

    private readonly Column[] _columns;

    internal ImageResizingTransformer(Column[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImageResizingTransformer), p.Input);
            if (c.Type is not ImageDataViewType) throw ShapeChecks.WrongType(nameof(ImageResizingTransformer), p.Input, c.Type, "an image (LoadImages' output)");
            return new OutputColumn(p.Output, new ImageDataViewType(p.Height, p.Width), null, [c.Index], row =>
            {
                var get = row.GetGetter<MLImage>(c);
                MLImage src = null!;
                return (ValueGetter<MLImage>)((ref MLImage dst) =>
                {
                    get(ref src);
                    dst = Resize(src ?? throw new InvalidDataException($"ResizeImages: row index {row.Position}, column '{p.Input}' holds no image."), p.Width, p.Height, p.Resizing, p.CropAnchor);
                });
            });
        }).ToArray();

    /// <summary>Resizes one image (see <see cref="ImageResizingEstimator"/> for the geometry).</summary>
    internal static MLImage Resize(MLImage src, int width, int height, ImageResizingEstimator.ResizingKind kind, ImageResizingEstimator.Anchor anchor)
    {
        if (src.Width == width && src.Height == height) return src;
        int w = src.Width, h = src.Height;
        long wide = (long)w * height, tall = (long)h * width; // compare w/h with width/height exactly
        switch (kind)
        {
            case ImageResizingEstimator.ResizingKind.Fill:
                return Scale(src, 0, 0, w, h, width, height);
            case ImageResizingEstimator.ResizingKind.IsoCrop:
            {
                int cw = w, ch = h;
                if (wide > tall) cw = Math.Clamp(RoundHalfUp((double)h * width / height), 1, w);
                else if (wide < tall) ch = Math.Clamp(RoundHalfUp((double)w * height / width), 1, h);
                int x0 = anchor switch { ImageResizingEstimator.Anchor.Left => 0, ImageResizingEstimator.Anchor.Right => w - cw, _ => (w - cw) / 2 };
                int y0 = anchor switch { ImageResizingEstimator.Anchor.Top => 0, ImageResizingEstimator.Anchor.Bottom => h - ch, _ => (h - ch) / 2 };
                return Scale(src, x0, y0, cw, ch, width, height);
            }
            default:
            {
                int rw = width, rh = height;
                if (wide > tall) rh = Math.Clamp(RoundHalfUp((double)h * width / w), 1, height);
                else if (wide < tall) rw = Math.Clamp(RoundHalfUp((double)w * height / h), 1, width);
                var scaled = Scale(src, 0, 0, w, h, rw, rh);
                return Pad(scaled, width, height, (width - rw) / 2, (height - rh) / 2);
            }
        }
    }

    private static int RoundHalfUp(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);

    // Cuts the region (x0, y0, cw, ch) and scales it bilinearly to width × height through libtorch.
    private static MLImage Scale(MLImage src, int x0, int y0, int cw, int ch, int width, int height)
    {
        using var scope = TorchApi.NewDisposeScope();
        var t = TorchApi.Tensor<byte>(src.PixelArray, new long[] { src.Height, src.Width, src.Channels });
        if (cw != src.Width || ch != src.Height) t = t.Narrow(0, y0, ch).Narrow(1, x0, cw);
        var pixels = (cw == width && ch == height)
            ? t.ToArray<byte>()
            : Image.ChwToHwc(Image.Resize(Image.HwcToChw(t), height, width)).ToArray<byte>();
        return MLImage.Wrap(width, height, src.Channels, pixels);
    }

    private static MLImage Pad(MLImage src, int width, int height, int x0, int y0)
    {
        if (src.Width == width && src.Height == height) return src;
        int c = src.Channels, row = src.Width * c;
        var dst = new byte[width * height * c];
        for (int y = 0; y < src.Height; y++)
            src.Pixels.Slice(y * row, row).CopyTo(dst.AsSpan(((y + y0) * width + x0) * c, row));
        return MLImage.Wrap(width, height, c, dst);
    }

    private sealed record Params(string[] Outputs, string[] Inputs, int[] Widths, int[] Heights, byte[] Resizing, byte[] Anchors);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(
        _columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(), _columns.Select(c => c.Width).ToArray(),
        _columns.Select(c => c.Height).ToArray(), _columns.Select(c => (byte)c.Resizing).ToArray(), _columns.Select(c => (byte)c.CropAnchor).ToArray()));

    internal static ImageResizingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        int n = p.Outputs.Length;
        if (n == 0 || p.Inputs.Length != n || p.Widths.Length != n || p.Heights.Length != n || p.Resizing.Length != n || p.Anchors.Length != n)
            throw ctx.Error("ImageResizing: column lists differ in length or are empty.");
        var cols = Enumerable.Range(0, n).Select(i => new Column(p.Outputs[i], p.Inputs[i], p.Widths[i], p.Heights[i],
            (ImageResizingEstimator.ResizingKind)p.Resizing[i], (ImageResizingEstimator.Anchor)p.Anchors[i])).ToArray();
        foreach (var c in cols) c.Validate();
        return new ImageResizingTransformer(cols);
    }
}
