using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

public class ConfusionMatrixTests
{
    // Counts [[2, 1, 0], [0, 3, 1], [1, 0, 2]] (actual in rows, predicted in columns).
    private static readonly int[] Actual = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2];
    private static readonly int[] Predicted = [0, 0, 1, 1, 1, 1, 2, 0, 2, 2];

    private static ConfusionMatrix ThreeClasses(IReadOnlyList<string>? names = null) =>
        MulticlassClassificationEvaluator.Evaluate(Actual, MulticlassClassificationEvaluatorTests.OneHot(Predicted, 3), Predicted, classNames: names).ConfusionMatrix;

    [Fact]
    public void CountsPrecisionAndRecall()
    {
        var cm = ThreeClasses();
        SameCounts([[2, 1, 0], [0, 3, 1], [1, 0, 2]], cm);
        Assert.Equal(3, cm.NumberOfClasses);
        Close([2.0 / 3, 3.0 / 4, 2.0 / 3], cm.PerClassPrecision, "PerClassPrecision");
        Close([2.0 / 3, 3.0 / 4, 2.0 / 3], cm.PerClassRecall, "PerClassRecall");
        Assert.Equal(1, cm.GetCountForClassPair(predictedClassIndicatorIndex: 2, actualClassIndicatorIndex: 1));
        Assert.Equal(0, cm.GetCountForClassPair(predictedClassIndicatorIndex: 1, actualClassIndicatorIndex: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => cm.GetCountForClassPair(3, 0));
    }

    [Fact]
    public void MulticlassTableIsFormattedLikeMlNet()
    {
        string expected = Lines(
            "",
            "Confusion table",
            "          ||========================",
            "PREDICTED ||     0 |     1 |     2 | Recall",
            "TRUTH     ||========================",
            "        0 ||     2 |     1 |     0 | 0.6667",
            "        1 ||     0 |     3 |     1 | 0.7500",
            "        2 ||     1 |     0 |     2 | 0.6667",
            "          ||========================",
            "Precision ||0.6667 |0.7500 |0.6667 |");
        Assert.Equal(expected, ThreeClasses().GetFormattedConfusionTable());
    }

    [Fact]
    public void LongClassNamesMoveToTheRowsWithIndicesInTheHeader()
    {
        string expected = Lines(
            "",
            "Confusion table",
            "              ||========================",
            "PREDICTED     ||     0 |     1 |     2 | Recall",
            "TRUTH         ||========================",
            "0.     setosa ||     2 |     1 |     0 | 0.6667",
            "1. versicolor ||     0 |     3 |     1 | 0.7500",
            "2.  virginica ||     1 |     0 |     2 | 0.6667",
            "              ||========================",
            "Precision     ||0.6667 |0.7500 |0.6667 |");
        Assert.Equal(expected, ThreeClasses(["setosa", "versicolor", "virginica"]).GetFormattedConfusionTable());
    }

    [Fact]
    public void BinaryTableStartsWithThePositiveRatio()
    {
        // The course's example: TP=4, FN=2, FP=3, TN=1.
        bool[] labels = [true, true, true, true, true, true, false, false, false, false];
        bool[] predicted = [true, true, true, true, false, false, true, true, true, false];
        var cm = BinaryClassificationEvaluator.Evaluate(labels, predicted.Select(p => p ? 1f : 0f).ToArray(), predicted).ConfusionMatrix;
        string expected = Lines(
            "TEST POSITIVE RATIO:\t0.6000 (6.0/(6.0+4.0))",
            "Confusion table",
            "          ||======================",
            "PREDICTED || positive | negative | Recall",
            "TRUTH     ||======================",
            " positive ||        4 |        2 | 0.6667",
            " negative ||        3 |        1 | 0.2500",
            "          ||======================",
            "Precision ||   0.5714 |   0.3333 |");
        Assert.Equal(expected, cm.GetFormattedConfusionTable());
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + Environment.NewLine));
}
