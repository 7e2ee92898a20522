using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

public class BinaryClassificationEvaluatorTests
{
    [Fact]
    public void CalibratedMetricsMatchScikitLearn()
    {
        var c = Case("binary");
        var m = BinaryClassificationEvaluator.EvaluateCalibrated(c.Bools("labels"), c.Floats("scores"), c.Floats("probabilities"), c.Bools("predicted"));

        Close(c.Double("accuracy"), m.Accuracy, "Accuracy");
        Close(c.Double("auc"), m.AreaUnderRocCurve, "AreaUnderRocCurve");
        Close(c.Double("auprc"), m.AreaUnderPrecisionRecallCurve, "AreaUnderPrecisionRecallCurve");
        Close(c.Double("f1"), m.F1Score, "F1Score");
        Close(c.Double("positive_precision"), m.PositivePrecision, "PositivePrecision");
        Close(c.Double("positive_recall"), m.PositiveRecall, "PositiveRecall");
        Close(c.Double("negative_precision"), m.NegativePrecision, "NegativePrecision");
        Close(c.Double("negative_recall"), m.NegativeRecall, "NegativeRecall");
        Close(c.Double("log_loss"), m.LogLoss, "LogLoss (bits)");
        Close(c.Double("entropy"), m.Entropy, "Entropy (bits)");
        Close(c.Double("log_loss_reduction"), m.LogLossReduction, "LogLossReduction");
        SameCounts(c.Matrix("confusion"), m.ConfusionMatrix);
        Close([m.PositivePrecision, m.NegativePrecision], m.ConfusionMatrix.PerClassPrecision, "PerClassPrecision");
        Close([m.PositiveRecall, m.NegativeRecall], m.ConfusionMatrix.PerClassRecall, "PerClassRecall");
    }

    [Fact]
    public void PrecisionRecallAreaIsTheLowerTrapezoidNotAveragePrecision()
    {
        var c = Case("binary");
        var m = BinaryClassificationEvaluator.Evaluate(c.Bools("labels"), c.Floats("scores"), c.Bools("predicted"));
        Close(c.Double("auprc"), m.AreaUnderPrecisionRecallCurve, "AreaUnderPrecisionRecallCurve");
        Assert.True(Math.Abs(m.AreaUnderPrecisionRecallCurve - c.Double("average_precision")) > 1e-4,
            "the fixture should tell the two estimators apart");
    }

    [Fact]
    public void RocAreaCountsTiedScoresAsHalf()
    {
        var c = Case("binary_tied_scores");
        var m = BinaryClassificationEvaluator.EvaluateCalibrated(c.Bools("labels"), c.Floats("scores"), c.Floats("probabilities"), c.Bools("predicted"));
        Assert.True(c.Floats("scores").Distinct().Count() < 20, "the fixture's scores should be heavily tied");
        Close(c.Double("auc"), m.AreaUnderRocCurve, "AreaUnderRocCurve");
        Close(c.Double("log_loss"), m.LogLoss, "LogLoss (bits)");
        Close(c.Double("accuracy"), m.Accuracy, "Accuracy");
    }

    [Fact]
    public void RocAreaOfSmallTiedExampleByHand()
    {
        // Positives score 0.9, 0.5, 0.5; negatives 0.5, 0.1. Of the 6 (positive, negative) pairs,
        // 4 have the positive higher and 2 are ties worth one half each: AUC = 5/6.
        bool[] labels = [true, true, true, false, false];
        float[] scores = [0.9f, 0.5f, 0.5f, 0.5f, 0.1f];
        var m = BinaryClassificationEvaluator.Evaluate(labels, scores, [true, true, true, true, false]);
        Close(5.0 / 6.0, m.AreaUnderRocCurve, "AreaUnderRocCurve");
    }

    [Fact]
    public void CourseWorkedExampleGivesPrecisionFourSeventhsAndRecallFourSixths()
    {
        // 10 predictions: TP=4, FN=2, FP=3, TN=1.
        bool[] labels = [true, true, true, true, true, true, false, false, false, false];
        bool[] predicted = [true, true, true, true, false, false, true, true, true, false];
        float[] scores = predicted.Select(p => p ? 1f : -1f).ToArray();

        var m = BinaryClassificationEvaluator.Evaluate(labels, scores, predicted);

        Close(4.0 / 7.0, m.PositivePrecision, "PositivePrecision");
        Close(4.0 / 6.0, m.PositiveRecall, "PositiveRecall");
        Close(0.5, m.Accuracy, "Accuracy");
        Close(8.0 / 13.0, m.F1Score, "F1Score");
        Close(1.0 / 3.0, m.NegativePrecision, "NegativePrecision");
        Close(1.0 / 4.0, m.NegativeRecall, "NegativeRecall");
        Assert.Equal(4, m.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 0, actualClassIndicatorIndex: 0));
        Assert.Equal(2, m.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 1, actualClassIndicatorIndex: 0));
        Assert.Equal(3, m.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 0, actualClassIndicatorIndex: 1));
        Assert.Equal(1, m.ConfusionMatrix.GetCountForClassPair(predictedClassIndicatorIndex: 1, actualClassIndicatorIndex: 1));
    }

    [Fact]
    public void LogLossIsInBitsAndReductionIsRelativeToThePrior()
    {
        // Two positives, two negatives: prior entropy is exactly 1 bit.
        bool[] labels = [true, true, false, false];
        float[] probabilities = [0.5f, 0.25f, 0.5f, 0.75f];
        var m = BinaryClassificationEvaluator.EvaluateCalibrated(labels, probabilities, probabilities, [false, false, false, true]);
        // −log₂ of (0.5, 0.25, 0.5, 0.25) = 1, 2, 1, 2 → mean 1.5 bits.
        Close(1.5, m.LogLoss, "LogLoss");
        Close(1.0, m.Entropy, "Entropy");
        Close(-0.5, m.LogLossReduction, "LogLossReduction");
    }

    [Fact]
    public void NumericLabelsArePositiveAboveZero()
    {
        var c = Case("binary");
        var labels = c.Bools("labels");
        var asFloats = labels.Select(l => l ? 1f : 0f).ToArray();
        var fromBool = BinaryClassificationEvaluator.EvaluateCalibrated(labels, c.Floats("scores"), c.Floats("probabilities"), c.Bools("predicted"));
        var fromFloat = BinaryClassificationEvaluator.EvaluateCalibrated(asFloats, c.Floats("scores"), c.Floats("probabilities"), c.Bools("predicted"));
        Assert.Equal(fromBool.AreaUnderRocCurve, fromFloat.AreaUnderRocCurve);
        Assert.Equal(fromBool.LogLoss, fromFloat.LogLoss);
        Assert.Equal(fromBool.Accuracy, fromFloat.Accuracy);
    }

    [Fact]
    public void NaNLabelIsRejectedNamingTheRow()
    {
        float[] labels = [1f, 0f, float.NaN, 1f];
        var ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.Evaluate(labels, [0.1f, 0.2f, 0.3f, 0.4f], [false, false, false, false]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("labels[2]=NaN", ex.Message);
    }

    [Fact]
    public void LengthMismatchIsRejectedNamingTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.Evaluate([true, false, true], [0.1f, 0.2f], [true, false, true]));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("scores.Length=2", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.EvaluateCalibrated([true, false], [0.1f, 0.2f], [0.5f], [true, false]));
        Assert.Equal("probabilities", ex.ParamName);
    }

    [Fact]
    public void BadScoresAndProbabilitiesAreRejectedNamingTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.Evaluate([true, false], [0.1f, float.PositiveInfinity], [true, false]));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("scores[1]=", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.EvaluateCalibrated([true, false], [0.1f, 0.2f], [0.5f, 1.5f], [true, false]));
        Assert.Equal("probabilities", ex.ParamName);
        Assert.Contains("probabilities[1]=1.5", ex.Message);

        ex = Assert.Throws<ArgumentException>(() =>
            BinaryClassificationEvaluator.Evaluate(ReadOnlySpan<bool>.Empty, ReadOnlySpan<float>.Empty, ReadOnlySpan<bool>.Empty));
        Assert.Equal("labels", ex.ParamName);
    }
}
