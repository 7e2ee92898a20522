using MlNetDeep.Data;

namespace MlNetDeep;

public sealed partial class ClusteringCatalog
{
    /// <summary>
    /// Evaluates a clustering, as ML.NET: the score is a Single vector of one distance per cluster
    /// (a row belongs to the cluster of lowest score); with <paramref name="labelColumnName"/> (a key,
    /// 1-based as ML.NET, or a number holding a 0-based class index) the NMI is computed, with
    /// <paramref name="featureColumnName"/> (a fixed-size Single vector) the Davies–Bouldin index;
    /// the average distance always (see <see cref="ClusteringEvaluator"/>). A missing column or a
    /// wrong type throws naming the column.
    /// </summary>
    public ClusteringMetrics Evaluate(IDataView data, string? labelColumnName = null, string scoreColumnName = "Score", string? featureColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        const string who = "Clustering.Evaluate";
        var score = EvaluationColumns.Find(data, who, "score", scoreColumnName);
        if (!EvaluationColumns.IsFloatVector(score.Type, out int clusters)) throw EvaluationColumns.WrongType(who, "score", score, "a fixed-size vector of Single");
        DataViewSchema.Column? label = null, features = null;
        if (labelColumnName is not null)
        {
            label = EvaluationColumns.Find(data, who, "label", labelColumnName);
            if (!EvaluationColumns.IsClassColumn(label.Value.Type)) throw EvaluationColumns.WrongType(who, "label", label.Value, "a key (or a number holding a class index)");
        }
        if (featureColumnName is not null)
        {
            features = EvaluationColumns.Find(data, who, "feature", featureColumnName);
            if (!EvaluationColumns.IsFloatVector(features.Value.Type, out _)) throw EvaluationColumns.WrongType(who, "feature", features.Value, "a fixed-size vector of Single");
        }
        var scores = new List<float>();
        var labels = new List<int>();
        var feats = new List<float>();
        DataViewSchema.Column[] cols = [score, .. label is null ? [] : new[] { label.Value }, .. features is null ? [] : new[] { features.Value }];
        EvaluationColumns.ReadAll(data, cols, row =>
        {
            var s = EvaluationColumns.Vector(row, score);
            var l = label is null ? null : EvaluationColumns.ClassIndex(row, label.Value, who, "label");
            var f = features is null ? null : EvaluationColumns.Vector(row, features.Value);
            return () =>
            {
                if (l is not null) labels.Add(l(labels.Count));
                s(scores);
                f?.Invoke(feats);
            };
        });
        return ClusteringEvaluator.Evaluate([.. scores], clusters, [.. labels], [.. feats]);
    }
}
