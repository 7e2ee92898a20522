using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
        private const int ChunkChars = 1 << 16;
        private const int InternLimit = 1024, InternMaxLength = 64;
        private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

        private readonly TextLoaderDataView _view;
        private readonly TextLoader.Options _o;
        private readonly StreamReader _reader;
        private readonly Slot?[] _all;
        private readonly Kind[] _kinds;
        private readonly int[] _maxSource;
        private readonly FieldReader[] _readers;
        private readonly int _maxField, _maxActiveField;
        private readonly SearchValues<char> _seps;
        private readonly char _sep;
        private readonly bool _oneSep;
        // Text values are handed out as memory of strings that stay valid: each text column keeps
        // its distinct short values (categories) so repeated ones cost no allocation.
        private readonly Dictionary<string, string>?[] _interned;
        private readonly string?[]?[] _recent;
        private const int RecentSize = 64;
        private readonly List<ReadOnlyMemory<char>> _fields = [];
        private readonly System.Text.StringBuilder _sb = new();
        private char[] _buf = new char[ChunkChars];
        private int _pos, _end;
        private bool _eof;
        // The current line: fields as (start, length) in _buf, or in _fields for quoted lines.
        private int[] _start = new int[16], _length = new int[16];
        private int _fieldCount;
        private bool _quoted;
        private long _line;
        private long _skipped;

        private enum Kind : byte { None, Single, Double, Int, UInt, Long, Bool, Text, VSingle, VDouble, VInt, VUInt, VLong, VBool, VText }

        public Cursor(TextLoaderDataView view, IEnumerable<DataViewSchema.Column> active) : base(view.Schema, active)
        {
            _view = view;
            _o = view._loader.LoaderOptions;
            try
            {
                // Large reads, sequential hint: the file is streamed once per cursor.
                var stream = new FileStream(view.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                _reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FileNotFoundException($"Data file '{view.FilePath}' cannot be opened: {ex.Message}", view.FilePath, ex);
            }
            // Only requested columns are parsed (as ML.NET), except when invalid rows are skipped:
            // then every column is checked so that every cursor sees the same rows.
            _all = view.Schema.Select(c => Slots[c.Index] ?? (_o.SkipInvalidRows ? Slot.Create(c.Type) : null)).ToArray();
            var cols = _o.Columns;
            _kinds = new Kind[cols.Length];
            _maxSource = new int[cols.Length];
            _interned = new Dictionary<string, string>?[cols.Length];
            _recent = new string?[]?[cols.Length];
            _maxField = _maxActiveField = -1;
            for (int c = 0; c < cols.Length; c++)
            {
                _maxSource[c] = cols[c].Source.Max();
                _maxField = Math.Max(_maxField, _maxSource[c]);
                if (_all[c] is null) continue;
                _kinds[c] = KindOf(cols[c]);
                _maxActiveField = Math.Max(_maxActiveField, _maxSource[c]);
                if (_kinds[c] is Kind.Text or Kind.VText) { _interned[c] = new Dictionary<string, string>(StringComparer.Ordinal); _recent[c] = new string?[RecentSize]; }
            }
            _readers = Enumerable.Range(0, cols.Length).Where(c => _kinds[c] != Kind.None).Select(c => FieldReader.Create(this, c)).ToArray();
            _seps = SearchValues.Create(_o.Separators);
            _oneSep = _o.Separators.Length == 1;
            _sep = _o.Separators[0];
            if (_o.HasHeader) { NextLine(out _, out _); _line = 1; }
        }

        private static Kind KindOf(TextLoader.Column col) => (col.DataKind.ToType(col.Name).RawType, col.IsVector) switch
        {
            (var t, false) when t == typeof(float) => Kind.Single,
            (var t, false) when t == typeof(double) => Kind.Double,
            (var t, false) when t == typeof(int) => Kind.Int,
            (var t, false) when t == typeof(uint) => Kind.UInt,
            (var t, false) when t == typeof(long) => Kind.Long,
            (var t, false) when t == typeof(bool) => Kind.Bool,
            (var t, false) when t == typeof(ReadOnlyMemory<char>) => Kind.Text,
            (var t, true) when t == typeof(float) => Kind.VSingle,
            (var t, true) when t == typeof(double) => Kind.VDouble,
            (var t, true) when t == typeof(int) => Kind.VInt,
            (var t, true) when t == typeof(uint) => Kind.VUInt,
            (var t, true) when t == typeof(long) => Kind.VLong,
            (var t, true) when t == typeof(bool) => Kind.VBool,
            (var t, true) when t == typeof(ReadOnlyMemory<char>) => Kind.VText,
            _ => throw new InvalidOperationException($"Column '{col.Name}': unsupported type {col.ColumnType}."),
        };

        /// <summary>The next physical line (as StreamReader.ReadLine splits: \n, \r\n or \r) as a range of _buf.</summary>
        private bool NextLine(out int start, out int length)
        {
            while (true)
            {
                int i = _buf.AsSpan(_pos, _end - _pos).IndexOfAny(LineBreaks);
                if (i >= 0)
                {
                    int at = _pos + i;
                    if (_buf[at] == '\r' && at + 1 >= _end && !_eof) { Refill(); continue; } // a \n may follow in the next chunk
                    start = _pos; length = i;
                    _pos = at + (_buf[at] == '\r' && at + 1 < _end && _buf[at + 1] == '\n' ? 2 : 1);
                    return true;
                }
                if (_eof)
                {
                    start = _pos; length = _end - _pos;
                    _pos = _end;
                    return length > 0;
                }
                Refill();
            }
        }

        /// <summary>Keeps the unfinished line at the front of the buffer (growing it for long lines) and reads more after it.</summary>
        private void Refill()
        {
            int rest = _end - _pos;
            if (rest > _buf.Length / 2) Array.Resize(ref _buf, _buf.Length * 2);
            if (rest > 0 && _pos > 0) Array.Copy(_buf, _pos, _buf, 0, rest);
            _pos = 0; _end = rest;
            while (_end < _buf.Length)
            {
                int n = _reader.Read(_buf, _end, _buf.Length - _end);
                if (n == 0) { _eof = true; break; }
                _end += n;
            }
        }

        protected override bool MoveNextCore()
        {
            while (true)
            {
                if (!NextLine(out var start, out var length))
                {
                    Interlocked.Exchange(ref _view._skipped, _skipped);
                    if (_skipped > 0) _view._context?.WriteLog($"{_view.FilePath}: skipped {_skipped} invalid row(s).");
                    return false;
                }
                _line++;
                var line = _buf.AsSpan(start, length);
                if (_o.TrimWhitespace) { line = line.TrimEnd(); length = line.Length; }
                if (line.IsWhiteSpace()) continue;
                try
                {
                    Split(start, length);
                    ParseRow();
                    return true;
                }
                catch (DataLoadException ex) when (_o.SkipInvalidRows)
                {
                    if (_skipped++ < 10) _view._context?.WriteLog("Skipped row: " + ex.Message);
                }
            }
        }

        /// <summary>
        /// Locates the fields the active columns read and counts the others (every declared column
        /// must have its fields). Lines with quotes (when quoting is allowed) take the general path.
        /// </summary>
        private void Split(int start, int length)
        {
            var line = _buf.AsSpan(start, length);
            _quoted = _o.AllowQuoting && line.Contains('"');
            if (_quoted)
            {
                SplitQuoted(line);
                _fieldCount = _fields.Count;
                return;
            }
            if (_oneSep && Vector128.IsHardwareAccelerated) { SplitVectorized(start, length); return; }
            int i = 0, f = 0;
            while (f <= _maxActiveField)
            {
                if (f == _start.Length) { Array.Resize(ref _start, f * 2); Array.Resize(ref _length, f * 2); }
                int k = _oneSep ? line.Slice(i).IndexOf(_sep) : line.Slice(i).IndexOfAny(_seps);
                _start[f] = start + i;
                if (k < 0) { _length[f] = length - i; f++; _fieldCount = f; return; }
                _length[f] = k;
                f++;
                i += k + 1;
            }
            // The remaining fields are only counted; a separator after the last located field starts one more.
            _fieldCount = f + 1 + (_maxField >= f ? (_oneSep ? line.Slice(i).Count(_sep) : CountAny(line.Slice(i))) : 0);
            if (_maxField < f) _fieldCount = int.MaxValue; // nothing more to check
        }

        /// <summary>
        /// The one-separator case, 8 characters at a time: a bit mask of separator positions gives
        /// the field boundaries, and its population count the fields that are only counted.
        /// </summary>
        private void SplitVectorized(int start, int length)
        {
            var sep = Vector128.Create((ushort)_sep);
            ref var line = ref Unsafe.As<char, ushort>(ref _buf[start]);
            int f = 0, fieldStart = 0, need = _maxActiveField, counted = 0;
            int i = 0;
            if (_start.Length <= need + 1) { Array.Resize(ref _start, need + 2); Array.Resize(ref _length, need + 2); }
            for (; i <= length - 8; i += 8)
            {
                uint bits = Vector128.Equals(Vector128.LoadUnsafe(ref line, (nuint)i), sep).ExtractMostSignificantBits();
                while (bits != 0 && f <= need)
                {
                    int at = i + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    _start[f] = start + fieldStart; _length[f] = at - fieldStart; f++; fieldStart = at + 1;
                }
                counted += BitOperations.PopCount(bits);
            }
            for (; i < length; i++)
            {
                if (Unsafe.Add(ref line, i) != _sep) continue;
                if (f <= need) { _start[f] = start + fieldStart; _length[f] = i - fieldStart; f++; fieldStart = i + 1; }
                else counted++;
            }
            // The last field runs to the end of the line.
            if (f <= need) { _start[f] = start + fieldStart; _length[f] = length - fieldStart; }
            _fieldCount = f + 1 + counted;
        }

        private int CountAny(ReadOnlySpan<char> s)
        {
            int n = 0;
            for (int k; (k = s.IndexOfAny(_seps)) >= 0; s = s.Slice(k + 1)) n++;
            return n;
        }

        private ReadOnlySpan<char> Field(int i) => _quoted ? _fields[i].Span : _buf.AsSpan(_start[i], _length[i]);

        private void SplitQuoted(ReadOnlySpan<char> line)
        {
            _fields.Clear();
            var seps = _o.Separators;
            int i = 0;
            while (true)
            {
                if (i < line.Length && line[i] == '"')
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
                int k = line.Slice(i).IndexOfAny(_seps);
                if (k < 0) { _fields.Add(line.Slice(i).ToString().AsMemory()); return; }
                _fields.Add(line.Slice(i, k).ToString().AsMemory());
                i += k + 1;
            }
        }

        private void ParseRow()
        {
            // When the line has every declared field, only the parsed columns need a visit, each
            // through its reader (declared order, so the first bad column is the one named).
            if (_maxField < _fieldCount)
            {
                foreach (var r in _readers) r.Read(this);
                return;
            }
            var cols = _o.Columns;
            for (int c = 0; c < cols.Length; c++)
            {
                var col = cols[c];
                if (_maxSource[c] >= _fieldCount)
                {
                    var f = col.Source.First(x => x >= _fieldCount);
                    throw new DataLoadException(_view.FilePath, _line, col.Name, $"the line has {_fieldCount} field(s) but the column reads field {f} (0-based): short or malformed line.");
                }
                ParseColumn(c);
            }
        }

        private void ParseColumn(int c)
        {
            var col = _o.Columns[c];
            var slot = _all[c];
            int src = col.Source[0];
            switch (_kinds[c])
            {
                case Kind.None: break;
                case Kind.Single: ((Slot<float>)slot!).Value = ParseSingle(col, Field(src)); break;
                case Kind.Double: ((Slot<double>)slot!).Value = ParseDouble(col, Field(src)); break;
                case Kind.Int: ((Slot<int>)slot!).Value = (int)ParseInteger(col, Field(src), int.MinValue, int.MaxValue); break;
                case Kind.UInt: ((Slot<uint>)slot!).Value = (uint)ParseInteger(col, Field(src), 0, uint.MaxValue); break;
                case Kind.Long: ((Slot<long>)slot!).Value = ParseInteger(col, Field(src), long.MinValue, long.MaxValue); break;
                case Kind.Bool: ((Slot<bool>)slot!).Value = ParseBool(col, Field(src)); break;
                case Kind.Text: ((Slot<ReadOnlyMemory<char>>)slot!).Value = Text(c, src); break;
                case Kind.VSingle: { var s = (Slot<VBuffer<float>>)slot!; s.Value = Fill(s.Value, col, i => ParseSingle(col, Field(i))); break; }
                case Kind.VDouble: { var s = (Slot<VBuffer<double>>)slot!; s.Value = Fill(s.Value, col, i => ParseDouble(col, Field(i))); break; }
                case Kind.VInt: { var s = (Slot<VBuffer<int>>)slot!; s.Value = Fill(s.Value, col, i => (int)ParseInteger(col, Field(i), int.MinValue, int.MaxValue)); break; }
                case Kind.VUInt: { var s = (Slot<VBuffer<uint>>)slot!; s.Value = Fill(s.Value, col, i => (uint)ParseInteger(col, Field(i), 0, uint.MaxValue)); break; }
                case Kind.VLong: { var s = (Slot<VBuffer<long>>)slot!; s.Value = Fill(s.Value, col, i => ParseInteger(col, Field(i), long.MinValue, long.MaxValue)); break; }
                case Kind.VBool: { var s = (Slot<VBuffer<bool>>)slot!; s.Value = Fill(s.Value, col, i => ParseBool(col, Field(i))); break; }
                case Kind.VText: { var s = (Slot<VBuffer<ReadOnlyMemory<char>>>)slot!; s.Value = Fill(s.Value, col, i => Text(c, i)); break; }
            }
        }

        /// <summary>Parses one column of the current line into its slot.</summary>
        private abstract class FieldReader
        {
            public abstract void Read(Cursor cursor);

            public static FieldReader Create(Cursor cursor, int c)
            {
                var col = cursor._o.Columns[c];
                return cursor._kinds[c] switch
                {
                    Kind.Single => new SingleReader((Slot<float>)cursor._all[c]!, col, col.Source[0]),
                    Kind.Text => new TextFieldReader((Slot<ReadOnlyMemory<char>>)cursor._all[c]!, c, col.Source[0]),
                    _ => new AnyReader(c),
                };
            }
        }

        private sealed class SingleReader(Slot<float> slot, TextLoader.Column col, int field) : FieldReader
        {
            public override void Read(Cursor cursor) => slot.Value = cursor.ParseSingle(col, cursor.Field(field));
        }

        private sealed class TextFieldReader(Slot<ReadOnlyMemory<char>> slot, int column, int field) : FieldReader
        {
            public override void Read(Cursor cursor) => slot.Value = cursor.Text(column, field);
        }

        private sealed class AnyReader(int column) : FieldReader
        {
            public override void Read(Cursor cursor) => cursor.ParseColumn(column);
        }

        /// <summary>Field <paramref name="field"/> as text that stays valid after the cursor moves.</summary>
        private ReadOnlyMemory<char> Text(int column, int field)
        {
            if (_quoted) return _fields[field];
            var span = Field(field);
            if (span.Length == 0) return ReadOnlyMemory<char>.Empty;
            // A small direct-mapped cache in front of the dictionary: categories repeat row after row.
            var recent = _recent[column]!;
            int h = (span.Length * 31 + span[0] * 7 + span[span.Length - 1] + span[span.Length >> 1] * 3) & (RecentSize - 1);
            if (recent[h] is { } r && span.SequenceEqual(r)) return r.AsMemory();
            var seen = _interned[column]!;
            if (seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out var known)) return (recent[h] = known).AsMemory();
            var s = span.ToString();
            if (seen.Count < InternLimit && s.Length <= InternMaxLength) seen[s] = recent[h] = s;
            return s.AsMemory();
        }

        private static VBuffer<T> Fill<T>(VBuffer<T> buffer, TextLoader.Column col, Func<int, T> parseField)
        {
            var arr = buffer.Buffer(col.Source.Length);
            for (int i = 0; i < col.Source.Length; i++) arr[i] = parseField(col.Source[i]);
            return new VBuffer<T>(col.Source.Length, arr);
        }

        private static bool IsMissing(ReadOnlySpan<char> s) => s.IsWhiteSpace() || s.Trim().SequenceEqual("?");

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private float ParseSingle(TextLoader.Column col, ReadOnlySpan<char> s) =>
            FastNumberParser.TryParseSingle(s, out var fast) ? fast : ParseSingleGeneral(col, s);

        private float ParseSingleGeneral(TextLoader.Column col, ReadOnlySpan<char> s)
        {
            if (IsMissing(s)) return float.NaN;
            return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(col, s, "a number");
        }

        private double ParseDouble(TextLoader.Column col, ReadOnlySpan<char> s)
        {
            if (FastNumberParser.TryParseDouble(s, out var fast)) return fast;
            if (IsMissing(s)) return double.NaN;
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Bad(col, s, "a number");
        }

        private long ParseInteger(TextLoader.Column col, ReadOnlySpan<char> s, long min, long max)
        {
            if (s.IsWhiteSpace()) return 0;
            if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            throw Bad(col, s, $"an integer between {min} and {max}");
        }

        private bool ParseBool(TextLoader.Column col, ReadOnlySpan<char> f)
        {
            var s = f.Trim();
            if (s.IsEmpty) return false;
            if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1") || s.Equals("yes", StringComparison.OrdinalIgnoreCase)) return true;
            if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0") || s.Equals("no", StringComparison.OrdinalIgnoreCase)) return false;
            throw Bad(col, f, "a boolean (true/false, 1/0, yes/no)");
        }

        private DataLoadException Bad(TextLoader.Column col, ReadOnlySpan<char> f, string expected) =>
            new(_view.FilePath, _line, col.Name, $"expected {expected}. Received: '{f.ToString()}'");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _reader.Dispose();
        }
    }
}
