using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class SequenceVocabularyTests
{
    private static readonly string[][] Docs = [["the", "cat", "sat"], ["sat", "dog", "sat"], ["a", "cat", "the", "cat"]];

    [Fact]
    public void IdsByFrequencyThenFirstOccurrenceAfterReservedIds()
    {
        var v = SequenceVocabulary.Fit(Docs);
        // cat 3, sat 3 (cat first), the 2, dog 1, a 1 (dog first).
        Assert.Equal(["", "[UNK]", "cat", "sat", "the", "dog", "a"], v.Tokens);
        Assert.Equal(7, v.Count);
        Assert.Equal(SequenceVocabulary.OutOfVocabularyId, v.GetId("zebra"));
        Assert.Equal(4, v.GetId("the"));
        Assert.Equal("dog", v.GetToken(5));
        Assert.Equal([4, 2, 1, 3], v.Transform(["the", "cat", "zebra", "sat"]));
    }

    [Fact]
    public void MaxTokensCountsTheReservedIds()
    {
        var v = SequenceVocabulary.Fit(Docs, maxTokens: 4);
        Assert.Equal(["", "[UNK]", "cat", "sat"], v.Tokens);
        Assert.Equal([1, 2, 3], v.Transform(["the", "cat", "sat"]));
        Assert.Equal("maxTokens", Assert.Throws<ArgumentOutOfRangeException>(() => SequenceVocabulary.Fit(Docs, 1)).ParamName);
    }

    [Fact]
    public void FixedLengthPadsAndTruncatesPreByDefault()
    {
        var v = SequenceVocabulary.Fit(Docs);
        Assert.Equal([0, 0, 4, 2, 1], v.Transform(["the", "cat", "zebra"], 5));
        Assert.Equal([4, 2, 1, 0, 0], v.Transform(["the", "cat", "zebra"], 5, SequenceSide.Post));
        string[] longDoc = ["a", "cat", "sat", "dog", "the", "cat"];
        Assert.Equal([5, 4, 2], v.Transform(longDoc, 3));
        Assert.Equal([6, 2, 3], v.Transform(longDoc, 3, truncating: SequenceSide.Post));
        // TextVectorization's output_sequence_length: post for both.
        Assert.Equal([6, 2, 3], v.Transform(longDoc, 3, SequenceSide.Post, SequenceSide.Post));
        Span<int> row = stackalloc int[4];
        v.Transform(["dog"], row);
        Assert.Equal([0, 0, 0, 5], row.ToArray());
    }

    [Fact]
    public void PadSequencesAsKeras()
    {
        int[][] seqs = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10]];
        // keras.preprocessing.sequence.pad_sequences(seqs, maxlen=4)
        Assert.Equal([[0, 1, 2, 3], [0, 0, 4, 5], [7, 8, 9, 10]], SequencePadding.PadSequences(seqs, 4));
        // padding='post', truncating='post'
        Assert.Equal([[1, 2, 3, 0], [4, 5, 0, 0], [6, 7, 8, 9]], SequencePadding.PadSequences(seqs, 4, SequenceSide.Post, SequenceSide.Post));
        // maxlen=None: the longest; value=-1
        Assert.Equal([[-1, -1, 1, 2, 3], [-1, -1, -1, 4, 5], [6, 7, 8, 9, 10]], SequencePadding.PadSequences(seqs, value: -1));
        Assert.Equal([[], [], []], SequencePadding.PadSequences(seqs, 0));
        Assert.Equal([0, 0, 0], SequencePadding.Pad([], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SequencePadding.Pad([1], -1));
    }

    [Fact]
    public void FromTokensRebuildsTheSameVocabulary()
    {
        var v = SequenceVocabulary.Fit(Docs);
        var copy = SequenceVocabulary.FromTokens(v.Tokens.Skip(2));
        Assert.Equal(v.Tokens, copy.Tokens);
        Assert.Throws<ArgumentException>(() => SequenceVocabulary.FromTokens(["a", "a"]));
        Assert.Throws<ArgumentException>(() => SequenceVocabulary.FromTokens(["[UNK]"]));
    }
}
