using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.DataTests;

/// <summary>ml.Data.CreateWindows and TrainTestSplitByOrder on the sunspot series and by hand.</summary>
public class SequenceWindowsTests
{
    public sealed class Point { public float X { get; set; } }

    private static IDataView Sunspots(MLContext ml) => ml.Data.LoadFromTextFile(RepoData.Path("sunspots.csv"),
        [new TextLoader.Column("Year", DataKind.Single, 0), new TextLoader.Column("Activity", DataKind.Single, 1)], ',', hasHeader: true);

    [Fact]
    public void SunspotWindowsOfTwelve()
    {
        var ml = new MLContext(1);
        var data = Sunspots(ml);
        var series = TestData.Column<float>(data, "Activity");
        Assert.Equal(309, series.Count);
        var windows = ml.Data.CreateWindows(data, "Activity", windowSize: 12);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 12), windows.Schema["Features"].Type);
        Assert.Equal(NumberDataViewType.Single, windows.Schema["Label"].Type);
        var features = TestData.Vectors(windows, "Features");
        var labels = TestData.Column<float>(windows, "Label");
        Assert.Equal(series.Count - 12, features.Count);
        Assert.Equal(series.Take(12), features[0]);
        Assert.Equal(series[12], labels[0]);
        Assert.Equal([5f, 11, 16, 23, 36, 58, 29, 20, 10, 8, 3, 0], features[0]);
        // Every window, in time order.
        for (int i = 0; i < features.Count; i++)
        {
            Assert.Equal(series.Skip(i).Take(12), features[i]);
            Assert.Equal(series[i + 12], labels[i]);
        }
        Assert.Equal(series[^1], labels[^1]);
    }

    [Fact]
    public void HorizonAndStride()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new Point { X = i }).ToList());
        var w = ml.Data.CreateWindows(data, "X", windowSize: 3, horizon: 2, stride: 3, featuresColumnName: "Past", labelColumnName: "Future");
        // N = 10: ⌊(10 − 3 − 2) / 3⌋ + 1 = 2 windows: [0 1 2] → 4, [3 4 5] → 7.
        Assert.Equal([[0f, 1, 2], [3f, 4, 5]], TestData.Vectors(w, "Past"));
        Assert.Equal([4f, 7], TestData.Column<float>(w, "Future"));
        Assert.Empty(TestData.Vectors(ml.Data.CreateWindows(data, "X", windowSize: 10), "Features"));
        var e = Assert.ThrowsAny<ArgumentException>(() => ml.Data.CreateWindows(data, "Y", 3));
        Assert.Contains("'Y'", e.Message);
        var s = Assert.ThrowsAny<ArgumentException>(() => ml.Data.CreateWindows(data, "X", 0));
        Assert.Contains("windowSize=0", s.Message);
    }

    [Fact]
    public void ChronologicalSplitKeepsTimeOrder()
    {
        var ml = new MLContext(1);
        var windows = ml.Data.CreateWindows(Sunspots(ml), "Activity", windowSize: 12);
        var split = ml.Data.TrainTestSplitByOrder(windows, testFraction: 0.2);
        var train = TestData.Column<float>(split.TrainSet, "Label");
        var test = TestData.Column<float>(split.TestSet, "Label");
        var all = TestData.Column<float>(windows, "Label");
        // 297 windows: round(59.4) = 59 test rows, the last ones.
        Assert.Equal(297 - 59, train.Count);
        Assert.Equal(59, test.Count);
        Assert.Equal(all, train.Concat(test));
        // The first test window starts right after the first training window ends: it holds the last training label.
        var testFeatures = TestData.Vectors(split.TestSet, "Features");
        Assert.Equal(train[^1], testFeatures[0][^1]);
        Assert.ThrowsAny<ArgumentException>(() => ml.Data.TrainTestSplitByOrder(windows, 1.0));
    }
}
