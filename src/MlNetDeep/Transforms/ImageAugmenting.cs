using System.Text.Json;
using MlNetDeep.Data;
using MlNetDeep.Model;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Vision;

namespace MlNetDeep.Transforms;

/// <summary>
/// <c>ml.Transforms.AugmentImages(columnName, horizontalFlip, verticalFlip, rotationRange,
/// widthShiftRange, heightShiftRange, zoomRange, seed)</c>: random image augmentation that applies
/// only while a trainer fits, in the manner of Keras' <c>ImageDataGenerator</c> (same argument
/// names and meanings: flips with probability ½, rotation uniform in ±rotationRange degrees, shifts
/// uniform in ±range × width/height, zoom uniform in [1 − zoomRange, 1 + zoomRange]; pixels from
/// outside are 0). See <see cref="ImageAugmentation"/> for the draws.
/// <para>
/// The contract. <c>Transform</c> never changes a value: at prediction time, and for test data,
/// this transform is the identity. It re-emits the column (a float vector [C, H, W], channels
/// first, as <c>ExtractPixels</c> gives) with an annotation of kind
/// <see cref="ImageAugmentingTransformer.AnnotationKind"/> that describes the augmentation. A
/// trainer fitting on that column calls <see cref="ImageAugmentingTransformer.FromColumn"/>; when it
/// returns a transformer, the trainer passes each training batch (N×C×H×W) through
/// <see cref="ImageAugmentingTransformer.Augment(Tensor, int, long)"/> before the forward pass, and
/// never augments validation or test batches. Place this transform after the last transform of
/// the pixel column (a later transform of that column makes a new column without the annotation).
/// </para>
/// Needs no training; saved and loaded with the model; for ONNX export it is the identity.
/// </summary>
public sealed class ImageAugmentingEstimator : IEstimator<ImageAugmentingTransformer>
{
    private readonly string _column;
    private readonly ImageAugmentingTransformer.Options _options;

    internal ImageAugmentingEstimator(string columnName, ImageAugmentingTransformer.Options options)
    {
        ArgumentException.ThrowIfNullOrEmpty(columnName);
        options.ToAugmentation(); // validates every range, naming it
        _column = columnName;
        _options = options;
    }

    /// <inheritdoc/>
    public ImageAugmentingTransformer Fit(IDataView input)
    {
        var t = new ImageAugmentingTransformer(_column, _options);
        t.GetOutputSchema(input.Schema);
        return t;
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var c = ShapeChecks.Find(inputSchema, nameof(ImageAugmentingEstimator), _column);
        if (c.Kind != SchemaShape.VectorKind.Vector || c.ItemType != NumberDataViewType.Single)
            throw ShapeChecks.WrongType(nameof(ImageAugmentingEstimator), _column, $"{c.Kind} of {c.ItemType}", ImageAugmentingTransformer.Expected);
        return ShapeChecks.With(inputSchema, c with { AnnotationKinds = [.. c.AnnotationKinds.Where(k => k != ImageAugmentingTransformer.AnnotationKind), ImageAugmentingTransformer.AnnotationKind] });
    }
}

/// <summary>
/// The fitted augmentation (see <see cref="ImageAugmentingEstimator"/> for the contract with
/// trainers): the identity on data, plus <see cref="Augment(Tensor, ulong)"/> for training batches.
/// </summary>
public sealed class ImageAugmentingTransformer : RowToRowTransformerBase
{
    /// <summary>The kind of the annotation that marks an augmented column (its value: the settings as JSON text).</summary>
    public const string AnnotationKind = "ImageAugmentation";

    internal const string Expected = "a float vector [channels, height, width] (ExtractPixels' output, planar)";

    /// <summary>The settings, in Keras' terms (saved with the model and carried in the annotation).</summary>
    internal sealed record Options(bool HorizontalFlip, bool VerticalFlip, double RotationRange, double WidthShiftRange, double HeightShiftRange, double ZoomRange, int Seed)
    {
        public ImageAugmentation ToAugmentation()
        {
            Range(RotationRange, "rotationRange", "a rotation range in degrees >= 0");
            Range(WidthShiftRange, "widthShiftRange", "a shift range >= 0 (a fraction of the width)");
            Range(HeightShiftRange, "heightShiftRange", "a shift range >= 0 (a fraction of the height)");
            if (!(ZoomRange >= 0 && ZoomRange < 1))
                throw new ArgumentOutOfRangeException("zoomRange", $"Expected a value in [0, 1). Received: zoomRange={ZoomRange}");
            return new ImageAugmentation
            {
                HorizontalFlip = HorizontalFlip, VerticalFlip = VerticalFlip, RotationRange = RotationRange,
                WidthShiftRange = WidthShiftRange, HeightShiftRange = HeightShiftRange, MinZoom = 1 - ZoomRange, MaxZoom = 1 + ZoomRange,
            };
        }

        private static void Range(double value, string name, string expected)
        {
            if (!(value >= 0 && double.IsFinite(value)))
                throw new ArgumentOutOfRangeException(name, $"Expected {expected}. Received: {name}={value}");
        }
    }

    private readonly Options _options;

    internal ImageAugmentingTransformer(string columnName, Options options)
    {
        ColumnName = columnName;
        _options = options;
        Augmentation = options.ToAugmentation();
    }

    /// <summary>The augmented column.</summary>
    public string ColumnName { get; }

    /// <summary>Always true: only trainers apply the augmentation, and only to training batches.</summary>
    public bool IsTrainingOnly => true;

    /// <summary>The augmentation applied to training batches.</summary>
    public ImageAugmentation Augmentation { get; }

    /// <summary>The seed the per-batch seeds derive from (<see cref="SeedFor"/>).</summary>
    public int Seed => _options.Seed;

    /// <summary>Augments an N×C×H×W (or C×H×W) batch with <paramref name="seed"/>: the same seed and batch give the same result. The caller owns the new tensor.</summary>
    public Tensor Augment(Tensor batch, ulong seed) => Augmentation.Apply(batch, seed);

    /// <summary>Augments training batch <paramref name="batchIndex"/> of <paramref name="epoch"/> with <see cref="SeedFor"/>(epoch, batchIndex): reproducible, different every batch and epoch.</summary>
    public Tensor Augment(Tensor batch, int epoch, long batchIndex) => Augment(batch, SeedFor(epoch, batchIndex));

    /// <summary>The seed of one training batch: a hash of (<see cref="Seed"/>, epoch, batch index).</summary>
    public ulong SeedFor(int epoch, long batchIndex) =>
        RowValueReaders.Mix(RowValueReaders.Mix((ulong)(uint)Seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)epoch) ^ (ulong)batchIndex);

    /// <summary>
    /// The augmentation a trainer must apply when fitting on <paramref name="column"/>, or null when
    /// the column carries no <see cref="AnnotationKind"/> annotation.
    /// </summary>
    public static ImageAugmentingTransformer? FromColumn(DataViewSchema.Column column)
    {
        if (column.Annotations.GetRawOrNull(AnnotationKind) is not ReadOnlyMemory<char> json) return null;
        var o = JsonSerializer.Deserialize<Options>(json.Span) ?? throw new InvalidDataException($"Column '{column.Name}': empty {AnnotationKind} annotation.");
        return new ImageAugmentingTransformer(column.Name, o);
    }

    private protected override IReadOnlyList<OutputColumn> Bind(DataViewSchema inputSchema)
    {
        var c = ShapeChecks.Find(inputSchema, nameof(ImageAugmentingTransformer), ColumnName);
        if (c.Type is not VectorDataViewType { IsKnownSize: true, Dimensions.Count: 3 } v || v.ItemType != NumberDataViewType.Single)
            throw ShapeChecks.WrongType(nameof(ImageAugmentingTransformer), ColumnName, c.Type, Expected);
        var annotations = new DataViewSchema.Annotations.Builder().Add(c.Annotations)
            .Add(AnnotationKind, TextDataViewType.Instance, JsonSerializer.Serialize(_options).AsMemory()).ToAnnotations();
        // The identity: the same values under the same name, now annotated.
        return [new OutputColumn(ColumnName, c.Type, annotations, [c.Index], row => row.GetGetter<VBuffer<float>>(c))];
    }

    private sealed record Params(string Column, Options Options);

    /// <inheritdoc/>
    public override void Save(ModelSaveContext ctx) => ctx.WriteParameters(new Params(ColumnName, _options));

    internal static ImageAugmentingTransformer Load(ModelLoadContext ctx)
    {
        var p = ctx.ReadParameters<Params>();
        if (string.IsNullOrEmpty(p.Column) || p.Options is null) throw ctx.Error("ImageAugmenting: column or options missing.");
        return new ImageAugmentingTransformer(p.Column, p.Options);
    }
}
