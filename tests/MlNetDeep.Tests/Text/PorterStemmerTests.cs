using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class PorterStemmerTests
{
    [Theory]
    [InlineData("information", "inform")]
    [InlineData("computers", "comput")]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("agreed", "agre")]
    [InlineData("controll", "control")]
    [InlineData("Running", "run")]
    public void CourseAndPaperExamples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void MatchesNltkOriginalAlgorithmOnSmsWords()
    {
        var f = TextFixture.Load("text_porter.json");
        var words = f.GetProperty("words").Strings();
        var stems = f.GetProperty("stems").Strings();
        Assert.True(words.Length > 2000);
        var wrong = words.Select((w, i) => (w, expected: stems[i], actual: PorterStemmer.Stem(w)))
            .Where(x => x.expected != x.actual).Take(10).ToList();
        Assert.True(wrong.Count == 0, "Differs from NLTK: " + string.Join(", ", wrong.Select(x => $"{x.w}→{x.actual} (NLTK {x.expected})")));
        Assert.Equal(stems.Take(5), PorterStemmer.Stem(words.Take(5).ToArray()));
    }
}
