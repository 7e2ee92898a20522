using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class NgramExtractorTests
{
    private static readonly string[][] Course = [["good", "boy"], ["good", "girl"], ["boy", "girl", "good"]];

    private static string[] Joined(IEnumerable<string[]> ngrams) => ngrams.Select(g => string.Join(" ", g)).ToArray();

    [Fact]
    public void DefaultsAreMlNets()
    {
        var e = new NgramExtractor();
        Assert.Equal(2, e.NgramLength);
        Assert.Equal(0, e.SkipLength);
        Assert.True(e.UseAllLengths);
        Assert.Equal([10_000_000, 10_000_000], e.MaximumNgramsCount);
    }

    [Fact]
    public void ContiguousNgramsInMlNetOrder()
    {
        Assert.Equal(["a", "a b", "b", "b c", "c"], Joined(new NgramExtractor(2).Extract(["a", "b", "c"])));
        Assert.Equal(["a b", "b c"], Joined(new NgramExtractor(2, useAllLengths: false).Extract(["a", "b", "c"])));
        Assert.Equal(["a", "a b", "a b c", "b", "b c", "c"], Joined(new NgramExtractor(3).Extract(["a", "b", "c"])));
    }

    [Fact]
    public void SkipGramsAreDepthFirstWithAtMostSkipLengthSkipped()
    {
        var e = new NgramExtractor(3, skipLength: 1);
        Assert.Equal(
            ["a", "a b", "a b c", "a b d", "a c", "a c d", "b", "b c", "b c d", "b d", "c", "c d", "d"],
            Joined(e.Extract(["a", "b", "c", "d"])));
        Assert.Equal(["a b", "a c", "b c", "b d", "c d"], Joined(new NgramExtractor(2, 1, useAllLengths: false).Extract(["a", "b", "c", "d"])));
        // Skips need room for a second member: length 1 gives unigrams only.
        Assert.Equal(["a", "b"], Joined(new NgramExtractor(1, 2).Extract(["a", "b"])));
    }

    [Fact]
    public void FitOrdersSlotsByOccurrenceAndCountsDocumentFrequency()
    {
        var v = new NgramExtractor(2).Fit(Course);
        Assert.Equal(["good", "good|boy", "boy", "good|girl", "girl", "boy|girl", "girl|good"], v.SlotNames);
        Assert.Equal(3, v.DocumentCount);
        Assert.Equal([3, 1, 2, 1, 2, 1, 1], Enumerable.Range(0, v.Count).Select(v.GetDocumentFrequency));
        Assert.Equal(["boy", "girl"], v.GetNgram(5));
        Assert.Equal(5, v.IndexOf("boy", "girl"));
        Assert.Equal(-1, v.IndexOf("girl", "boy"));
        Assert.Equal(-1, v.IndexOf("cat"));
    }

    [Fact]
    public void FitCanSortSlotsByValue()
    {
        var v = new NgramExtractor(2).Fit([["b", "a"], ["a", "b", "ab"]], NgramOrdering.ByValue);
        // Joined with spaces, ordinal: "a" < "a b" < "ab" < "b" < "b a" < "b ab".
        Assert.Equal(["a", "a|b", "ab", "b", "b|a", "b|ab"], v.SlotNames);
        Assert.Equal([2, 1, 1, 2, 1, 1], Enumerable.Range(0, v.Count).Select(v.GetDocumentFrequency));
    }

    [Fact]
    public void MaximumNgramsCountKeepsTheFirstMetPerLength()
    {
        var v = new NgramExtractor(2, 0, true, [2, 1]).Fit(Course);
        Assert.Equal(["good", "good|boy", "boy"], v.SlotNames);
        Assert.Equal([3, 1, 2], Enumerable.Range(0, v.Count).Select(v.GetDocumentFrequency));
        var only = new NgramExtractor(2, useAllLengths: false, maximumNgramsCount: 2).Fit(Course);
        Assert.Equal(["good|boy", "good|girl"], only.SlotNames);
        Assert.Equal([0, 2], only.Extractor.MaximumNgramsCount);
    }

    [Fact]
    public void CountsIgnoreUnknownTokens()
    {
        var v = new NgramExtractor(2).Fit(Course);
        var bag = v.CountNgrams(["good", "boy", "zebra", "good", "boy", "girl"]);
        Assert.Equal(v.Count, bag.Length);
        var expected = new double[v.Count];
        expected[v.IndexOf("good")] = 2;
        expected[v.IndexOf("boy")] = 2;
        expected[v.IndexOf("girl")] = 1;
        expected[v.IndexOf("good", "boy")] = 2;
        expected[v.IndexOf("boy", "girl")] = 1;
        Assert.Equal(expected, bag.ToDense());
        Assert.Equal(2.0, bag[v.IndexOf("good", "boy")]);
        Assert.Equal(0.0, bag[v.IndexOf("girl", "good")]);
    }

    [Fact]
    public void InvalidSettingsAreRejected()
    {
        Assert.Equal("ngramLength", Assert.Throws<ArgumentOutOfRangeException>(() => new NgramExtractor(0)).ParamName);
        Assert.Equal("skipLength", Assert.Throws<ArgumentOutOfRangeException>(() => new NgramExtractor(6, 5)).ParamName);
        Assert.Equal("maximumNgramsCount", Assert.Throws<ArgumentException>(() => new NgramExtractor(2, 0, true, [5, 0])).ParamName);
        Assert.Equal("maximumNgramsCount", Assert.Throws<ArgumentException>(() => new NgramExtractor(2, 0, false, [5, 5])).ParamName);
        Assert.Equal("maximumNgramsCount", Assert.Throws<ArgumentException>(() => new NgramExtractor(2, 0, true, [1, 2, 3])).ParamName);
    }
}
