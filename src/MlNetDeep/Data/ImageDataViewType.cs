namespace MlNetDeep.Data;

/// <summary>
/// The type of an image column, as ML.NET's <c>ImageDataViewType</c>: values are
/// <see cref="MLImage"/>s. <see cref="Height"/> and <see cref="Width"/> are both 0 when images
/// may differ in size (what <c>LoadImages</c> produces) and both positive when every image has
/// that size (what <c>ResizeImages</c> produces, and what <c>ExtractPixels</c> needs).
/// </summary>
public sealed class ImageDataViewType : DataViewType
{
    /// <summary>Images of any size.</summary>
    public ImageDataViewType() : base(typeof(MLImage)) { }

    /// <summary>Images of exactly <paramref name="height"/> × <paramref name="width"/> pixels.</summary>
    public ImageDataViewType(int height, int width) : base(typeof(MLImage))
    {
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), $"Expected a positive height. Received: height={height}");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Expected a positive width. Received: width={width}");
        Height = height;
        Width = width;
    }

    /// <summary>Height in pixels, or 0 when it varies.</summary>
    public int Height { get; }

    /// <summary>Width in pixels, or 0 when it varies.</summary>
    public int Width { get; }

    /// <summary>Whether every image has the same known size.</summary>
    public bool IsKnownSize => Height > 0;

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => other is ImageDataViewType i && i.Height == Height && i.Width == Width;

    /// <inheritdoc/>
    public override string ToString() => IsKnownSize ? $"Image<{Height}, {Width}>" : "Image";
}
