using MlNetDeep.Data;

namespace MlNetDeep;

public sealed partial class BinaryClassificationCatalog
{
    /// <summary>
    /// Evaluates a binary classifier that outputs probabilities, as ML.NET: reads the label (Boolean,
    /// or a number that is positive when &gt; 0), the raw score and the probability (numbers) and the
    /// predicted label (Boolean), then computes <see cref="CalibratedBinaryClassificationMetrics"/>
    /// with <see cref="BinaryClassificationEvaluator"/> (accuracy, AUC, AUPRC, F1, precisions,
    /// recalls, log-loss, confusion matrix). A missing column or a wrong type throws naming the column;
    /// without a probability column use <see cref="EvaluateNonCalibrated"/>.
    /// </summary>
    public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string probabilityColumnName = "Probability", string predictedLabelColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(data);
        const string who = "BinaryClassification.Evaluate";
        if (data.Schema.GetColumnOrNull(probabilityColumnName) is null)
            throw new ArgumentOutOfRangeException(nameof(probabilityColumnName),
                $"{who}: probability column '{probabilityColumnName}' not found (use EvaluateNonCalibrated for a classifier without probabilities). Columns present: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}");
        var (labels, scores, probabilities, predicted) = Read(data, who, labelColumnName, scoreColumnName, probabilityColumnName, predictedLabelColumnName);
        return BinaryClassificationEvaluator.EvaluateCalibrated(labels, scores, probabilities!, predicted);
    }

    /// <summary>Evaluates a binary classifier without probabilities (no log-loss); see <see cref="Evaluate"/> for the columns.</summary>
    public BinaryClassificationMetrics EvaluateNonCalibrated(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score",
        string predictedLabelColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(data);
        var (labels, scores, _, predicted) = Read(data, "BinaryClassification.EvaluateNonCalibrated", labelColumnName, scoreColumnName, null, predictedLabelColumnName);
        return BinaryClassificationEvaluator.Evaluate(labels, scores, predicted);
    }

    private static (bool[] Labels, float[] Scores, float[]? Probabilities, bool[] Predicted) Read(IDataView data, string who,
        string labelName, string scoreName, string? probabilityName, string predictedName)
    {
        var label = EvaluationColumns.Find(data, who, "label", labelName);
        if (label.Type is not (BooleanDataViewType or NumberDataViewType)) throw EvaluationColumns.WrongType(who, "label", label, "Boolean or a number");
        var score = EvaluationColumns.Find(data, who, "score", scoreName);
        if (score.Type is not NumberDataViewType) throw EvaluationColumns.WrongType(who, "score", score, "a number (Single)");
        DataViewSchema.Column? prob = null;
        if (probabilityName is not null)
        {
            prob = EvaluationColumns.Find(data, who, "probability", probabilityName);
            if (prob.Value.Type is not NumberDataViewType) throw EvaluationColumns.WrongType(who, "probability", prob.Value, "a number (Single)");
        }
        var predicted = EvaluationColumns.Find(data, who, "predictedLabel", predictedName);
        if (predicted.Type is not BooleanDataViewType) throw EvaluationColumns.WrongType(who, "predictedLabel", predicted, "Boolean");

        var labels = new List<bool>();
        var scores = new List<float>();
        var probs = new List<float>();
        var preds = new List<bool>();
        DataViewSchema.Column[] cols = prob is null ? [label, score, predicted] : [label, score, prob.Value, predicted];
        EvaluationColumns.ReadAll(data, cols, row =>
        {
            Func<bool> readLabel;
            if (label.Type is BooleanDataViewType) readLabel = EvaluationColumns.Boolean(row, label);
            else
            {
                var f = EvaluationColumns.Single(row, label);
                readLabel = () =>
                {
                    var x = f();
                    if (float.IsNaN(x)) throw new ArgumentException($"{who}: label column '{label.Name}' is NaN at row {labels.Count}.", "labelColumnName");
                    return x > 0;
                };
            }
            var readScore = EvaluationColumns.Single(row, score);
            var readProb = prob is null ? null : EvaluationColumns.Single(row, prob.Value);
            var readPred = EvaluationColumns.Boolean(row, predicted);
            return () =>
            {
                labels.Add(readLabel());
                scores.Add(readScore());
                if (readProb is not null) probs.Add(readProb());
                preds.Add(readPred());
            };
        });
        return ([.. labels], [.. scores], prob is null ? null : [.. probs], [.. preds]);
    }
}
