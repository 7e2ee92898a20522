using MlNetDeep.Data;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms;
using Kind = MlNetDeep.Transforms.OneHotEncodingEstimator.OutputKind;
using Ordinality = MlNetDeep.Transforms.ValueToKeyMappingEstimator.KeyOrdinality;

namespace MlNetDeep.Tests.Transforms;

public class OneHotEncodingTests
{
    public sealed class Cat
    {
        public string Text { get; set; } = "";
        public int Num { get; set; }
    }

    private static (IDataView Train, IDataView Test) Data(MLContext ml)
    {
        var o = TestData.Fixture("scalers.json").GetProperty("onehot");
        var trText = o.GetProperty("train_text").Strings();
        var trNum = o.GetProperty("train_num").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var teText = o.GetProperty("test_text").Strings();
        var teNum = o.GetProperty("test_num").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return (ml.Data.LoadFromEnumerable(trText.Select((t, i) => new Cat { Text = t, Num = trNum[i] }).ToList()),
                ml.Data.LoadFromEnumerable(teText.Select((t, i) => new Cat { Text = t, Num = teNum[i] }).ToList()));
    }

    private static double[] Flat(IDataView d, string c) => TestData.Vectors(d, c).SelectMany(v => v.Select(x => (double)x)).ToArray();

    [Fact]
    public void DropFirstMatchesScikitLearnOneHotEncoderDropFirst()
    {
        var o = TestData.Fixture("scalers.json").GetProperty("onehot");
        var ml = new MLContext(1);
        var (train, test) = Data(ml);
        var est = ml.Transforms.Categorical.OneHotEncoding("T", "Text", keyOrdinality: Ordinality.ByValue, dropFirst: true)
            .Append(ml.Transforms.Categorical.OneHotEncoding("N", "Num", keyOrdinality: Ordinality.ByValue, dropFirst: true));
        var model = est.Fit(train);
        Assert.Equal(o.GetProperty("text_train").Doubles(), Flat(model.Transform(train), "T"));
        Assert.Equal(o.GetProperty("text_test").Doubles(), Flat(model.Transform(test), "T")); // unseen "d" → zeros
        Assert.Equal(o.GetProperty("num_train").Doubles(), Flat(model.Transform(train), "N")); // numeric order: 2 < 10 < 33
        Assert.Equal(o.GetProperty("num_test").Doubles(), Flat(model.Transform(test), "N"));
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        model.Transform(train).Schema["T"].GetSlotNames(ref slots);
        Assert.Equal(o.GetProperty("text_categories").Strings().Skip(1), slots.DenseValues().Select(s => s.ToString()));
    }

    [Fact]
    public void DropFirstDropsTheSortedFirstEvenByOccurrence()
    {
        var ml = new MLContext(1);
        var (train, _) = Data(ml); // occurrence order b, a, c; sorted first is a
        var model = ml.Transforms.Categorical.OneHotEncoding("T", "Text", dropFirst: true).Fit(train);
        Assert.Equal(["b", "a", "c"], model.GetCategories(0));
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        var output = model.Transform(train);
        output.Schema["T"].GetSlotNames(ref slots);
        Assert.Equal(["b", "c"], slots.DenseValues().Select(s => s.ToString()));
        Assert.Equal([new[] { 1f, 0 }, [0, 0], [0, 1], [0, 0], [1, 0]], TestData.Vectors(output, "T"));
    }

    [Fact]
    public void OutputKinds()
    {
        var ml = new MLContext(1);
        var (train, test) = Data(ml);
        // Indicator by occurrence: b, a, c
        var ind = ml.Transforms.Categorical.OneHotEncoding("T", "Text").Fit(train);
        Assert.Equal([new[] { 0f, 0, 1 }, [0, 1, 0], [0, 0, 0]], TestData.Vectors(ind.Transform(test), "T"));
        // Key: 1-based keys, 0 for unseen, and the value survives MapKeyToValue.
        var key = ml.Transforms.Categorical.OneHotEncoding("T", "Text", Kind.Key).Fit(train);
        Assert.Equal([3u, 2u, 0u], TestData.Column<uint>(key.Transform(test), "T"));
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), key.Transform(test).Schema["T"].Type);
        // Binary: 3 keys need 2 bits; c = key 3 = 11, a = key 2 = 10, unseen = 00.
        var bin = ml.Transforms.Categorical.OneHotEncoding("T", "Text", Kind.Binary).Fit(train);
        Assert.Equal([new[] { 1f, 1 }, [1, 0], [0, 0]], TestData.Vectors(bin.Transform(test), "T"));
        Assert.Throws<ArgumentException>(() => ml.Transforms.Categorical.OneHotEncoding("T", "Text", Kind.Key, dropFirst: true));
        // maximumNumberOfKeys: only the first 2 categories (b, a) get keys.
        var max2 = ml.Transforms.Categorical.OneHotEncoding("T", "Text", maximumNumberOfKeys: 2).Fit(train);
        Assert.Equal([new[] { 0f, 0 }, [0, 1], [0, 0]], TestData.Vectors(max2.Transform(test), "T"));
    }

    public sealed class Bag { [VectorType(3)] public string[] Words { get; set; } = []; }

    [Fact]
    public void VectorInputIndicatorAndBag()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(new[] { new Bag { Words = ["x", "y", "x"] }, new Bag { Words = ["y", "y", "z"] } });
        var ind = ml.Transforms.Categorical.OneHotEncoding("W", "Words").Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 9), ind.Schema["W"].Type);
        Assert.Equal([1f, 0, 0, 0, 1, 0, 1, 0, 0], TestData.Vectors(ind, "W")[0]);
        var bag = ml.Transforms.Categorical.OneHotEncoding("W", "Words", Kind.Bag).Fit(data).Transform(data);
        Assert.Equal([new[] { 2f, 1, 0 }, [0, 2, 1]], TestData.Vectors(bag, "W"));
    }

    [Fact]
    public void Contract()
    {
        var ml = new MLContext(1);
        var (train, _) = Data(ml);
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding("T", "Text"), train, "Text");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding("Num", dropFirst: true, keyOrdinality: Ordinality.ByValue), train, "Num");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding("T", "Text", Kind.Key), train, "Text");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding("T", "Text", Kind.Binary), train, "Text");
        EstimatorContract.Check(ml.Transforms.Categorical.OneHotEncoding([new InputOutputColumnPair("T", "Text"), new InputOutputColumnPair("Num")], Kind.Bag), train, "Num");
        EstimatorContract.Check(ml.Transforms.Conversion.MapValueToKey("K", "Text", keyOrdinality: Ordinality.ByValue), train, "Text");
        var keyed = ml.Transforms.Conversion.MapValueToKey("K", "Num").Fit(train).Transform(train);
        EstimatorContract.Check(ml.Transforms.Conversion.MapKeyToValue("Back", "K"), keyed, "K");
        EstimatorContract.Check(ml.Transforms.Conversion.MapKeyToVector("V", "K"), keyed, "K");
    }

    [Fact]
    public void KeyToValueInvertsValueToKey()
    {
        var ml = new MLContext(1);
        var (train, test) = Data(ml);
        var model = ml.Transforms.Conversion.MapValueToKey("K", "Text").Append(ml.Transforms.Conversion.MapKeyToValue("Back", "K")).Fit(train);
        Assert.Equal(["c", "a", ""], TestData.Column<ReadOnlyMemory<char>>(model.Transform(test), "Back").Select(m => m.ToString()));
        var asText = ml.Transforms.Conversion.MapValueToKey("K", "Num", addKeyValueAnnotationsAsText: true).Append(ml.Transforms.Conversion.MapKeyToValue("Back", "K")).Fit(train);
        Assert.Equal(["2", "33", "10"], TestData.Column<ReadOnlyMemory<char>>(asText.Transform(test), "Back").Select(m => m.ToString()));
        EstimatorContract.Check(ml.Transforms.Conversion.MapValueToKey("K", "Num", addKeyValueAnnotationsAsText: true).Append(ml.Transforms.Conversion.MapKeyToValue("Back", "K")), train, "Num");
        var nums = ml.Transforms.Conversion.MapValueToKey("K", "Num").Append(ml.Transforms.Conversion.MapKeyToValue("Back", "K")).Fit(train);
        Assert.Equal([2, 33, 10], TestData.Column<int>(nums.Transform(test), "Back"));
    }
}
