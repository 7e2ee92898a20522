using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

/// <summary>The catalogs' Evaluate methods on IDataViews, against the evaluators and the scikit-learn fixture.</summary>
public class EvaluationCatalogTests
{
    public sealed class BinaryRow { public bool Label { get; set; } public float Score { get; set; } public float Probability { get; set; } public bool PredictedLabel { get; set; } }
    public sealed class FloatLabelRow { public float Label { get; set; } public float Score { get; set; } public bool PredictedLabel { get; set; } }
    public sealed class MulticlassRow { public string Label { get; set; } = ""; [VectorType(4)] public float[] Score { get; set; } = []; public string Predicted { get; set; } = ""; }
    public sealed class Name { public string Value { get; set; } = ""; }
    public sealed class RegressionRow { public float Label { get; set; } public float Score { get; set; } }
    public sealed class ClusterRow { public int Label { get; set; } [VectorType(3)] public float[] Score { get; set; } = []; [VectorType(3)] public float[] Features { get; set; } = []; }

    [Fact]
    public void BinaryEvaluateMatchesTheFixtureAndTheEvaluator()
    {
        var ml = new MLContext(1);
        var c = Case("binary");
        bool[] labels = c.Bools("labels"), predicted = c.Bools("predicted");
        float[] scores = c.Floats("scores"), probabilities = c.Floats("probabilities");
        var data = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new BinaryRow { Label = l, Score = scores[i], Probability = probabilities[i], PredictedLabel = predicted[i] }).ToList());
        var m = ml.BinaryClassification.Evaluate(data);
        Close(c.Double("accuracy"), m.Accuracy, "Accuracy");
        Close(c.Double("auc"), m.AreaUnderRocCurve, "AUC");
        Close(c.Double("auprc"), m.AreaUnderPrecisionRecallCurve, "AUPRC");
        Close(c.Double("f1"), m.F1Score, "F1");
        Close(c.Double("log_loss"), m.LogLoss, "LogLoss");
        Close(c.Double("log_loss_reduction"), m.LogLossReduction, "LogLossReduction");
        SameCounts(c.Matrix("confusion"), m.ConfusionMatrix);
        var direct = BinaryClassificationEvaluator.EvaluateCalibrated(labels, scores, probabilities, predicted);
        Assert.Equal(direct.PositivePrecision, m.PositivePrecision);
        Assert.Equal(direct.NegativeRecall, m.NegativeRecall);
        var non = ml.BinaryClassification.EvaluateNonCalibrated(data);
        Assert.Equal(direct.AreaUnderRocCurve, non.AreaUnderRocCurve);
        Assert.IsNotType<CalibratedBinaryClassificationMetrics>(non);
    }

    [Fact]
    public void BinaryCourseExampleWithFloatLabels()
    {
        // The course: 10 predictions, TP = 4, FP = 3, TN = 1, FN = 2 → precision 4/7, recall 4/6.
        var ml = new MLContext(1);
        bool[] actual = [true, true, true, true, true, true, false, false, false, false];
        bool[] predicted = [true, true, true, true, false, false, true, true, true, false];
        var data = ml.Data.LoadFromEnumerable(actual.Select((a, i) => new FloatLabelRow { Label = a ? 1 : 0, Score = predicted[i] ? 1 : -1, PredictedLabel = predicted[i] }).ToList());
        var m = ml.BinaryClassification.EvaluateNonCalibrated(data);
        Close(4.0 / 7, m.PositivePrecision, "precision");
        Close(4.0 / 6, m.PositiveRecall, "recall");
        Close(5.0 / 10, m.Accuracy, "accuracy");
        Assert.Equal(4, m.ConfusionMatrix.Counts[0][0]);
        Assert.Equal(3, m.ConfusionMatrix.Counts[1][0]);
        // Evaluate needs a probability column and says so.
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.Evaluate(data));
        Assert.Contains("'Probability'", e.Message);
        Assert.Contains("EvaluateNonCalibrated", e.Message);
        var wrong = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.EvaluateNonCalibrated(data, predictedLabelColumnName: "Score"));
        Assert.Contains("'Score'", wrong.Message);
        Assert.Contains("Boolean", wrong.Message);
        var missing = Assert.ThrowsAny<ArgumentException>(() => ml.BinaryClassification.EvaluateNonCalibrated(data, labelColumnName: "Truth"));
        Assert.Contains("'Truth'", missing.Message);
    }

    [Fact]
    public void MulticlassEvaluateConvertsOneBasedKeys()
    {
        var ml = new MLContext(1);
        var c = Case("multiclass");
        int k = c.GetProperty("classes").GetInt32();
        int[] labels = c.Ints("labels"), predicted = c.Ints("predicted");
        float[] scores = c.Floats("scores");
        string[] names = ["cat", "dog", "fish", "bird"];
        var rows = labels.Select((l, i) => new MulticlassRow { Label = names[l], Score = scores.Skip(i * k).Take(k).ToArray(), Predicted = names[predicted[i]] }).ToList();
        var keyData = ml.Data.LoadFromEnumerable(names.Select(n => new Name { Value = n }).ToList());
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", keyData: keyData, addKeyValueAnnotationsAsText: true)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Predicted", keyData: keyData))
            .Fit(data).Transform(data);
        Assert.Equal(1u, keyed.GetColumn<uint>("Label").Skip(Array.IndexOf(labels, 0)).First()); // class 0 is key 1
        int topK = c.GetProperty("top_k").GetInt32();
        var m = ml.MulticlassClassification.Evaluate(keyed, topKPredictionCount: topK);
        Close(c.Double("micro_accuracy"), m.MicroAccuracy, "MicroAccuracy");
        Close(c.Double("macro_accuracy"), m.MacroAccuracy, "MacroAccuracy");
        Close(c.Double("log_loss"), m.LogLoss, "LogLoss");
        Close(c.Double("top_k_accuracy"), m.TopKAccuracy, "TopKAccuracy");
        Close(c.Doubles("per_class_precision"), m.PerClassPrecision, "PerClassPrecision");
        SameCounts(c.Matrix("confusion"), m.ConfusionMatrix);
        Assert.Equal(names, m.ConfusionMatrix.PredictedClassesIndicators);
        var direct = MulticlassClassificationEvaluator.Evaluate(labels, scores, predicted, topK);
        Assert.Equal(direct.LogLossReduction, m.LogLossReduction);
        Assert.Equal(direct.PerClassLogLoss, m.PerClassLogLoss);

        // A label never seen by the key mapping is the missing key 0: an error naming the column and the row.
        var partialKeys = ml.Data.LoadFromEnumerable(names.Take(3).Select(n => new Name { Value = n }).ToList());
        var unseen = ml.Transforms.Conversion.MapValueToKey("Label", keyData: partialKeys)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Predicted", keyData: keyData)).Fit(data).Transform(data);
        var missingKey = Assert.ThrowsAny<ArgumentException>(() => ml.MulticlassClassification.Evaluate(unseen));
        Assert.Contains($"row {Array.IndexOf(labels, 3)}", missingKey.Message);
        Assert.Contains("'Label'", missingKey.Message);
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.MulticlassClassification.Evaluate(keyed, scoreColumnName: "Predicted"));
        Assert.Contains("'Predicted'", e.Message);
        var missing = Assert.ThrowsAny<ArgumentException>(() => ml.MulticlassClassification.Evaluate(data));
        Assert.Contains("'Label'", missing.Message);
    }

    [Fact]
    public void RegressionEvaluateMatchesTheFixture()
    {
        var ml = new MLContext(1);
        var c = Case("regression");
        float[] labels = c.Floats("labels"), scores = c.Floats("scores");
        var data = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new RegressionRow { Label = l, Score = scores[i] }).ToList());
        var m = ml.Regression.Evaluate(data);
        Close(c.Double("mae"), m.MeanAbsoluteError, "MAE");
        Close(c.Double("mse"), m.MeanSquaredError, "MSE");
        Close(c.Double("rmse"), m.RootMeanSquaredError, "RMSE");
        Close(c.Double("r2"), m.RSquared, "R2");
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Regression.Evaluate(data, scoreColumnName: "Prediction"));
        Assert.Contains("'Prediction'", e.Message);
    }

    [Fact]
    public void ClusteringEvaluateMatchesTheFixture()
    {
        var ml = new MLContext(1);
        var c = Case("clustering");
        int k = c.GetProperty("clusters").GetInt32(), dims = c.GetProperty("dimensions").GetInt32();
        Assert.Equal(3, k);
        Assert.Equal(3, dims);
        int[] labels = c.Ints("labels");
        float[] scores = c.Floats("scores"), features = c.Floats("features");
        var data = ml.Data.LoadFromEnumerable(labels.Select((l, i) => new ClusterRow
        {
            Label = l, Score = scores.Skip(i * k).Take(k).ToArray(), Features = features.Skip(i * dims).Take(dims).ToArray(),
        }).ToList());
        var m = ml.Clustering.Evaluate(data, labelColumnName: "Label", featureColumnName: "Features");
        Close(c.Double("average_distance"), m.AverageDistance, "AverageDistance");
        Close(c.Double("davies_bouldin"), m.DaviesBouldinIndex, "DaviesBouldin");
        Close(c.Double("nmi"), m.NormalizedMutualInformation, "NMI");
        var only = ml.Clustering.Evaluate(data);
        Close(c.Double("average_distance"), only.AverageDistance, "AverageDistance");
        Assert.True(double.IsNaN(only.NormalizedMutualInformation));
        Assert.True(double.IsNaN(only.DaviesBouldinIndex));
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Clustering.Evaluate(data, featureColumnName: "Label"));
        Assert.Contains("'Label'", e.Message);
    }
}
