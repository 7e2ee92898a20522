using MlNetDeep.Data;

namespace MlNetDeep;

public sealed partial class MulticlassClassificationCatalog
{
    /// <summary>
    /// Evaluates a multiclass classifier, as ML.NET: the label and predicted label are keys (ML.NET's
    /// 1-based key k is class k − 1; MlNetDeep also accepts numbers holding 0-based class indices), the
    /// score is a Single vector with one score per class (its size is the number of classes; read as
    /// probabilities for the log-loss). Computes micro/macro accuracy, log-loss (reduction), per-class
    /// log-loss, top-K accuracy (<paramref name="topKPredictionCount"/> &gt; 0) and the confusion matrix
    /// with <see cref="MulticlassClassificationEvaluator"/>; class names come from the label's key
    /// values (else the score's slot names, else the indices). A missing column, a wrong type or the
    /// missing key throws naming the column.
    /// </summary>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel", int topKPredictionCount = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        const string who = "MulticlassClassification.Evaluate";
        var label = EvaluationColumns.Find(data, who, "label", labelColumnName);
        if (!EvaluationColumns.IsClassColumn(label.Type)) throw EvaluationColumns.WrongType(who, "label", label, "a key (or a number holding a class index)");
        var score = EvaluationColumns.Find(data, who, "score", scoreColumnName);
        if (!EvaluationColumns.IsFloatVector(score.Type, out int classes)) throw EvaluationColumns.WrongType(who, "score", score, "a fixed-size vector of Single");
        var predicted = EvaluationColumns.Find(data, who, "predictedLabel", predictedLabelColumnName);
        if (!EvaluationColumns.IsClassColumn(predicted.Type)) throw EvaluationColumns.WrongType(who, "predictedLabel", predicted, "a key (or a number holding a class index)");

        var labels = new List<int>();
        var scores = new List<float>();
        var preds = new List<int>();
        EvaluationColumns.ReadAll(data, [label, score, predicted], row =>
        {
            var l = EvaluationColumns.ClassIndex(row, label, who, "label");
            var p = EvaluationColumns.ClassIndex(row, predicted, who, "predictedLabel");
            var s = EvaluationColumns.Vector(row, score);
            return () => { labels.Add(l(labels.Count)); preds.Add(p(preds.Count)); s(scores); };
        });
        return MulticlassClassificationEvaluator.Evaluate([.. labels], [.. scores], [.. preds], topKPredictionCount,
            EvaluationColumns.ClassNames(label, score, classes));
    }
}
