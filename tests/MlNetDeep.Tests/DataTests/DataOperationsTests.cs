using MlNetDeep.Data;
using MlNetDeep.Tests.Support;

namespace MlNetDeep.Tests.DataTests;

public class DataOperationsTests
{
    public sealed class Item
    {
        public int Id { get; set; }
        public string Group { get; set; } = "";
        public float Value { get; set; }
        [VectorType(2)] public float[] Pair { get; set; } = [0, 0];
    }

    private static List<Item> Items(int n) => Enumerable.Range(0, n).Select(i => new Item
    {
        Id = i, Group = "g" + (i % 37), Value = i % 10 == 0 ? 1f : 0f, Pair = [i, -i],
    }).ToList();

    [Fact]
    public void EnumerableRoundTripKeepsValues()
    {
        var ml = new MLContext(1);
        var items = Items(5);
        var data = ml.Data.LoadFromEnumerable(items);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 2), data.Schema["Pair"].Type);
        Assert.Equal(5, data.GetRowCount());
        var back = ml.Data.CreateEnumerable<Item>(data, reuseRowObject: false).ToList();
        Assert.Equal(items.Select(i => (i.Id, i.Group, i.Value, i.Pair[0], i.Pair[1])), back.Select(i => (i.Id, i.Group, i.Value, i.Pair[0], i.Pair[1])));
        var reused = ml.Data.CreateEnumerable<Item>(data, reuseRowObject: true).ToList();
        Assert.Same(reused[0], reused[4]);
    }

    private sealed class Wrong { public string Id { get; set; } = ""; }
    private sealed class Missing { public float Nope { get; set; } }

    [Fact]
    public void CreateEnumerableNamesMismatchedColumns()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(2));
        var e1 = Assert.Throws<InvalidOperationException>(() => ml.Data.CreateEnumerable<Wrong>(data, false).ToList());
        Assert.Contains("'Id'", e1.Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.CreateEnumerable<Missing>(data, false).ToList());
        Assert.Contains("'Nope'", e2.Message);
        Assert.Empty(ml.Data.CreateEnumerable<Missing>(data, false, ignoreMissingColumns: true).Select(m => m.Nope).Where(v => v != 0));
    }

    [Fact]
    public void TrainTestSplitKeepsOrderAndApproximateProportion()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(10000));
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
        var train = TestData.Column<int>(split.TrainSet, "Id");
        var test = TestData.Column<int>(split.TestSet, "Id");
        Assert.Equal(10000, train.Count + test.Count);
        Assert.Empty(train.Intersect(test));
        Assert.InRange(test.Count, 1850, 2150);
        Assert.Equal(train.OrderBy(x => x), train); // order kept
        Assert.Equal(test.OrderBy(x => x), test);
        // Same seed → same split; another seed → another split; each cursor sees the same rows.
        Assert.Equal(test, TestData.Column<int>(ml.Data.TrainTestSplit(data, 0.2, seed: 7).TestSet, "Id"));
        Assert.NotEqual(test, TestData.Column<int>(ml.Data.TrainTestSplit(data, 0.2, seed: 8).TestSet, "Id"));
        Assert.Equal(test, TestData.Column<int>(split.TestSet, "Id"));
    }

    [Fact]
    public void SamplingKeyKeepsGroupsTogether()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(3700));
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.3, samplingKeyColumnName: "Group", seed: 3);
        var trainGroups = TestData.Column<ReadOnlyMemory<char>>(split.TrainSet, "Group").Select(g => g.ToString()).ToHashSet();
        var testGroups = TestData.Column<ReadOnlyMemory<char>>(split.TestSet, "Group").Select(g => g.ToString()).ToHashSet();
        Assert.Empty(trainGroups.Intersect(testGroups));
        Assert.Equal(37, trainGroups.Count + testGroups.Count);
        Assert.NotEmpty(testGroups);
        Assert.Equal(3700, TestData.CountRows(split.TrainSet) + TestData.CountRows(split.TestSet));
    }

    [Fact]
    public void ContextSeedMakesSplitsReproducible()
    {
        var a = new MLContext(seed: 5);
        var b = new MLContext(seed: 5);
        var items = Items(500);
        var ta = TestData.Column<int>(a.Data.TrainTestSplit(a.Data.LoadFromEnumerable(items)).TestSet, "Id");
        var tb = TestData.Column<int>(b.Data.TrainTestSplit(b.Data.LoadFromEnumerable(items)).TestSet, "Id");
        Assert.Equal(ta, tb);
    }

    [Fact]
    public void CrossValidationFoldsPartitionTheRows()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(3000));
        var folds = ml.Data.CrossValidationSplit(data, numberOfFolds: 3, seed: 9);
        Assert.Equal(3, folds.Count);
        var tests = folds.Select(f => TestData.Column<int>(f.TestSet, "Id")).ToList();
        Assert.Equal(Enumerable.Range(0, 3000), tests.SelectMany(t => t).OrderBy(x => x)); // each row in exactly one test fold
        foreach (var (f, t) in folds.Zip(tests))
        {
            Assert.InRange(t.Count, 880, 1120);
            var train = TestData.Column<int>(f.TrainSet, "Id");
            Assert.Equal(3000, train.Count + t.Count);
            Assert.Empty(train.Intersect(t));
        }
        var grouped = ml.Data.CrossValidationSplit(data, 4, samplingKeyColumnName: "Group", seed: 9);
        var groupSets = grouped.Select(f => TestData.Column<ReadOnlyMemory<char>>(f.TestSet, "Group").Select(g => g.ToString()).ToHashSet()).ToList();
        for (int i = 0; i < 4; i++) for (int j = i + 1; j < 4; j++) Assert.Empty(groupSets[i].Intersect(groupSets[j]));
        Assert.Equal(37, groupSets.Sum(g => g.Count));
    }

    [Fact]
    public void StratifiedSplitHasExactPerClassProportions()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(1000)); // Value is 1 for 100 rows, 0 for 900
        var split = ml.Data.StratifiedTrainTestSplit(data, "Value", testFraction: 0.25, seed: 2);
        var test = TestData.Column<float>(split.TestSet, "Value");
        Assert.Equal(250, test.Count);
        Assert.Equal(25, test.Count(v => v == 1));
        var ids = TestData.Column<int>(split.TestSet, "Id");
        Assert.Equal(ids.OrderBy(x => x), ids);
        Assert.Equal(750, TestData.CountRows(split.TrainSet));
        Assert.Empty(TestData.Column<int>(split.TrainSet, "Id").Intersect(ids));
    }

    [Fact]
    public void SplitArgumentsAreChecked()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(3));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.TrainTestSplit(data, 1.5));
        Assert.Contains("testFraction=1.5", e.Message);
        Assert.Contains("'Nope'", Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.TrainTestSplit(data, 0.2, "Nope")).Message);
    }

    [Fact]
    public void TakeSkipAndFilter()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(20));
        Assert.Equal([0, 1, 2], TestData.Column<int>(ml.Data.TakeRows(data, 3), "Id"));
        Assert.Equal([17, 18, 19], TestData.Column<int>(ml.Data.SkipRows(data, 17), "Id"));
        Assert.Equal([15, 16, 17], TestData.Column<int>(ml.Data.TakeRows(ml.Data.SkipRows(data, 15), 3), "Id"));
        // lower ≤ v < upper, on an int column read as a number
        Assert.Equal([5, 6, 7], TestData.Column<int>(ml.Data.FilterRowsByColumn(data, "Id", 5, 8), "Id"));
    }

    [Fact]
    public void ShuffleIsASeededPermutation()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Items(200));
        var a = TestData.Column<int>(ml.Data.ShuffleRows(data, seed: 4), "Id");
        Assert.Equal(Enumerable.Range(0, 200), a.OrderBy(x => x));
        Assert.NotEqual(Enumerable.Range(0, 200), a);
        Assert.Equal(a, TestData.Column<int>(ml.Data.ShuffleRows(data, seed: 4), "Id"));
        var pairs = TestData.Vectors(ml.Data.ShuffleRows(data, seed: 4), "Pair");
        Assert.Equal(a.Select(i => new[] { (float)i, -i }), pairs); // whole rows move together
        // A pool of 1 keeps the order.
        Assert.Equal(Enumerable.Range(0, 200), TestData.Column<int>(ml.Data.ShuffleRows(data, seed: 4, shufflePoolSize: 1), "Id"));
    }
}
