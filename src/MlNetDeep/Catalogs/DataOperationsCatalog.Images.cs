using MlNetDeep.Data;

namespace MlNetDeep;

// Image data sources: IDX files (MNIST format) and folders of labelled images.
public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// Loads an MNIST-format pair of IDX files (raw or gzip, as <see cref="IdxFile"/> reads them),
    /// streaming one item per row, so memory stays constant whatever the file size.
    /// Columns:
    /// <list type="bullet">
    /// <item><paramref name="labelColumnName"/> (only when <paramref name="labelsPath"/> is given): a key,
    /// <c>Key&lt;UInt32, 0-(K−1)&gt;</c>, where K is the largest label + 1 (one pass over the labels file
    /// is made now, which also checks that both files hold the same number of items). As every ML.NET
    /// key it is 1-based: label d is key d + 1; its <c>KeyValues</c> annotation holds the labels 0..K−1
    /// as UInt32, so <c>MapKeyToValue</c> gives d back. Multiclass trainers take it as is.</item>
    /// <item><paramref name="imageColumnName"/>: the pixels as a float vector, channels first: a file of
    /// [N, H, W] gives dimensions [1, H, W] (what a CNN takes), other files their item dimensions. With
    /// <paramref name="scale"/> (the default) values are divided by 255, into [0, 1] as torchvision's
    /// <c>ToTensor</c>; without, they are the file's values.</item>
    /// </list>
    /// A missing file throws <see cref="FileNotFoundException"/>; a malformed one <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public IDataView LoadFromIdx(string imagesPath, string? labelsPath = null, bool scale = true,
        string labelColumnName = "Label", string imageColumnName = "Features")
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ArgumentException.ThrowIfNullOrEmpty(imageColumnName);
        if (labelsPath is not null && labelColumnName == imageColumnName)
            throw new ArgumentException($"Expected different label and image column names. Received: labelColumnName='{labelColumnName}', imageColumnName='{imageColumnName}'", nameof(imageColumnName));
        return new IdxDataView(imagesPath, labelsPath, scale, labelColumnName, imageColumnName);
    }

    /// <summary>
    /// Lists the images of a folder holding one subfolder per label (as Keras'
    /// <c>image_dataset_from_directory</c> and torchvision's <c>ImageFolder</c>): text columns
    /// <c>ImagePath</c> (the full path) and <c>Label</c> (the subfolder's name), sorted by label then
    /// file name (ordinal), so the order is the same everywhere. Only .png, .jpg and .jpeg files
    /// are listed (other files and deeper folders are ignored). The images are read later by
    /// <c>ml.Transforms.LoadImages("Image", imageFolder: null, "ImagePath")</c>; map <c>Label</c> to a
    /// key with <c>MapValueToKey</c>. A missing folder, a folder without subfolders or a label folder
    /// without images throws naming it.
    /// </summary>
    public IDataView LoadFromImageFolder(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        return new ImageFolderDataView(root);
    }
}
