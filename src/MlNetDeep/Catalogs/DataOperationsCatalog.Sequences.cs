using MlNetDeep.Data;

namespace MlNetDeep;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// MlNetDeep's addition (ML.NET has no such operation): sliding windows over the numeric column
    /// <paramref name="columnName"/> taken in row (time) order, for sequence models and forecasting.
    /// Output row i has <paramref name="featuresColumnName"/> = the <paramref name="windowSize"/> values
    /// x[i·stride] … x[i·stride + windowSize − 1] (a Single vector, oldest first, slot names "t-w" … "t-1")
    /// and <paramref name="labelColumnName"/> = x[i·stride + windowSize − 1 + horizon], the value
    /// <paramref name="horizon"/> steps after the window. A series of N values gives
    /// ⌊(N − windowSize − horizon) / stride⌋ + 1 rows (N − 12 for window 12, horizon 1, stride 1).
    /// It changes the row count, so it is a data operation, not a transform, and is not saved with
    /// a model. Rows are never shuffled; split with <see cref="TrainTestSplitByOrder"/>, never with a
    /// random split, so the test windows come after the training ones. Lazy and streaming.
    /// </summary>
    public IDataView CreateWindows(IDataView data, string columnName, int windowSize, int horizon = 1, int stride = 1,
        string featuresColumnName = "Features", string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(data);
        var col = data.Schema.GetColumnOrNull(columnName) ?? throw new ArgumentOutOfRangeException(nameof(columnName),
            $"CreateWindows: column '{columnName}' not found. Columns present: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}");
        if (col.Type is not NumberDataViewType)
            throw new ArgumentException($"CreateWindows: column '{columnName}' has type {col.Type}; expected a numeric scalar.", nameof(columnName));
        if (windowSize < 1) throw new ArgumentOutOfRangeException(nameof(windowSize), $"Expected windowSize >= 1. Received: windowSize={windowSize}");
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), $"Expected horizon >= 1. Received: horizon={horizon}");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"Expected stride >= 1. Received: stride={stride}");
        ArgumentException.ThrowIfNullOrEmpty(featuresColumnName);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        if (featuresColumnName == labelColumnName)
            throw new ArgumentException($"Expected different feature and label column names. Received: both '{labelColumnName}'", nameof(labelColumnName));
        return new WindowedDataView(data, col, windowSize, horizon, stride, featuresColumnName, labelColumnName);
    }

    /// <summary>
    /// MlNetDeep's addition: a chronological split, for time series and windows. The first
    /// N − round(N·<paramref name="testFraction"/>) rows (half away from zero) are the training set
    /// and the rest the test set, both in their original order; nothing is shuffled, so every test
    /// row comes after every training row. Counts the rows once (unless the view knows its count).
    /// </summary>
    public TrainTestData TrainTestSplitByOrder(IDataView data, double testFraction = Defaults.TestFraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(testFraction);
        long n = data.GetRowCount() ?? CountRows(data);
        long test = (long)Math.Round(n * testFraction, MidpointRounding.AwayFromZero);
        return new TrainTestData(TakeRows(data, n - test), SkipRows(data, n - test));
    }

    private static long CountRows(IDataView data)
    {
        using var c = data.GetRowCursor([]);
        long n = 0;
        while (c.MoveNext()) n++;
        return n;
    }
}
