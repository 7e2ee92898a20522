using MlNetDeep.Transforms;
using static MlNetDeep.Transforms.ImagePixelExtractingEstimator;
using static MlNetDeep.Transforms.ImageResizingEstimator;

namespace MlNetDeep;

// Image transforms (ML.NET's ImageEstimatorsCatalog methods, which ML.NET also puts on ml.Transforms).
public sealed partial class TransformsCatalog
{
    /// <summary>
    /// Loads and decodes the PNG or JPEG file named by <paramref name="inputColumnName"/> (relative to
    /// <paramref name="imageFolder"/> when given) into an image column (see <see cref="ImageLoadingEstimator"/>).
    /// </summary>
    public ImageLoadingEstimator LoadImages(string outputColumnName, string? imageFolder, string? inputColumnName = null) =>
        new(imageFolder, (outputColumnName, inputColumnName ?? outputColumnName));

    /// <summary>Resizes images to <paramref name="imageWidth"/> × <paramref name="imageHeight"/>, bilinear (see <see cref="ImageResizingEstimator"/>).</summary>
    public ImageResizingEstimator ResizeImages(string outputColumnName, int imageWidth, int imageHeight, string? inputColumnName = null,
        ResizingKind resizing = ResizingKind.IsoCrop, Anchor cropAnchor = Anchor.Center) =>
        new(new ImageResizingTransformer.Column(outputColumnName, inputColumnName ?? outputColumnName, imageWidth, imageHeight, resizing, cropAnchor));

    /// <summary>
    /// An image's pixels as a float vector, [planes, height, width] by default (see
    /// <see cref="ImagePixelExtractingEstimator"/>); <c>scaleImage: 1f / 255</c> gives [0, 1], and
    /// <paramref name="mean"/>/<paramref name="std"/> (MlNetDeep's addition) standardize each plane after that.
    /// </summary>
    public ImagePixelExtractingEstimator ExtractPixels(string outputColumnName, string? inputColumnName = null,
        ColorBits colorsToExtract = Defaults.Colors, ColorsOrder orderOfExtraction = Defaults.Order, bool interleavePixelColors = Defaults.Interleave,
        float offsetImage = Defaults.Offset, float scaleImage = Defaults.Scale, float[]? mean = null, float[]? std = null) =>
        new(new ImagePixelExtractingTransformer.Column(outputColumnName, inputColumnName ?? outputColumnName, colorsToExtract, orderOfExtraction,
            interleavePixelColors, offsetImage, scaleImage, mean?.ToArray(), std?.ToArray()));

    /// <summary>
    /// Random augmentation of a [C, H, W] pixel column that trainers apply to training batches only
    /// (identity at prediction; see <see cref="ImageAugmentingEstimator"/> for the contract).
    /// <paramref name="seed"/> defaults to one drawn from the context's seed.
    /// </summary>
    public ImageAugmentingEstimator AugmentImages(string columnName, bool horizontalFlip = false, bool verticalFlip = false,
        double rotationRange = 0, double widthShiftRange = 0, double heightShiftRange = 0, double zoomRange = 0, int? seed = null) =>
        new(columnName, new ImageAugmentingTransformer.Options(horizontalFlip, verticalFlip, rotationRange, widthShiftRange, heightShiftRange, zoomRange,
            Context.ResolveSeed(seed)));
}
