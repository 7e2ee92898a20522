using System.Reflection;
using MlNetDeep.Data;

namespace MlNetDeep;

/// <summary>
/// Data operations (<c>ml.Data</c>), as ML.NET's <c>DataOperationsCatalog</c>: loading text files and
/// enumerables, reading rows back as objects, and lazy row operations (split, shuffle, take, skip, filter).
/// </summary>
public sealed partial class DataOperationsCatalog : CatalogBase
{
    internal DataOperationsCatalog(MLContext context) : base(context) { }

    /// <summary>Defaults, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Fraction of rows in the test set.</summary>
        public const double TestFraction = 0.1;
        /// <summary>Rows buffered by <see cref="ShuffleRows"/>.</summary>
        public const int ShufflePoolSize = 1000;
    }

    /// <summary>A train/test pair from <see cref="TrainTestSplit"/>.</summary>
    public sealed class TrainTestData(IDataView trainSet, IDataView testSet)
    {
        /// <summary>The training rows.</summary>
        public IDataView TrainSet { get; } = trainSet;
        /// <summary>The test rows.</summary>
        public IDataView TestSet { get; } = testSet;
    }

    // ---------------------------------------------------------------- loading

    /// <summary>
    /// Loads a delimited text file with columns described by the attributes of <typeparamref name="TInput"/>
    /// (<see cref="LoadColumnAttribute"/>, <see cref="ColumnNameAttribute"/>, <see cref="VectorTypeAttribute"/>).
    /// Lazy and streaming; see <see cref="TextLoader"/> for parsing rules and errors.
    /// </summary>
    public TextLoaderDataView LoadFromTextFile<TInput>(string path, char separatorChar = '\t', bool hasHeader = false,
        bool allowQuoting = false, bool trimWhitespace = false) =>
        LoadFromTextFile<TInput>(path, new TextLoader.Options { Separators = [separatorChar], HasHeader = hasHeader, AllowQuoting = allowQuoting, TrimWhitespace = trimWhitespace });

    /// <summary>Loads a text file with the columns of <typeparamref name="TInput"/> and the other settings of <paramref name="options"/>.</summary>
    public TextLoaderDataView LoadFromTextFile<TInput>(string path, TextLoader.Options options) =>
        CreateTextLoader<TInput>(options).Load(path);

    /// <summary>Loads a text file with explicit columns.</summary>
    public TextLoaderDataView LoadFromTextFile(string path, TextLoader.Column[] columns, char separatorChar = '\t', bool hasHeader = false,
        bool allowQuoting = false, bool trimWhitespace = false) =>
        LoadFromTextFile(path, new TextLoader.Options { Columns = columns, Separators = [separatorChar], HasHeader = hasHeader, AllowQuoting = allowQuoting, TrimWhitespace = trimWhitespace });

    /// <summary>Loads a text file described by <paramref name="options"/>.</summary>
    public TextLoaderDataView LoadFromTextFile(string path, TextLoader.Options options) => CreateTextLoader(options).Load(path);

    /// <summary>A reusable loader for <paramref name="options"/>.</summary>
    public TextLoader CreateTextLoader(TextLoader.Options options) => new(options, Context);

    /// <summary>A reusable loader whose columns come from the attributes of <typeparamref name="TInput"/>.</summary>
    public TextLoader CreateTextLoader<TInput>(TextLoader.Options options)
    {
        var ts = TypeSchema.Create(typeof(TInput));
        var columns = ts.Members.Select(m =>
        {
            if (m.LoadIndices is null) throw new ArgumentException($"Member '{m.MemberName}' of {typeof(TInput).Name} has no [LoadColumn] attribute.");
            var kind = DataKindExtensions.FromClrType(m.MemberType.IsArray ? m.MemberType.GetElementType()! : m.MemberType, m.MemberName);
            return m.ColumnType is VectorDataViewType ? new TextLoader.Column(m.ColumnName, kind, m.LoadIndices) : new TextLoader.Column(m.ColumnName, kind, m.LoadIndices[0]);
        }).ToArray();
        return new TextLoader(new TextLoader.Options
        {
            Columns = columns, Separators = options.Separators, HasHeader = options.HasHeader, AllowQuoting = options.AllowQuoting,
            TrimWhitespace = options.TrimWhitespace, SkipInvalidRows = options.SkipInvalidRows,
        }, Context);
    }

    /// <summary>A view over objects (enumerated again by each cursor; the collection must not change meanwhile).</summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EnumerableDataView<TRow>(data);
    }

    /// <summary>
    /// The rows of <paramref name="data"/> as objects: members are matched to columns by name
    /// (<see cref="ColumnNameAttribute"/>). With <paramref name="reuseRowObject"/> one object is
    /// refilled for every row (copy what you keep).
    /// </summary>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false) where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var binder = RowBinder.Create(typeof(TRow), data.Schema, ignoreMissingColumns);
        return Iterate();

        IEnumerable<TRow> Iterate()
        {
            using var cursor = data.GetRowCursor(binder.Columns);
            var fill = binder.MakeFiller(cursor);
            TRow? row = null;
            while (cursor.MoveNext())
            {
                if (row is null || !reuseRowObject) row = new TRow();
                fill(row);
                yield return row;
            }
        }
    }

    /// <summary>
    /// An in-memory copy of <paramref name="input"/>, read from the source by the first cursor
    /// (as ML.NET's <c>Cache</c>); later passes read memory. Use it only when the data fits in memory.
    /// </summary>
    public IDataView Cache(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new CacheDataView(input);
    }

    // ---------------------------------------------------------------- rows

    /// <summary>
    /// Splits rows into train and test, as ML.NET: each row keeps its order; a row goes to the test
    /// set when a seeded hash of its sampling key (of its position when
    /// <paramref name="samplingKeyColumnName"/> is null) maps below <paramref name="testFraction"/>,
    /// so rows sharing a key land on the same side and the proportion is approximate.
    /// <paramref name="seed"/> defaults to one drawn from the context's seed.
    /// </summary>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = Defaults.TestFraction, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(testFraction);
        if (samplingKeyColumnName is not null) CheckScalarKey(data.Schema, samplingKeyColumnName, nameof(samplingKeyColumnName));
        var s = (ulong)(uint)Context.ResolveSeed(seed);
        string[] cols = samplingKeyColumnName is null ? [] : [samplingKeyColumnName];
        Func<DataViewRowCursor, Func<bool>> isTest = c =>
        {
            var u = Unit(c, data.Schema, samplingKeyColumnName, s);
            return () => u() < testFraction;
        };
        return new TrainTestData(
            new FilterDataView(data, cols, c => { var t = isTest(c); return () => t() ? FilterDecision.Skip : FilterDecision.Keep; }),
            new FilterDataView(data, cols, c => { var t = isTest(c); return () => t() ? FilterDecision.Keep : FilterDecision.Skip; }));
    }

    /// <summary>
    /// Splits rows into <paramref name="numberOfFolds"/> folds for cross-validation, as ML.NET: a
    /// row's fold is given by the same seeded hash as <see cref="TrainTestSplit"/> (rows sharing a
    /// sampling key share a fold); fold i's test set is that fold, its train set all other rows, in order.
    /// </summary>
    public IReadOnlyList<TrainTestData> CrossValidationSplit(IDataView data, int numberOfFolds = 5, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (numberOfFolds < 2) throw new ArgumentOutOfRangeException(nameof(numberOfFolds), $"Expected numberOfFolds >= 2. Received: numberOfFolds={numberOfFolds}");
        if (samplingKeyColumnName is not null) CheckScalarKey(data.Schema, samplingKeyColumnName, nameof(samplingKeyColumnName));
        var s = (ulong)(uint)Context.ResolveSeed(seed);
        string[] cols = samplingKeyColumnName is null ? [] : [samplingKeyColumnName];
        var folds = new List<TrainTestData>();
        for (int k = 0; k < numberOfFolds; k++)
        {
            int fold = k;
            Func<DataViewRowCursor, Func<bool>> inFold = c =>
            {
                var u = Unit(c, data.Schema, samplingKeyColumnName, s);
                return () => Math.Min((int)(u() * numberOfFolds), numberOfFolds - 1) == fold;
            };
            folds.Add(new TrainTestData(
                new FilterDataView(data, cols, c => { var t = inFold(c); return () => t() ? FilterDecision.Skip : FilterDecision.Keep; }),
                new FilterDataView(data, cols, c => { var t = inFold(c); return () => t() ? FilterDecision.Keep : FilterDecision.Skip; })));
        }
        return folds;
    }

    /// <summary>A row's seeded position in [0, 1): from its sampling key, or from its position when there is none.</summary>
    private static Func<double> Unit(DataViewRowCursor c, DataViewSchema schema, string? key, ulong seed)
    {
        if (key is null) return () => RowValueReaders.ToUnit(RowValueReaders.Mix(seed * 0x9E3779B97F4A7C15UL ^ (ulong)c.Position));
        var h = RowValueReaders.Hash(c, schema[key], seed);
        return () => RowValueReaders.ToUnit(h());
    }

    /// <summary>
    /// MlNetDeep addition (ML.NET lacks it): a stratified split, as scikit-learn's
    /// <c>train_test_split(stratify=y)</c>. For each distinct value of <paramref name="labelColumnName"/>
    /// with n rows, exactly round(n·<paramref name="testFraction"/>) of them (half away from zero),
    /// chosen at random with <paramref name="seed"/>, go to the test set; rows keep their order. One pass over the label column is made now.
    /// </summary>
    public TrainTestData StratifiedTrainTestSplit(IDataView data, string labelColumnName, double testFraction = Defaults.TestFraction, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(testFraction);
        CheckScalarKey(data.Schema, labelColumnName, nameof(labelColumnName));
        var label = data.Schema[labelColumnName];
        var counts = new Dictionary<ulong, int>();
        using (var c = data.GetRowCursor([label]))
        {
            var h = RowValueReaders.Hash(c, label, 0);
            while (c.MoveNext()) { var k = h(); counts[k] = counts.GetValueOrDefault(k) + 1; }
        }
        var rng = new Random(Context.ResolveSeed(seed));
        var testMask = new Dictionary<ulong, System.Collections.BitArray>();
        foreach (var (k, n) in counts.OrderBy(kv => kv.Key))
        {
            int t = (int)Math.Round(n * testFraction, MidpointRounding.AwayFromZero);
            var idx = Enumerable.Range(0, n).ToArray();
            var bits = new System.Collections.BitArray(n);
            for (int i = 0; i < t; i++) { int j = rng.Next(i, n); (idx[i], idx[j]) = (idx[j], idx[i]); bits[idx[i]] = true; }
            testMask[k] = bits;
        }
        Func<DataViewRowCursor, Func<bool>> isTest = c =>
        {
            var h = RowValueReaders.Hash(c, label, 0);
            var seen = new Dictionary<ulong, int>();
            return () =>
            {
                var k = h();
                int i = seen.GetValueOrDefault(k);
                seen[k] = i + 1;
                return testMask.TryGetValue(k, out var bits) && i < bits.Length && bits[i];
            };
        };
        string[] cols = [labelColumnName];
        return new TrainTestData(
            new FilterDataView(data, cols, c => { var t = isTest(c); return () => t() ? FilterDecision.Skip : FilterDecision.Keep; }),
            new FilterDataView(data, cols, c => { var t = isTest(c); return () => t() ? FilterDecision.Keep : FilterDecision.Skip; }));
    }

    /// <summary>
    /// Rows in a seeded random order, buffering <paramref name="shufflePoolSize"/> rows at a time
    /// (a pool at least as large as the data gives a uniform permutation). Each cursor gives the same order.
    /// </summary>
    public IDataView ShuffleRows(IDataView input, int? seed = null, int shufflePoolSize = Defaults.ShufflePoolSize, bool shuffleSource = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (shufflePoolSize < 1) throw new ArgumentOutOfRangeException(nameof(shufflePoolSize), $"Expected shufflePoolSize >= 1. Received: shufflePoolSize={shufflePoolSize}");
        return new ShuffledDataView(input, Context.ResolveSeed(seed), shufflePoolSize);
    }

    /// <summary>The first <paramref name="count"/> rows.</summary>
    public IDataView TakeRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"Expected count >= 0. Received: count={count}");
        return new FilterDataView(input, [], _ => () => FilterDecision.Keep, count);
    }

    /// <summary>All rows but the first <paramref name="count"/>.</summary>
    public IDataView SkipRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"Expected count >= 0. Received: count={count}");
        return new FilterDataView(input, [], c => () => c.Position < count ? FilterDecision.Skip : FilterDecision.Keep);
    }

    /// <summary>Rows whose numeric (or key) column value v satisfies <paramref name="lowerBound"/> ≤ v &lt; <paramref name="upperBound"/>; NaN rows are dropped, as ML.NET.</summary>
    public IDataView FilterRowsByColumn(IDataView input, string columnName, double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(lowerBound < upperBound)) throw new ArgumentOutOfRangeException(nameof(upperBound), $"Expected lowerBound < upperBound. Received: lowerBound={lowerBound}, upperBound={upperBound}");
        var col = input.Schema.GetColumnOrNull(columnName) ?? throw new ArgumentOutOfRangeException(nameof(columnName), $"Column '{columnName}' not found.");
        if (col.Type is VectorDataViewType or TextDataViewType)
            throw new ArgumentException($"Column '{columnName}' has type {col.Type}; expected a numeric or key scalar.", nameof(columnName));
        return new FilterDataView(input, [columnName], c =>
        {
            var v = RowValueReaders.Double(c, col);
            return () => { var x = v(); return x >= lowerBound && x < upperBound ? FilterDecision.Keep : FilterDecision.Skip; };
        });
    }

    private static void CheckFraction(double testFraction)
    {
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), $"Expected a value between 0 and 1 (exclusive). Received: testFraction={testFraction}");
    }

    private static void CheckScalarKey(DataViewSchema schema, string name, string param)
    {
        var c = schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(param, $"Column '{name}' not found. Columns present: {string.Join(", ", schema.Where(x => !x.IsHidden).Select(x => x.Name))}");
        if (c.Type is VectorDataViewType) throw new ArgumentException($"Column '{name}' is a vector ({c.Type}); expected a scalar.", param);
    }
}
