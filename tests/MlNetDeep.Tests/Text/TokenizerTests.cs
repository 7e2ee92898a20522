using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void WordsSplitOnSpaceByDefault()
    {
        var t = new WordTokenizer();
        Assert.Equal([' '], t.Separators);
        Assert.Equal(["the", "quick", "brown", "fox"], t.Tokenize("  the quick  brown fox "));
        // A tab is not a default separator (ML.NET).
        Assert.Equal(["a\tb", "c"], t.Tokenize("a\tb c"));
        Assert.Empty(t.Tokenize(""));
        Assert.Empty(t.Tokenize("    "));
    }

    [Fact]
    public void CustomSeparatorsTrimSpacesAndDropEmptyPieces()
    {
        var t = new WordTokenizer([',', '-']);
        Assert.Equal(["a", "b", "c", "d e"], t.Tokenize("a, b - c,,d e"));
        Assert.Throws<ArgumentException>(() => new WordTokenizer([]));
    }

    [Fact]
    public void VectorInputConcatenatesWords()
    {
        Assert.Equal(["a", "b", "c"], new WordTokenizer().Tokenize(["a b", "", "c"]));
    }

    [Fact]
    public void RangesPointIntoTheText()
    {
        var ranges = new List<Range>();
        var text = " ab  cde f";
        Assert.Equal(3, new WordTokenizer().Tokenize(text.AsSpan(), ranges));
        Assert.Equal(["ab", "cde", "f"], ranges.Select(r => text[r]).ToArray());
    }

    [Fact]
    public void CharactersWithMarkers()
    {
        var t = new CharacterTokenizer();
        Assert.True(t.UseMarkerCharacters);
        Assert.Equal(new ushort[] { 2, 'a', 'b', 3 }, t.Tokenize("ab"));
        Assert.Empty(t.Tokenize(""));
        Assert.Equal(new ushort[] { 'a', 'b' }, new CharacterTokenizer(false).Tokenize("ab"));
    }

    [Fact]
    public void CharacterVectorsAreOneStreamWithUnitSeparators()
    {
        var t = new CharacterTokenizer();
        Assert.Equal(new ushort[] { 2, 'a', 'b', 0x1F, 'c', 3 }, t.Tokenize(["ab", "", "c"]));
        // ML.NET tests the position, not whether something was written before.
        Assert.Equal(new ushort[] { 2, 0x1F, 'x', 3 }, t.Tokenize(["", "x"]));
        Assert.Equal(new ushort[] { 2, 3 }, t.Tokenize(["", ""]));
        Assert.Equal(new ushort[] { 'a', 0x1F, 'b' }, new CharacterTokenizer(false).Tokenize(["a", "b"]));
    }

    [Fact]
    public void CharacterKeyValuesAreMlNetsDisplayNames()
    {
        Assert.Equal("<␂>", CharacterTokenizer.GetKeyValue(2));
        Assert.Equal("<␃>", CharacterTokenizer.GetKeyValue(3));
        Assert.Equal("<␠>", CharacterTokenizer.GetKeyValue(' '));
        Assert.Equal("<␡>", CharacterTokenizer.GetKeyValue(0x7F));
        Assert.Equal("<NEL>", CharacterTokenizer.GetKeyValue(0x85));
        Assert.Equal("<APC>", CharacterTokenizer.GetKeyValue(0x9F));
        Assert.Equal("é", CharacterTokenizer.GetKeyValue('é'));
        Assert.Throws<ArgumentOutOfRangeException>(() => CharacterTokenizer.GetKeyValue(0));
        Assert.Equal("\u0002hi\u0003", CharacterTokenizer.ToText(new CharacterTokenizer().Tokenize("hi")));
    }
}
