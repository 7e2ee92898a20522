using MlNetDeep.Data;
using MlNetDeep.Model;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.ExtractPixels(outputColumnName, inputColumnName, colorsToExtract,
/// orderOfExtraction, interleavePixelColors, offsetImage, scaleImage, mean, std)</c>: an image's
/// pixels as a float vector, as ML.NET. Each value is <c>(v − offsetImage) · scaleImage</c> (ML.NET's
/// formula), then, when <c>mean</c> and <c>std</c> are given (MlNetDeep's addition, torchvision's
/// <c>Normalize</c>), <c>(x − mean[p]) / std[p]</c> for plane p (one value per plane, or one for all).
/// With <c>scaleImage: 1f / 255</c> the values are in [0, 1], as torchvision's <c>ToTensor</c>.
/// <para>
/// Planes are the colours selected by <see cref="ColorBits"/>, in the order <see cref="ColorsOrder"/>
/// gives (default R, G, B). Planar layout (the default, <c>interleavePixelColors: false</c>) gives
/// dimensions [planes, height, width], channels first, what a CNN takes; interleaved gives
/// [height, width, planes]. A gray image gives its value for R, G and B; an image without alpha
/// gives 255 for A. <see cref="ColorBits.Gray"/> (MlNetDeep's addition) gives one plane: the gray
/// value, or for colour images the luma 0.299·R + 0.587·G + 0.114·B (ITU-R 601, as PIL's "L").
/// </para>
/// Input: an <see cref="ImageDataViewType"/> column of known size (use <c>ResizeImages</c> first);
/// an image of another size fails naming the row. Needs no training. Not exported to ONNX (an
/// ONNX graph starts at the pixel vector this transform produces).
/// </summary>
public sealed class ImagePixelExtractingEstimator : IEstimator<ImagePixelExtractingTransformer>
{
    /// <summary>Which colours to extract (ML.NET's flags, plus <see cref="Gray"/>).</summary>
    [Flags]
    public enum ColorBits : byte
    {
        /// <summary>Alpha (255 when the image has none).</summary>
        Alpha = 0x01,
        /// <summary>Red.</summary>
        Red = 0x02,
        /// <summary>Green.</summary>
        Green = 0x04,
        /// <summary>Blue.</summary>
        Blue = 0x08,
        /// <summary>Red, green and blue.</summary>
        Rgb = Red | Green | Blue,
        /// <summary>Alpha, red, green and blue.</summary>
        All = Alpha | Rgb,
        /// <summary>MlNetDeep's addition: one plane of gray (luma for colour images); not combinable with the others.</summary>
        Gray = 0x10,
    }

    /// <summary>The order of the planes (ML.NET's values).</summary>
    public enum ColorsOrder : byte
    {
        /// <summary>Alpha, red, green, blue.</summary>
        ARGB = 1,
        /// <summary>Alpha, red, blue, green.</summary>
        ARBG = 2,
        /// <summary>Alpha, blue, red, green.</summary>
        ABRG = 3,
        /// <summary>Alpha, blue, green, red.</summary>
        ABGR = 4,
        /// <summary>Alpha, green, red, blue.</summary>
        AGRB = 5,
        /// <summary>Alpha, green, blue, red.</summary>
        AGBR = 6,
    }

    /// <summary>Defaults, in one place (ML.NET's).</summary>
    public static class Defaults
    {
        /// <summary>Red, green and blue.</summary>
        public const ColorBits Colors = ColorBits.Rgb;
        /// <summary>ARGB order.</summary>
        public const ColorsOrder Order = ColorsOrder.ARGB;
        /// <summary>Planar (channels first).</summary>
        public const bool Interleave = false;
        /// <summary>No offset.</summary>
        public const float Offset = 0;
        /// <summary>No scaling.</summary>
        public const float Scale = 1;
    }

    private readonly ImagePixelExtractingTransformer.Column[] _columns;

    internal ImagePixelExtractingEstimator(params ImagePixelExtractingTransformer.Column[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("Expected at least one column. Received: none", nameof(columns));
        foreach (var c in columns) c.Validate();
        _columns = columns;
    }

    /// <inheritdoc/>
    public ImagePixelExtractingTransformer Fit(IDataView input)
    {
        var t = new ImagePixelExtractingTransformer(_columns);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ShapeChecks.With(inputSchema, _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImagePixelExtractingEstimator), p.Input);
            if (c.Kind != SchemaShape.VectorKind.Scalar || c.ItemType is not ImageDataViewType { IsKnownSize: true })
                throw ShapeChecks.WrongType(nameof(ImagePixelExtractingEstimator), p.Input, $"{c.Kind} of {c.ItemType}", "an image of known size (ResizeImages' output)");
            return new SchemaShape.Column(p.Output, SchemaShape.VectorKind.Vector, NumberDataViewType.Single, false, []);
        }).ToArray());
}

/// <summary>The pixel extractor (see <see cref="ImagePixelExtractingEstimator"/>).</summary>
public sealed class ImagePixelExtractingTransformer : RowToRowTransformerBase
{
    /// <summary>One extracted column.</summary>
    internal sealed record Column(string Output, string Input, ImagePixelExtractingEstimator.ColorBits Colors, ImagePixelExtractingEstimator.ColorsOrder Order,
        bool Interleave, float Offset, float Scale, float[]? Mean, float[]? Std)
    {
        /// <summary>The planes in output order: 'A', 'R', 'G', 'B' or 'Y' (gray).</summary>
        public char[] Planes()
        {
            if (Colors == ImagePixelExtractingEstimator.ColorBits.Gray) return ['Y'];
            var order = Order.ToString();
            return order.Where(ch => ch switch
            {
                'A' => Colors.HasFlag(ImagePixelExtractingEstimator.ColorBits.Alpha),
                'R' => Colors.HasFlag(ImagePixelExtractingEstimator.ColorBits.Red),
                'G' => Colors.HasFlag(ImagePixelExtractingEstimator.ColorBits.Green),
                _ => Colors.HasFlag(ImagePixelExtractingEstimator.ColorBits.Blue),
            }).ToArray();
        }

        public void Validate()
        {
            ArgumentException.ThrowIfNullOrEmpty(Output);
            ArgumentException.ThrowIfNullOrEmpty(Input);
            const ImagePixelExtractingEstimator.ColorBits gray = ImagePixelExtractingEstimator.ColorBits.Gray;
            if (Colors == 0 || ((int)Colors & ~0x1F) != 0 || (Colors.HasFlag(gray) && Colors != gray))
                throw new ArgumentOutOfRangeException("colorsToExtract", $"Expected a combination of Alpha, Red, Green and Blue, or Gray alone. Received: colorsToExtract={Colors}");
            if (!Enum.IsDefined(Order)) throw new ArgumentOutOfRangeException("orderOfExtraction", $"Expected ARGB, ARBG, ABRG, ABGR, AGRB or AGBR. Received: orderOfExtraction={(int)Order}");
            if (!float.IsFinite(Offset)) throw new ArgumentOutOfRangeException("offsetImage", $"Expected a finite offset. Received: offsetImage={Offset}");
            if (!float.IsFinite(Scale) || Scale == 0) throw new ArgumentOutOfRangeException("scaleImage", $"Expected a finite, non-zero scale. Received: scaleImage={Scale}");
            if ((Mean is null) != (Std is null))
                throw new ArgumentException($"Expected both mean and std, or neither. Received: mean={Describe(Mean)}, std={Describe(Std)}", "std");
            if (Mean is null) return;
            int planes = Planes().Length;
            if (Mean.Length != Std!.Length || (Mean.Length != 1 && Mean.Length != planes))
                throw new ArgumentException($"Expected mean and std with one value, or one per extracted plane ({planes}). Received: mean={Describe(Mean)}, std={Describe(Std)}", "mean");
            if (Mean.Any(m => !float.IsFinite(m))) throw new ArgumentException($"Expected finite means. Received: mean={Describe(Mean)}", "mean");
            if (Std.Any(s => !float.IsFinite(s) || s == 0)) throw new ArgumentException($"Expected finite, non-zero standard deviations. Received: std={Describe(Std)}", "std");
        }

        private static string Describe(float[]? v) => v is null ? "null" : "[" + string.Join(", ", v) + "]";
    }

    private readonly Column[] _columns;

    internal ImagePixelExtractingTransformer(Column[] columns) => _columns = columns;

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema) =>
        _columns.Select(p =>
        {
            var c = ShapeChecks.Find(inputSchema, nameof(ImagePixelExtractingTransformer), p.Input);
            if (c.Type is not ImageDataViewType { IsKnownSize: true } it)
                throw ShapeChecks.WrongType(nameof(ImagePixelExtractingTransformer), p.Input, c.Type, "an image of known size (ResizeImages' output)");
            int planes = p.Planes().Length;
            var type = p.Interleave ? new VectorDataViewType(NumberDataViewType.Single, it.Height, it.Width, planes)
                                    : new VectorDataViewType(NumberDataViewType.Single, planes, it.Height, it.Width);
            return new OutputColumn(p.Output, type, null, [c.Index], row => MakeGetter(row, c, p, it.Height, it.Width));
        }).ToArray();

    private static Delegate MakeGetter(DataViewRow row, DataViewSchema.Column column, Column p, int height, int width)
    {
        var get = row.GetGetter<MLImage>(column);
        var planes = p.Planes();
        int size = planes.Length * height * width;
        MLImage img = null!;
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> dst) =>
        {
            get(ref img);
            if (img is null) throw new InvalidDataException($"ExtractPixels: row index {row.Position}, column '{column.Name}' holds no image.");
            if (img.Width != width || img.Height != height)
                throw new InvalidDataException($"ExtractPixels: row index {row.Position}, column '{column.Name}': image is {img.Width}×{img.Height}; the column type promises {width}×{height}.");
            var values = dst.Buffer(size);
            Fill(img, planes, p, values, p.Interleave);
            dst = new VBuffer<float>(size, values);
        });
    }

    private static void Fill(MLImage img, char[] planes, Column p, float[] values, bool interleave)
    {
        var px = img.PixelArray;
        int c = img.Channels, np = planes.Length, hw = img.Width * img.Height;
        for (int k = 0; k < np; k++)
        {
            float mean = p.Mean is null ? 0 : p.Mean[p.Mean.Length == 1 ? 0 : k];
            float std = p.Std is null ? 1 : p.Std[p.Std.Length == 1 ? 0 : k];
            bool normalize = p.Mean is not null;
            // Source byte of this plane within a pixel; -1: constant 255 (no alpha); -2: luma of RGB.
            int src = planes[k] switch
            {
                'A' => c is 2 or 4 ? c - 1 : -1,
                'R' => 0,
                'G' => c >= 3 ? 1 : 0,
                'B' => c >= 3 ? 2 : 0,
                _ => c >= 3 ? -2 : 0,
            };
            for (int i = 0; i < hw; i++)
            {
                int o = i * c;
                float v = src switch
                {
                    -1 => 255f,
                    -2 => 0.299f * px[o] + 0.587f * px[o + 1] + 0.114f * px[o + 2],
                    _ => px[o + src],
                };
                float x = (v - p.Offset) * p.Scale;
                if (normalize) x = (x - mean) / std;
                values[interleave ? i * np + k : k * hw + i] = x;
            }
        }
    }

    private sealed record Params(string[] Outputs, string[] Inputs, byte[] Colors, byte[] Orders, bool[] Interleave, float[] Offsets, float[] Scales, float[]?[] Means, float[]?[] Stds);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(
        _columns.Select(c => c.Output).ToArray(), _columns.Select(c => c.Input).ToArray(), _columns.Select(c => (byte)c.Colors).ToArray(),
        _columns.Select(c => (byte)c.Order).ToArray(), _columns.Select(c => c.Interleave).ToArray(), _columns.Select(c => c.Offset).ToArray(),
        _columns.Select(c => c.Scale).ToArray(), _columns.Select(c => c.Mean).ToArray(), _columns.Select(c => c.Std).ToArray()));

    internal static ImagePixelExtractingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        int n = p.Outputs.Length;
        if (n == 0 || new[] { p.Inputs.Length, p.Colors.Length, p.Orders.Length, p.Interleave.Length, p.Offsets.Length, p.Scales.Length, p.Means.Length, p.Stds.Length }.Any(l => l != n))
            throw ctx.Error("ImagePixelExtracting: column lists differ in length or are empty.");
        var cols = Enumerable.Range(0, n).Select(i => new Column(p.Outputs[i], p.Inputs[i], (ImagePixelExtractingEstimator.ColorBits)p.Colors[i],
            (ImagePixelExtractingEstimator.ColorsOrder)p.Orders[i], p.Interleave[i], p.Offsets[i], p.Scales[i], p.Means[i], p.Stds[i])).ToArray();
        foreach (var c in cols) c.Validate();
        return new ImagePixelExtractingTransformer(cols);
    }
}
