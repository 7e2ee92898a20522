using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class StopWordsTests
{
    [Fact]
    public void EnglishIsScikitLearnsList()
    {
        var expected = TextFixture.Load("text_stopwords.json").GetProperty("english").Strings();
        Assert.Equal(318, expected.Length);
        Assert.Equal(expected, StopWords.English.Words);
    }

    [Fact]
    public void RemovalIsCaseInsensitiveAndKeepsOriginalTokens()
    {
        Assert.Equal(["Test", "STOP", "words"], StopWords.English.Remove(["This", "is", "a", "Test", "OF", "STOP", "", "words"]));
        Assert.True(StopWords.English.Contains("THE"));
        Assert.False(StopWords.English.Contains("cat"));
        Assert.False(StopWords.English.Contains(""));
    }

    [Fact]
    public void CustomListsAreTrimmedAndLowerCased()
    {
        var s = new StopWords([" Foo ", "BAR", ""]);
        Assert.Equal(2, s.Count);
        Assert.Equal(["bar", "foo"], s.Words);
        Assert.Equal(["baz", "the"], s.Remove(["foo", "Bar", "baz", "FOO", "the"]));
        Assert.Throws<ArgumentException>(() => new StopWords(["", "  "]));
    }
}
