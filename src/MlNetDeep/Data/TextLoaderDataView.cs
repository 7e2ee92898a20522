using System.Globalization;

namespace MlNetDeep.Data;

/// <summary>
/// The lazy view of one text file produced by <see cref="TextLoader.Load"/>. Each cursor re-reads
/// the file. <see cref="SkippedRowCount"/> reports rows skipped by the last complete pass when
/// <see cref="TextLoader.Options.SkipInvalidRows"/> is on.
/// </summary>
public sealed class TextLoaderDataView : IDataView
{
    private readonly TextLoader _loader;
    private readonly MLContext? _context;
    private long _skipped;

    internal TextLoaderDataView(TextLoader loader, string path, MLContext? context)
    {
        _loader = loader; FilePath = path; _context = context;
    }

    /// <summary>The file read.</summary>
    public string FilePath { get; }

    /// <summary>Rows skipped as invalid during the last cursor pass that reached the end of the file.</summary>
    public long SkippedRowCount => Interlocked.Read(ref _skipped);

    /// <inheritdoc/>
    public DataViewSchema Schema => _loader.Schema;

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public long? GetRowCount() => null;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    private sealed class Cursor : SlotCursor
    {
        private readonly TextLoaderDataView _view;
        private readonly TextLoader.Options _o;
        private readonly StreamReader _reader;
        private readonly Slot?[] _all;
        private readonly List<ReadOnlyMemory<char>> _fields = [];
        private readonly System.Text.StringBuilder _sb = new();
        private long _line;
        private long _skipped;

        public Cursor(TextLoaderDataView view, IEnumerable<DataViewSchema.Column> active) : base(view.Schema, active)
        {
            _view = view;
            _o = view._loader.LoaderOptions;
            try
            {
                _reader = new StreamReader(view.FilePath, detectEncodingFromByteOrderMarks: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FileNotFoundException($"Data file '{view.FilePath}' cannot be opened: {ex.Message}", view.FilePath, ex);
            }
            // Only requested columns are parsed (as ML.NET), except when invalid rows are skipped:
            // then every column is checked so that every cursor sees the same rows.
            _all = view.Schema.Select(c => Slots[c.Index] ?? (_o.SkipInvalidRows ? Slot.Create(c.Type) : null)).ToArray();
            if (_o.HasHeader) { _reader.ReadLine(); _line = 1; }
        }

        protected override bool MoveNextCore()
        {
            while (true)
            {
                var line = _reader.ReadLine();
                if (line is null)
                {
                    Interlocked.Exchange(ref _view._skipped, _skipped);
                    if (_skipped > 0) _view._context?.WriteLog($"{_view.FilePath}: skipped {_skipped} invalid row(s).");
                    return false;
                }
                _line++;
                if (_o.TrimWhitespace) line = line.TrimEnd();
                if (string.IsNullOrWhiteSpace(line)) continue;
                try
                {
                    Split(line);
                    ParseRow();
                    return true;
                }
                catch (DataLoadException ex) when (_o.SkipInvalidRows)
                {
                    if (_skipped++ < 10) _view._context?.WriteLog("Skipped row: " + ex.Message);
                }
            }
        }

        private void Split(string line)
        {
            _fields.Clear();
            var seps = _o.Separators;
            int i = 0;
            while (true)
            {
                if (_o.AllowQuoting && i < line.Length && line[i] == '"')
                {
                    _sb.Clear();
                    int j = i + 1;
                    bool closed = false;
                    while (j < line.Length)
                    {
                        if (line[j] == '"')
                        {
                            if (j + 1 < line.Length && line[j + 1] == '"') { _sb.Append('"'); j += 2; continue; }
                            closed = true; j++; break;
                        }
                        _sb.Append(line[j++]);
                    }
                    if (!closed) throw new DataLoadException(_view.FilePath, _line, null, $"unterminated quoted field starting at character {i + 1}.");
                    _fields.Add(_sb.ToString().AsMemory());
                    if (j >= line.Length) return;
                    if (Array.IndexOf(seps, line[j]) < 0) throw new DataLoadException(_view.FilePath, _line, null, $"unexpected character after a closing quote at character {j + 1}.");
                    i = j + 1;
                    continue;
                }
                int k = line.AsSpan(i).IndexOfAny(seps);
                if (k < 0) { _fields.Add(line.AsMemory(i)); return; }
                _fields.Add(line.AsMemory(i, k));
                i += k + 1;
            }
        }

        private void ParseRow()
        {
            var cols = _o.Columns;
            for (int c = 0; c < cols.Length; c++)
            {
                var col = cols[c];
                foreach (var f in col.Source)
                    if (f >= _fields.Count)
                        throw new DataLoadException(_view.FilePath, _line, col.Name, $"the line has {_fields.Count} field(s) but the column reads field {f} (0-based): short or malformed line.");
                switch (_all[c])
                {
                    case null: break;
                    case Slot<float> s: s.Value = ParseSingle(col, _fields[col.Source[0]]); break;
                    case Slot<double> s: s.Value = ParseDouble(col, _fields[col.Source[0]]); break;
                    case Slot<int> s: s.Value = (int)ParseInteger(col, _fields[col.Source[0]], int.MinValue, int.MaxValue); break;
                    case Slot<uint> s: s.Value = (uint)ParseInteger(col, _fields[col.Source[0]], 0, uint.MaxValue); break;
                    case Slot<long> s: s.Value = ParseInteger(col, _fields[col.Source[0]], long.MinValue, long.MaxValue); break;
                    case Slot<bool> s: s.Value = ParseBool(col, _fields[col.Source[0]]); break;
                    case Slot<ReadOnlyMemory<char>> s: s.Value = _fields[col.Source[0]]; break;
                    case Slot<VBuffer<float>> s: s.Value = Fill(s.Value, col, f => ParseSingle(col, f)); break;
                    case Slot<VBuffer<double>> s: s.Value = Fill(s.Value, col, f => ParseDouble(col, f)); break;
                    case Slot<VBuffer<int>> s: s.Value = Fill(s.Value, col, f => (int)ParseInteger(col, f, int.MinValue, int.MaxValue)); break;
                    case Slot<VBuffer<uint>> s: s.Value = Fill(s.Value, col, f => (uint)ParseInteger(col, f, 0, uint.MaxValue)); break;
                    case Slot<VBuffer<long>> s: s.Value = Fill(s.Value, col, f => ParseInteger(col, f, long.MinValue, long.MaxValue)); break;
                    case Slot<VBuffer<bool>> s: s.Value = Fill(s.Value, col, f => ParseBool(col, f)); break;
                    case Slot<VBuffer<ReadOnlyMemory<char>>> s: s.Value = Fill(s.Value, col, f => f); break;
                    default: throw new InvalidOperationException($"Column '{col.Name}': unsupported type {col.ColumnType}.");
                }
            }
        }

        private VBuffer<T> Fill<T>(VBuffer<T> buffer, TextLoader.Column col, Func<ReadOnlyMemory<char>, T> parse)
        {
            var arr = buffer.Buffer(col.Source.Length);
            for (int i = 0; i < col.Source.Length; i++) arr[i] = parse(_fields[col.Source[i]]);
            return new VBuffer<T>(col.Source.Length, arr);
        }

        private static bool IsMissing(ReadOnlySpan<char> s) => s.IsWhiteSpace() || s.Trim().SequenceEqual("?");

        private float ParseSingle(TextLoader.Column col, ReadOnlyMemory<char> f)
        {
            var s = f.Span;
            if (IsMissing(s)) return float.NaN;
            return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(col, f, "a number");
        }

        private double ParseDouble(TextLoader.Column col, ReadOnlyMemory<char> f)
        {
            var s = f.Span;
            if (IsMissing(s)) return double.NaN;
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(col, f, "a number");
        }

        private long ParseInteger(TextLoader.Column col, ReadOnlyMemory<char> f, long min, long max)
        {
            var s = f.Span;
            if (s.IsWhiteSpace()) return 0;
            if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            throw Bad(col, f, $"an integer between {min} and {max}");
        }

        private bool ParseBool(TextLoader.Column col, ReadOnlyMemory<char> f)
        {
            var s = f.Span.Trim();
            if (s.IsEmpty) return false;
            if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1") || s.Equals("yes", StringComparison.OrdinalIgnoreCase)) return true;
            if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0") || s.Equals("no", StringComparison.OrdinalIgnoreCase)) return false;
            throw Bad(col, f, "a boolean (true/false, 1/0, yes/no)");
        }

        private DataLoadException Bad(TextLoader.Column col, ReadOnlyMemory<char> f, string expected) =>
            new(_view.FilePath, _line, col.Name, $"expected {expected}. Received: '{f}'");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _reader.Dispose();
        }
    }
}
