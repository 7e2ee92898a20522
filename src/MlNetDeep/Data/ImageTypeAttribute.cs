namespace MlNetDeep.Data;

/// <summary>
/// Marks an <see cref="MLImage"/> member as an image column of a fixed size, as ML.NET's attribute
/// (without it the column is an <see cref="ImageDataViewType"/> of any size).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class ImageTypeAttribute : Attribute
{
    /// <summary>Images of <paramref name="height"/> × <paramref name="width"/> pixels.</summary>
    public ImageTypeAttribute(int height, int width)
    {
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), $"Expected a positive height. Received: height={height}");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Expected a positive width. Received: width={width}");
        Height = height;
        Width = width;
    }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
}
