using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Vision;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Trainers;

/// <summary>
/// What a trained convolutional network looks at (issue "What the user sees"): its first-layer filters, a saliency map
/// (|∂score/∂input|, Simonyan et al.) and an occlusion map (how much the score drops when a patch is covered, Zeiler and
/// Fergus) for one image, as tensors and as PNG files. Images are given as the feature vector the model reads ([C, H, W] values).
/// </summary>
public static class CnnVisualization
{
    /// <summary>The first Conv2d layer's weights [filters, channels, k, k] (a copy, caller-owned).</summary>
    public static Tensor FirstLayerFilters(this DeepModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var conv = model.Module.Layers.OfType<Conv2d>().FirstOrDefault()
            ?? throw new InvalidOperationException("The model has no Conv2d layer; filters are shown for convolutional networks.");
        using var weight = conv.NamedParameters().First(p => p.Name == "weight").Tensor;
        using var noGrad = TorchApi.NoGrad();
        return weight.Detach().Clone().DetachFromDisposeScope();
    }

    /// <summary>
    /// Writes the first-layer filters as a PNG grid (one gray tile per filter, the mean over input channels, each tile scaled
    /// to its own [min, max]), every weight drawn as a <paramref name="scale"/>×<paramref name="scale"/> block.
    /// </summary>
    public static void SaveFirstLayerFilters(this DeepModelParameters model, string path, int scale = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"Expected at least 1. Received: scale={scale}.");
        using var filters = model.FirstLayerFilters();
        var s = filters.Shape;
        long f = s[0], c = s[1], kh = s[2], kw = s[3];
        var w = filters.ToArray<float>();
        int columns = (int)Math.Ceiling(Math.Sqrt(f)), rows = (int)((f + columns - 1) / columns);
        int tileH = (int)kh * scale, tileW = (int)kw * scale, gap = 1;
        int height = rows * (tileH + gap) + gap, width = columns * (tileW + gap) + gap;
        var pixels = new float[height * width];
        Array.Fill(pixels, 1f);
        var tile = new float[kh * kw];
        for (int i = 0; i < f; i++)
        {
            Array.Clear(tile);
            for (int ch = 0; ch < c; ch++)
                for (int j = 0; j < tile.Length; j++) tile[j] += w[(i * c + ch) * tile.Length + j] / c;
            float lo = tile.Min(), hi = tile.Max(), span = hi > lo ? hi - lo : 1;
            int top = gap + i / columns * (tileH + gap), left = gap + i % columns * (tileW + gap);
            for (int y = 0; y < tileH; y++)
                for (int x = 0; x < tileW; x++)
                    pixels[(top + y) * width + left + x] = (tile[y / scale * kw + x / scale] - lo) / span;
        }
        using var image = TorchApi.Tensor(pixels, new long[] { height, width });
        Image.SavePng(image, path);
    }

    /// <summary>
    /// The saliency map of <paramref name="image"/>: |∂score/∂input| with the input's shape [C, H, W], non-negative. The score
    /// is the output unit <paramref name="target"/> before the softmax (multiclass; the predicted class when null) or the single
    /// output (binary logit, regression value).
    /// </summary>
    public static Tensor Saliency(this DeepModelParameters model, float[] image, int? target = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shape = CheckImage(model, image);
        using var scope = TorchApi.NewDisposeScope();
        var x = TorchApi.Tensor(image, (long[])[1, .. shape]).RequiresGrad_();
        Tensor output;
        lock (model.Module)
        {
            output = model.Module.Forward(x);
            var unit = Unit(model, target, output);
            output.Select(1, unit).Sum().Backward();
            foreach (var p in model.Module.Parameters()) using (p) p.Grad = null;
        }
        var grad = x.Grad ?? throw new InvalidOperationException("No gradient reached the input.");
        return grad.Abs().Reshape(shape).DetachFromDisposeScope();
    }

    /// <summary>
    /// The occlusion map of <paramref name="image"/>: a <paramref name="patch"/>×<paramref name="patch"/> square of value
    /// <paramref name="fill"/> slid with <paramref name="stride"/> (the patch when 0) over every channel; each cell holds the
    /// score of the unoccluded image minus the occluded one's (positive: the region supports the prediction). The score is the
    /// softmax probability of <paramref name="target"/> (multiclass; the predicted class when null) or the single output.
    /// The result is [rows, columns] of patch positions.
    /// </summary>
    public static Tensor Occlusion(this DeepModelParameters model, float[] image, int patch, int stride = 0, float fill = 0, int? target = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shape = CheckImage(model, image);
        if (stride == 0) stride = patch;
        long c = shape[0], h = shape[1], w = shape[2];
        if (patch < 1 || patch > Math.Min(h, w)) throw new ArgumentOutOfRangeException(nameof(patch), $"Expected a patch between 1 and {Math.Min(h, w)}. Received: patch={patch}.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"Expected a positive stride (0 for the patch size). Received: stride={stride}.");
        int rows = (int)((h - patch) / stride + 1), columns = (int)((w - patch) / stride + 1);
        // All occluded copies in one batch after the original (row 0).
        var batch = new float[(1 + rows * columns) * image.Length];
        image.CopyTo(batch, 0);
        for (int r = 0; r < rows; r++)
            for (int q = 0; q < columns; q++)
            {
                var offset = (1 + r * columns + q) * image.Length;
                image.CopyTo(batch, offset);
                for (long ch = 0; ch < c; ch++)
                    for (int y = r * stride; y < r * stride + patch; y++)
                        for (int x = q * stride; x < q * stride + patch; x++)
                            batch[offset + (ch * h + y) * w + x] = fill;
            }
        using var noGrad = TorchApi.NoGrad();
        using var scope = TorchApi.NewDisposeScope();
        var input = TorchApi.Tensor(batch, (long[])[1 + rows * columns, .. shape]);
        Tensor output;
        lock (model.Module) output = model.Module.Forward(input);
        var unit = Unit(model, target, output.Narrow(0, 0, 1));
        if (model.Task == DeepTask.MulticlassClassification) output = output.Softmax(1);
        var scores = output.Select(1, unit).ToArray<float>();
        var map = new float[rows * columns];
        for (int i = 0; i < map.Length; i++) map[i] = scores[0] - scores[i + 1];
        return TorchApi.Tensor(map, new long[] { rows, columns }).DetachFromDisposeScope();
    }

    /// <summary>
    /// Writes a map (saliency [C, H, W] or [H, W], occlusion [rows, columns]) as a gray PNG: the maximum over channels, scaled so
    /// the largest |value| is white and 0 black (negative values black too), each cell a <paramref name="scale"/>-pixel block.
    /// </summary>
    public static void SaveMapPng(Tensor map, string path, int scale = 8)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"Expected at least 1. Received: scale={scale}.");
        if (map.Dim is not (2 or 3)) throw new ArgumentException($"Expected a [H, W] or [C, H, W] map. Received: [{string.Join(", ", map.Shape)}].", nameof(map));
        var s = map.Shape;
        long c = map.Dim == 3 ? s[0] : 1, h = s[^2], w = s[^1];
        var v = map.ToArray<float>();
        var cells = new float[h * w];
        for (long i = 0; i < h * w; i++)
        {
            var m = float.NegativeInfinity;
            for (long ch = 0; ch < c; ch++) m = Math.Max(m, v[ch * h * w + i]);
            cells[i] = m;
        }
        var peak = cells.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (!(peak > 0)) peak = 1;
        var pixels = new float[h * scale * w * scale];
        for (long y = 0; y < h * scale; y++)
            for (long x = 0; x < w * scale; x++)
                pixels[y * w * scale + x] = Math.Max(0, cells[y / scale * w + x / scale]) / peak;
        using var image = TorchApi.Tensor(pixels, new long[] { h * scale, w * scale });
        Image.SavePng(image, path);
    }

    /// <summary>Writes <see cref="Saliency"/> of <paramref name="image"/> as a PNG (see <see cref="SaveMapPng"/>).</summary>
    public static void SaveSaliency(this DeepModelParameters model, float[] image, string path, int? target = null, int scale = 8)
    {
        using var map = model.Saliency(image, target);
        SaveMapPng(map, path, scale);
    }

    /// <summary>Writes <see cref="Occlusion"/> of <paramref name="image"/> as a PNG (see <see cref="SaveMapPng"/>).</summary>
    public static void SaveOcclusion(this DeepModelParameters model, float[] image, string path, int patch, int stride = 0, float fill = 0, int? target = null, int scale = 8)
    {
        using var map = model.Occlusion(image, patch, stride, fill, target);
        SaveMapPng(map, path, scale * Math.Max(1, stride == 0 ? patch : stride));
    }

    private static long[] CheckImage(DeepModelParameters model, float[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var shape = model.InputShape.ToArray();
        if (shape.Length != 3) throw new InvalidOperationException($"Expected a model on [channels, height, width] images. This model reads [{string.Join(", ", shape)}].");
        var size = shape.Aggregate(1L, (a, b) => a * b);
        if (image.Length != size) throw new ArgumentException($"Expected {size} values ([{string.Join(", ", shape)}]). Received: {image.Length}.", nameof(image));
        return shape;
    }

    private static long Unit(DeepModelParameters model, int? target, Tensor output)
    {
        var units = output.Shape[1];
        if (target is { } t)
        {
            if (t < 0 || t >= units) throw new ArgumentOutOfRangeException(nameof(target), $"Expected a class index between 0 and {units - 1}. Received: target={t}.");
            return t;
        }
        return model.Task == DeepTask.MulticlassClassification ? output.Narrow(0, 0, 1).ArgMax().Item<long>() : 0;
    }
}
