using MlNetDeep.Data;
using static MlNetDeep.Tests.Evaluation.MetricsFixture;

namespace MlNetDeep.Tests.Evaluation;

public class ClusteringEvaluatorTests
{
    [Fact]
    public void MetricsMatchScikitLearn()
    {
        var c = Case("clustering");
        int k = c.GetProperty("clusters").GetInt32();
        var m = ClusteringEvaluator.Evaluate(c.Floats("scores"), k, c.Ints("labels"), c.Floats("features"));
        Close(c.Double("average_distance"), m.AverageDistance, "AverageDistance");
        Close(c.Double("davies_bouldin"), m.DaviesBouldinIndex, "DaviesBouldinIndex");
        Close(c.Double("nmi"), m.NormalizedMutualInformation, "NormalizedMutualInformation (MI / H(labels))");
        Assert.True(Math.Abs(m.NormalizedMutualInformation - c.Double("sklearn_nmi_arithmetic")) > 1e-4,
            "the fixture should tell ML.NET's normalisation from scikit-learn's default");
    }

    [Fact]
    public void WithoutLabelsOrFeaturesThoseMetricsAreNaN()
    {
        var c = Case("clustering");
        int k = c.GetProperty("clusters").GetInt32();
        var m = ClusteringEvaluator.Evaluate(c.Floats("scores"), k);
        Assert.True(double.IsNaN(m.NormalizedMutualInformation));
        Assert.True(double.IsNaN(m.DaviesBouldinIndex));
        Close(c.Double("average_distance"), m.AverageDistance, "AverageDistance");
    }

    [Fact]
    public void SmallExampleByHand()
    {
        // Rows 0, 1 → cluster 0 (lower score); rows 2, 3 → cluster 1. Features on a line:
        // cluster 0 = {0, 2} (centroid 1, scatter 1), cluster 1 = {10, 12} (centroid 11, scatter 1).
        // DBI = ((1 + 1)/10 + (1 + 1)/10) / 2 = 0.2. Labels match clusters → NMI = 1.
        float[] scores = [1f, 5f, /**/ 2f, 3f, /**/ 9f, 4f, /**/ 8f, 0.5f];
        var m = ClusteringEvaluator.Evaluate(scores, 2, labels: [0, 0, 1, 1], features: [0f, 2f, 10f, 12f]);
        Close((1 + 2 + 4 + 0.5) / 4, m.AverageDistance, "AverageDistance");
        Close(0.2, m.DaviesBouldinIndex, "DaviesBouldinIndex");
        Close(1.0, m.NormalizedMutualInformation, "NormalizedMutualInformation");
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClusteringEvaluator.Evaluate([1f, 2f, 3f], 2));
        Assert.Equal("scores", ex.ParamName);

        ex = Assert.Throws<ArgumentException>(() => ClusteringEvaluator.Evaluate([1f, 2f, 3f, 4f], 2, labels: [0, -1]));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("labels[1]=-1", ex.Message);

        ex = Assert.Throws<ArgumentException>(() => ClusteringEvaluator.Evaluate([1f, 2f, 3f, 4f], 2, labels: [0]));
        Assert.Equal("labels", ex.ParamName);

        Assert.Throws<ArgumentOutOfRangeException>(() => ClusteringEvaluator.Evaluate([1f, 2f], 0));
    }
}
