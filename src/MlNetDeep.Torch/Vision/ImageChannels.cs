namespace MlNetDeep.Torch.Vision;

/// <summary>The channels <see cref="Image.Decode"/> produces. The values are the channel counts.</summary>
public enum ImageChannels
{
    /// <summary>As stored in the file: 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA).</summary>
    Keep = 0,

    /// <summary>One channel: the ITU-R 601-2 luma of RGB images (PIL's <c>convert("L")</c>); alpha is dropped.</summary>
    Gray = 1,

    /// <summary>Three channels: gray is repeated, alpha is dropped.</summary>
    Rgb = 3,

    /// <summary>Four channels: images without alpha get an opaque alpha of 255.</summary>
    Rgba = 4,
}
