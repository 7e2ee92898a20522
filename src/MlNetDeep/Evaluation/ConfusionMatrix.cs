using System.Globalization;
using System.Text;

namespace MlNetDeep.Data;

/// <summary>
/// The <a href="https://en.wikipedia.org/wiki/Confusion_matrix">confusion matrix</a> of a
/// classifier: <c>Counts[actual][predicted]</c>, actual classes in rows and predicted classes in
/// columns, as in ML.NET. For a binary classifier the classes are ordered positive, negative, so
/// <c>Counts[0][0]</c> is the number of true positives.
/// </summary>
public sealed class ConfusionMatrix
{
    internal ConfusionMatrix(double[][] counts, IReadOnlyList<string> classNames, bool isBinary)
    {
        int k = counts.Length;
        if (classNames.Count != k)
            throw new ArgumentException($"Expected one name per class ({k}). Received: classNames.Count={classNames.Count}.", nameof(classNames));
        var precision = new double[k];
        var recall = new double[k];
        for (int c = 0; c < k; c++)
        {
            double row = 0, column = 0;
            for (int j = 0; j < k; j++)
            {
                row += counts[c][j];
                column += counts[j][c];
            }
            // ML.NET reports 0, not NaN, for a class that is never predicted or never present.
            precision[c] = column > 0 ? counts[c][c] / column : 0;
            recall[c] = row > 0 ? counts[c][c] / row : 0;
        }
        Counts = counts.Select(r => (IReadOnlyList<double>)Array.AsReadOnly((double[])r.Clone())).ToArray();
        PerClassPrecision = Array.AsReadOnly(precision);
        PerClassRecall = Array.AsReadOnly(recall);
        PredictedClassesIndicators = classNames.ToArray();
        IsBinary = isBinary;
    }

    /// <summary>Precision of each class: correct predictions of the class / all predictions of the class (0 when it is never predicted).</summary>
    public IReadOnlyList<double> PerClassPrecision { get; }

    /// <summary>Recall of each class: correct predictions of the class / rows of the class (0 when it never occurs).</summary>
    public IReadOnlyList<double> PerClassRecall { get; }

    /// <summary>The counts, <c>Counts[actual][predicted]</c>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Counts { get; }

    /// <summary>The number of classes (rows and columns of <see cref="Counts"/>).</summary>
    public int NumberOfClasses => Counts.Count;

    /// <summary>The names of the classes, in the order of the rows and columns.</summary>
    public IReadOnlyList<string> PredictedClassesIndicators { get; }

    internal bool IsBinary { get; }

    /// <summary>The count of rows of actual class <paramref name="actualClassIndicatorIndex"/> predicted as <paramref name="predictedClassIndicatorIndex"/>.</summary>
    public double GetCountForClassPair(int predictedClassIndicatorIndex, int actualClassIndicatorIndex)
    {
        if ((uint)predictedClassIndicatorIndex >= (uint)NumberOfClasses)
            throw new ArgumentOutOfRangeException(nameof(predictedClassIndicatorIndex), predictedClassIndicatorIndex,
                $"Expected a class index between 0 and {NumberOfClasses - 1}. Received: predictedClassIndicatorIndex={predictedClassIndicatorIndex}.");
        if ((uint)actualClassIndicatorIndex >= (uint)NumberOfClasses)
            throw new ArgumentOutOfRangeException(nameof(actualClassIndicatorIndex), actualClassIndicatorIndex,
                $"Expected a class index between 0 and {NumberOfClasses - 1}. Received: actualClassIndicatorIndex={actualClassIndicatorIndex}.");
        return Counts[actualClassIndicatorIndex][predictedClassIndicatorIndex];
    }

    /// <summary>
    /// The table as ML.NET prints it: truth in rows, predictions in columns, each row's recall
    /// on its right and each column's precision below. Columns are 8 characters wide for two
    /// classes and 5 for more; when a class name does not fit, the header shows class indices and
    /// each row is labelled "index. name". A binary table starts with the share of positives
    /// ("TEST POSITIVE RATIO"). Numbers use the invariant culture; lines end with
    /// <see cref="Environment.NewLine"/>.
    /// </summary>
    public string GetFormattedConfusionTable()
    {
        var inv = CultureInfo.InvariantCulture;
        int k = NumberOfClasses;
        var names = PredictedClassesIndicators;
        int columnWidth = k == 2 ? 8 : 5;
        int longestName = names.Max(n => n.Length);
        bool indicesInHeader = longestName > columnWidth;
        int indexDigits = indicesInHeader ? Math.Max(k - 1, 0).ToString(inv).Length : 0;
        int rowLabelWidth = indicesInHeader ? longestName + indexDigits + 2 : longestName;
        // "PREDICTED" (9 characters) sets the minimum width of the row-label column.
        int labelColumn = Math.Max(9, rowLabelWidth);
        string pad = new(' ', labelColumn - 9);
        string rule = string.Concat(Enumerable.Repeat(k > 2 ? "========" : "===========", k));

        var sb = new StringBuilder();
        if (k == 2 && IsBinary)
        {
            double tp = Counts[0][0], fn = Counts[0][1], fp = Counts[1][0], tn = Counts[1][1];
            sb.Append(string.Format(inv, "TEST {0} RATIO:\t{1:N4} ({2:F1}/({2:F1}+{3:F1}))",
                names[0].ToUpperInvariant(), (tp + fn) / (tp + fn + fp + tn), tp + fn, fp + tn));
        }
        sb.AppendLine();
        sb.AppendLine("Confusion table");
        sb.Append("          ").Append(pad).Append("||").AppendLine(rule);
        sb.Append("PREDICTED ").Append(pad).Append("||");
        for (int c = 0; c < k; c++)
            sb.Append(' ').Append((indicesInHeader ? c.ToString(inv) : names[c]).PadLeft(columnWidth)).Append(" |");
        sb.AppendLine(" Recall");
        sb.Append("TRUTH     ").Append(pad).Append("||").AppendLine(rule);
        for (int r = 0; r < k; r++)
        {
            if (indicesInHeader)
                sb.Append(r.ToString(inv).PadLeft(indexDigits)).Append(". ").Append(names[r].PadLeft(labelColumn - indexDigits - 2));
            else
                sb.Append(names[r].PadLeft(labelColumn));
            sb.Append(" ||");
            for (int c = 0; c < k; c++)
                sb.Append(' ').Append(Counts[r][c].ToString("N0", inv).PadLeft(columnWidth)).Append(" |");
            sb.Append(' ').AppendLine(PerClassRecall[r].ToString("F4", inv).PadLeft(5));
        }
        sb.Append("          ").Append(pad).Append("||").AppendLine(rule);
        sb.Append("Precision ").Append(pad).Append("||");
        for (int c = 0; c < k; c++)
            sb.Append(PerClassPrecision[c].ToString("N4", inv).PadLeft(columnWidth + 1)).Append(" |");
        sb.AppendLine();
        return sb.ToString();
    }

    /// <summary>Counts a confusion matrix from actual and predicted class indices (already checked to be in range).</summary>
    internal static double[][] Count(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount)
    {
        var counts = new double[classCount][];
        for (int c = 0; c < classCount; c++) counts[c] = new double[classCount];
        for (int i = 0; i < actual.Length; i++) counts[actual[i]][predicted[i]]++;
        return counts;
    }
}
