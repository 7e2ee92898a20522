namespace MlNetDeep.Data;

/// <summary>
/// The rows of an MNIST-format pair of IDX files (<c>ml.Data.LoadFromIdx</c>): a key label column
/// and a float image column, streamed item by item by each cursor (constant memory; gzip or raw).
/// </summary>
internal sealed class IdxDataView : IDataView
{
    private readonly string _imagesPath;
    private readonly string? _labelsPath;
    private readonly int _count;
    private readonly int _itemLength;
    private readonly bool _scale;
    private readonly int _labelIndex;
    private readonly int _imageIndex;

    public IdxDataView(string imagesPath, string? labelsPath, bool scale, string labelColumnName, string imageColumnName)
    {
        _imagesPath = imagesPath;
        _labelsPath = labelsPath;
        _scale = scale;
        int[] dims;
        using (var images = IdxFile.Open(imagesPath))
        {
            if (images.Dimensions.Count < 2)
                throw new InvalidDataException($"'{imagesPath}' holds {images.Dimensions.Count}-D data (dimensions [{string.Join(", ", images.Dimensions)}]); images need at least 2 dimensions (count, then the image's).");
            dims = [.. images.Dimensions];
            _itemLength = images.ItemLength;
        }
        _count = dims[0];
        // [N, H, W] gray images become [1, H, W] (channels first); other shapes keep their item dimensions.
        int[] itemDims = dims.Length == 3 ? [1, dims[1], dims[2]] : dims[1..];
        var builder = new DataViewSchema.Builder();
        if (labelsPath is not null)
        {
            uint classes = ScanLabels(labelsPath, _count);
            var keyValues = Enumerable.Range(0, (int)classes).Select(i => (uint)i).ToArray();
            var ann = new DataViewSchema.Annotations.Builder()
                .Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(NumberDataViewType.UInt32, keyValues.Length), new VBuffer<uint>(keyValues.Length, keyValues))
                .ToAnnotations();
            builder.AddColumn(labelColumnName, new KeyDataViewType(typeof(uint), classes), ann);
        }
        builder.AddColumn(imageColumnName, new VectorDataViewType(NumberDataViewType.Single, itemDims));
        Schema = builder.ToSchema();
        _labelIndex = labelsPath is null ? -1 : 0;
        _imageIndex = labelsPath is null ? 0 : 1;
    }

    // One pass over the (small) labels file: checks it against the images and finds the class count.
    private static uint ScanLabels(string labelsPath, int imageCount)
    {
        using var labels = IdxFile.Open(labelsPath);
        if (labels.Dimensions.Count != 1 || labels.DataType != IdxDataType.UnsignedByte)
            throw new InvalidDataException($"'{labelsPath}' holds {labels.DataType} data of dimensions [{string.Join(", ", labels.Dimensions)}]; a labels file holds one unsigned byte per image.");
        if (labels.Count != imageCount)
            throw new InvalidDataException($"'{labelsPath}' holds {labels.Count} labels but the images file holds {imageCount} images.");
        Span<byte> one = stackalloc byte[1];
        int max = 0;
        while (labels.ReadItem(one)) max = Math.Max(max, one[0]);
        return (uint)max + 1;
    }

    public DataViewSchema Schema { get; }
    public bool CanShuffle => false;
    public long? GetRowCount() => _count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this, columnsNeeded);

    private sealed class Cursor : SlotCursor
    {
        private readonly IdxDataView _parent;
        private readonly IdxFile? _images;
        private readonly IdxFile? _labels;
        private readonly byte[] _label = new byte[1];
        private readonly float[] _pixels;
        private readonly float[] _values;
        private int _read;

        public Cursor(IdxDataView parent, IEnumerable<DataViewSchema.Column> active) : base(parent.Schema, active)
        {
            _parent = parent;
            _pixels = new float[parent._itemLength];
            _values = new float[parent._itemLength];
            try
            {
                if (Slots[parent._imageIndex] is not null) _images = IdxFile.Open(parent._imagesPath);
                if (parent._labelIndex >= 0 && Slots[parent._labelIndex] is not null) _labels = IdxFile.Open(parent._labelsPath!);
            }
            catch
            {
                _images?.Dispose();
                throw;
            }
        }

        protected override bool MoveNextCore()
        {
            if (_read >= _parent._count) return false;
            if (_labels is not null)
            {
                if (!_labels.ReadItem(_label)) throw new InvalidDataException($"'{_parent._labelsPath}' ended at label {_read} of {_parent._count}.");
                ((Slot<uint>)Slots[_parent._labelIndex]!).Value = _label[0] + 1u; // keys are 1-based; 0 means missing
            }
            if (_images is not null)
            {
                if (!_images.ReadItem(_pixels)) throw new InvalidDataException($"'{_parent._imagesPath}' ended at image {_read} of {_parent._count}.");
                // The slot's getter copies out, so one array serves every row.
                var values = _values;
                if (_parent._scale) for (int i = 0; i < values.Length; i++) values[i] = _pixels[i] / 255f;
                else _pixels.CopyTo(values, 0);
                ((Slot<VBuffer<float>>)Slots[_parent._imageIndex]!).Value = new VBuffer<float>(values.Length, values);
            }
            _read++;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _images?.Dispose(); _labels?.Dispose(); }
        }
    }
}
