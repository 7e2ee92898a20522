namespace MlNetDeep.Data;

/// <summary>
/// Reads delimited text files (CSV, TSV) as a data view, as ML.NET's <c>TextLoader</c>. The file is
/// streamed: each cursor re-reads it line by line, so memory stays constant whatever its size.
/// Every line must have the fields of every declared column; values are parsed for the columns a
/// cursor reads (all columns when <see cref="Options.SkipInvalidRows"/> is on, so that every
/// cursor sees the same rows). A bad row throws a <see cref="DataLoadException"/> naming file, line and column, or, with
/// <see cref="Options.SkipInvalidRows"/>, is skipped and counted in
/// <see cref="TextLoaderDataView.SkippedRowCount"/> (and reported through <see cref="MLContext.Log"/>).
/// Empty fields read as NaN for floats, 0 for integers, false for booleans, empty text.
/// Blank lines are skipped.
/// </summary>
public sealed class TextLoader
{
    private readonly MLContext? _context;

    /// <summary>Creates a loader for the given options.</summary>
    public TextLoader(Options options, MLContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Columns is not { Length: > 0 }) throw new ArgumentException("Expected at least one column. Received: Columns is empty", nameof(options));
        if (options.Separators is not { Length: > 0 }) throw new ArgumentException("Expected at least one separator. Received: Separators is empty", nameof(options));
        foreach (var c in options.Columns)
        {
            if (string.IsNullOrEmpty(c.Name)) throw new ArgumentException("Every column needs a name.", nameof(options));
            if (c.Source is not { Length: > 0 } || c.Source.Any(i => i < 0))
                throw new ArgumentException($"Column '{c.Name}': expected field indices >= 0. Received: [{string.Join(", ", c.Source ?? [])}]", nameof(options));
            c.DataKind.ToType(c.Name);
        }
        LoaderOptions = options;
        _context = context;
        Schema = new DataViewSchema(options.Columns.Select(c => (c.Name, c.ColumnType, (DataViewSchema.Annotations?)null)));
    }

    /// <summary>The options.</summary>
    public Options LoaderOptions { get; }

    /// <summary>The columns every loaded view has.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>A lazy view of <paramref name="path"/>; throws <see cref="FileNotFoundException"/> now if the file does not exist.</summary>
    public TextLoaderDataView Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file '{path}' not found.", path);
        return new TextLoaderDataView(this, path, _context);
    }

    /// <summary>A column of a text file: name, value kind, and the field(s) it reads (several fields make a vector).</summary>
    public sealed class Column
    {
        /// <summary>A scalar column read from field <paramref name="index"/>.</summary>
        public Column(string name, DataKind dataKind, int index) : this(name, dataKind, [index], scalar: true) { }

        /// <summary>A vector column read from fields <paramref name="minIndex"/> to <paramref name="maxIndex"/> (both included).</summary>
        public Column(string name, DataKind dataKind, int minIndex, int maxIndex)
            : this(name, dataKind, maxIndex >= minIndex ? Enumerable.Range(minIndex, maxIndex - minIndex + 1).ToArray()
                : throw new ArgumentOutOfRangeException(nameof(maxIndex), $"Expected maxIndex >= minIndex. Received: minIndex={minIndex}, maxIndex={maxIndex}"), scalar: false) { }

        /// <summary>A vector column read from the listed fields.</summary>
        public Column(string name, DataKind dataKind, int[] columnIndexes) : this(name, dataKind, columnIndexes, scalar: false) { }

        private Column(string name, DataKind dataKind, int[] source, bool scalar)
        {
            Name = name; DataKind = dataKind; Source = [.. source]; IsVector = !scalar;
        }

        /// <summary>Column name.</summary>
        public string Name { get; }
        /// <summary>Value kind.</summary>
        public DataKind DataKind { get; }
        /// <summary>0-based field indices.</summary>
        public int[] Source { get; }
        /// <summary>Whether the column is a vector.</summary>
        public bool IsVector { get; }

        internal DataViewType ColumnType => IsVector ? new VectorDataViewType(DataKind.ToType(Name), Source.Length) : DataKind.ToType(Name);
    }

    /// <summary>Loader options, with ML.NET's names and defaults.</summary>
    public sealed class Options
    {
        /// <summary>The columns to read.</summary>
        public Column[] Columns { get; set; } = [];
        /// <summary>Field separators (default tab).</summary>
        public char[] Separators { get; set; } = ['\t'];
        /// <summary>Whether the first line is a header (skipped).</summary>
        public bool HasHeader { get; set; }
        /// <summary>Whether fields may be enclosed in double quotes (a separator inside quotes is data; "" is a quote).</summary>
        public bool AllowQuoting { get; set; }
        /// <summary>Whether to remove trailing whitespace from lines.</summary>
        public bool TrimWhitespace { get; set; }
        /// <summary>MlNetDeep addition: skip (and count) rows that cannot be parsed instead of throwing.</summary>
        public bool SkipInvalidRows { get; set; }
    }
}
