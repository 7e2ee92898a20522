using System.Xml.Linq;
using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;

namespace MlNetDeep.Tests.Training;

[Collection("Training")]
public class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static History TrainedHistory()
    {
        var (x, y) = TrainingData.Binary(60);
        using (x) using (y)
        using (var net = new Linear(4, 1))
        using (var loss = new BCEWithLogitsLoss())
            return TrainingLoop.Fit(net, x, y, new TrainingOptions { Loss = loss, Epochs = 5, BatchSize = 20, ValidationFraction = 0.25, Verbosity = Verbosity.Silent });
    }

    [Fact]
    public void LearningCurvesParseAsSvgWithTrainAndValidationSeries()
    {
        var history = TrainedHistory();
        var doc = XDocument.Parse(SvgPlot.LearningCurves(history, "loss"));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var lines = doc.Descendants(Svg + "polyline").ToList();
        Assert.Equal(new[] { "train loss", "validation loss" }, lines.Select(l => (string)l.Attribute("data-series")!));
        Assert.All(lines, l => Assert.Equal(5, ((string)l.Attribute("points")!).Split(' ').Length));
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Loss", texts);
        Assert.Contains("epoch", texts);
        Assert.Contains("validation loss", texts);

        var both = XDocument.Parse(SvgPlot.LearningCurves(history));
        Assert.Equal(new[] { "train loss", "validation loss", "train accuracy", "validation accuracy" },
            both.Descendants(Svg + "polyline").Select(l => (string)l.Attribute("data-series")!));
    }

    [Fact]
    public void LowerLossIsDrawnHigherUpTheAxisInverted()
    {
        // SVG's y grows downwards: the smallest value must have the largest y.
        var svg = SvgPlot.LineChart("t", "x", "y", new[] { ("s", (IReadOnlyList<double>)new[] { 3.0, 1.0, 2.0 }) });
        var points = ((string)XDocument.Parse(svg).Descendants(Svg + "polyline").Single().Attribute("points")!).Split(' ')
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(points[1] > points[2] && points[2] > points[0]);
    }

    [Fact]
    public void ConfusionMatrixHasOneCellPerPairWithCountsAndClassNames()
    {
        var counts = new IReadOnlyList<double>[] { new double[] { 50, 2, 0 }, new double[] { 3, 40, 7 }, new double[] { 0, 5, 45 } };
        var names = new[] { "setosa", "versicolor", "<virginica & co>" };
        var path = Path.Combine(Path.GetTempPath(), $"mlnd-cm-{Guid.NewGuid():N}.svg");
        try
        {
            SvgPlot.Save(SvgPlot.ConfusionMatrix(counts, names), path);
            var doc = XDocument.Load(path);
            var cells = doc.Descendants(Svg + "rect").Where(r => r.Attribute("data-count") is not null).ToList();
            Assert.Equal(9, cells.Count);
            var cell = cells.Single(c => (string)c.Attribute("data-actual")! == "versicolor" && (string)c.Attribute("data-predicted")! == "<virginica & co>");
            Assert.Equal("7", (string)cell.Attribute("data-count")!);
            var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains("<virginica & co>", texts);
            Assert.Contains("Predicted", texts);
            Assert.Contains("Actual", texts);
            Assert.Contains("45", texts);
            // The largest count is the darkest cell.
            var darkest = cells.MinBy(c => Convert.ToInt32(((string)c.Attribute("fill")!)[1..3], 16))!;
            Assert.Equal("50", (string)darkest.Attribute("data-count")!);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>(() => SvgPlot.ConfusionMatrix(counts, new[] { "a", "b" }));
    }
}
