namespace MlNetDeep.Data;

/// <summary>
/// The image files of a folder with one subfolder per label (<c>ml.Data.LoadFromImageFolder</c>):
/// columns <c>ImagePath</c> (full path) and <c>Label</c> (the subfolder's name), text. The file
/// list is made once, sorted (labels, then file names, ordinally), so every cursor and every
/// machine sees the same order; images are not read here (<c>LoadImages</c> reads them).
/// </summary>
internal sealed class ImageFolderDataView : IDataView
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];
    private readonly (string Path, string Label)[] _rows;

    public ImageFolderDataView(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Image folder '{root}' not found.");
        var full = Path.GetFullPath(root);
        var rows = new List<(string, string)>();
        var classes = Directory.GetDirectories(full).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
            throw new InvalidDataException($"Image folder '{root}' has no subfolders; expected one subfolder of PNG or JPEG files per label.");
        foreach (var dir in classes)
        {
            var files = Directory.GetFiles(dir)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
                throw new InvalidDataException($"Label folder '{dir}' holds no PNG or JPEG file (.png, .jpg, .jpeg).");
            foreach (var f in files) rows.Add((f, Path.GetFileName(dir)));
        }
        _rows = [.. rows];
        Schema = new DataViewSchema.Builder()
            .AddColumn("ImagePath", TextDataViewType.Instance)
            .AddColumn("Label", TextDataViewType.Instance)
            .ToSchema();
    }

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _rows.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, columnsNeeded);

    private sealed class Cursor(ImageFolderDataView parent, IEnumerable<DataViewSchema.Column> active) : SlotCursor(parent.Schema, active)
    {
        private int _next;

        protected override bool MoveNextCore()
        {
            if (_next >= parent._rows.Length) return false;
            var (path, label) = parent._rows[_next++];
            if (Slots[0] is Slot<ReadOnlyMemory<char>> p) p.Value = path.AsMemory();
            if (Slots[1] is Slot<ReadOnlyMemory<char>> l) l.Value = label.AsMemory();
            return true;
        }
    }
}
