using MlNetDeep.Data;

namespace MlNetDeep;

public sealed partial class RegressionCatalog
{
    /// <summary>
    /// Evaluates a regression model, as ML.NET: reads the label and score columns (numbers) and
    /// computes MAE, MSE, RMSE, loss and R² with <see cref="RegressionEvaluator"/>. A missing column
    /// or a wrong type throws naming the column.
    /// </summary>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(data);
        const string who = "Regression.Evaluate";
        var label = EvaluationColumns.Find(data, who, "label", labelColumnName);
        if (label.Type is not NumberDataViewType) throw EvaluationColumns.WrongType(who, "label", label, "a number (Single)");
        var score = EvaluationColumns.Find(data, who, "score", scoreColumnName);
        if (score.Type is not NumberDataViewType) throw EvaluationColumns.WrongType(who, "score", score, "a number (Single)");
        var labels = new List<float>();
        var scores = new List<float>();
        EvaluationColumns.ReadAll(data, [label, score], row =>
        {
            var l = EvaluationColumns.Single(row, label);
            var s = EvaluationColumns.Single(row, score);
            return () => { labels.Add(l()); scores.Add(s()); };
        });
        return RegressionEvaluator.Evaluate([.. labels], [.. scores]);
    }
}
