using static MlNetDeep.Torch.Native.NativeMethods;

namespace MlNetDeep.Torch.Vision;

/// <summary>
/// Random image augmentation for training, in the manner of Keras' ImageDataGenerator: each
/// image of a batch gets its own draw of a left-right and a top-bottom flip (probability ½
/// each, when enabled), then one affine warp about its centre (see <see cref="Image.Affine"/>):
/// a rotation uniform in ±<see cref="RotationRange"/> degrees, a shift uniform in
/// ±<see cref="WidthShiftRange"/>·W and ±<see cref="HeightShiftRange"/>·H pixels and a zoom
/// uniform in [<see cref="MinZoom"/>, <see cref="MaxZoom"/>]; pixels from outside are 0.
/// The draws come from libtorch's generator (<see cref="Torch.ManualSeed"/>), or from a fresh
/// generator seeded per call when <see cref="Apply"/> is given a seed: the same seed and input
/// give the same output.
/// </summary>
public sealed class ImageAugmentation
{
    private readonly double _rotationRange;
    private readonly double _widthShiftRange;
    private readonly double _heightShiftRange;
    private readonly double _minZoom = 1;
    private readonly double _maxZoom = 1;

    /// <summary>Mirror left-right with probability ½.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Mirror top-bottom with probability ½.</summary>
    public bool VerticalFlip { get; init; }

    /// <summary>Largest rotation in degrees, either way (0: none).</summary>
    public double RotationRange
    {
        get => _rotationRange;
        init => _rotationRange = NonNegative(value, nameof(RotationRange), "rotation range in degrees");
    }

    /// <summary>Largest horizontal shift as a fraction of the width, either way (0: none).</summary>
    public double WidthShiftRange
    {
        get => _widthShiftRange;
        init => _widthShiftRange = NonNegative(value, nameof(WidthShiftRange), "shift as a fraction of the width");
    }

    /// <summary>Largest vertical shift as a fraction of the height, either way (0: none).</summary>
    public double HeightShiftRange
    {
        get => _heightShiftRange;
        init => _heightShiftRange = NonNegative(value, nameof(HeightShiftRange), "shift as a fraction of the height");
    }

    /// <summary>Smallest zoom factor (&lt; 1 shrinks); 1 by default.</summary>
    public double MinZoom
    {
        get => _minZoom;
        init => _minZoom = Positive(value, nameof(MinZoom));
    }

    /// <summary>Largest zoom factor (&gt; 1 magnifies); 1 by default.</summary>
    public double MaxZoom
    {
        get => _maxZoom;
        init => _maxZoom = Positive(value, nameof(MaxZoom));
    }

    /// <summary>
    /// Augments a C×H×W image or an N×C×H×W batch (uint8 or floating), returning a new tensor of
    /// the same shape and type. With <paramref name="seed"/> the draws are reproducible whatever
    /// libtorch's generator state; without it they advance libtorch's generator.
    /// </summary>
    public Tensor Apply(Tensor images, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (_maxZoom < _minZoom)
            throw new ArgumentException($"Expected MinZoom <= MaxZoom. Received: MinZoom={_minZoom}, MaxZoom={_maxZoom}");
        return Tensor.Wrap(mlnd_image_random_augment(images.Handle, HorizontalFlip ? 1 : 0, VerticalFlip ? 1 : 0, _rotationRange,
            _widthShiftRange, _heightShiftRange, _minZoom, _maxZoom, seed.HasValue ? 1 : 0, seed ?? 0, out var r), r);
    }

    private static double NonNegative(double value, string name, string what) =>
        value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Expected a non-negative {what}. Received: {name}={value}");

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Expected a positive zoom factor. Received: {name}={value}");
}
