using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class TextNormalizerTests
{
    [Fact]
    public void DefaultsAreMlNetsAndRemoveDiacritics()
    {
        var n = new TextNormalizer();
        Assert.Equal(CaseMode.Lower, n.CaseMode);
        Assert.False(n.KeepDiacritics);
        Assert.True(n.KeepPunctuations);
        Assert.True(n.KeepNumbers);
        Assert.Equal("creme brulee", n.Normalize("Crème Brûlée"));
        Assert.Equal("ça va? 42!", new TextNormalizer(keepDiacritics: true).Normalize("Ça va? 42!"));
        Assert.Equal("ca va? 42!", n.Normalize("Ça va? 42!"));
    }

    [Fact]
    public void DiacriticsFollowCanonicalDecomposition()
    {
        var keepCase = new TextNormalizer(CaseMode.None);
        // The Latin-1 part of ML.NET's table.
        Assert.Equal("AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyy",
            keepCase.Normalize("ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ"));
        // Multiple marks, Greek tonos, Cyrillic short i, Vietnamese, a decomposed sequence.
        Assert.Equal("uΑИeoe", keepCase.Normalize("ǖΆЙếộe\u0301"));
        // No decomposition: kept, as ML.NET.
        Assert.Equal("øßæ", keepCase.Normalize("øßæ"));
    }

    [Fact]
    public void PunctuationAndNumbersAreRemovedOnRequest()
    {
        var noPunct = new TextNormalizer(keepPunctuations: false);
        Assert.Equal("hello world yes its 3+4 £150", noPunct.Normalize("Hello, World! (yes) it's 3+4 £1.50"));
        var noNumbers = new TextNormalizer(keepNumbers: false);
        Assert.Equal("call  now,  price", noNumbers.Normalize("Call 0800 now, ½ price²"));
        var neither = new TextNormalizer(CaseMode.Upper, keepPunctuations: false, keepNumbers: false);
        Assert.Equal("ROOM  CAFE", neither.Normalize("Room 101: café…"));
    }

    [Fact]
    public void CaseModes()
    {
        Assert.Equal("MIXED CASE", new TextNormalizer(CaseMode.Upper).Normalize("MiXed Case"));
        Assert.Equal("MiXed Case", new TextNormalizer(CaseMode.None).Normalize("MiXed Case"));
    }

    [Fact]
    public void UnchangedTextIsReturnedAsIs()
    {
        var text = "already normal";
        Assert.Same(text, new TextNormalizer().Normalize(text));
        Assert.Equal("", new TextNormalizer().Normalize(""));
    }

    [Fact]
    public void SpanOverloadWritesIntoDestination()
    {
        var n = new TextNormalizer(keepPunctuations: false);
        Span<char> dst = stackalloc char[16];
        int written = n.Normalize("A.B,c!".AsSpan(), dst);
        Assert.Equal("abc", dst[..written].ToString());
        Assert.Throws<ArgumentException>(() => n.Normalize("toolong".AsSpan(), new char[3]));
    }

    [Fact]
    public void TokenVectorsDropTokensThatBecomeEmpty()
    {
        var n = new TextNormalizer(keepPunctuations: false);
        Assert.Equal(["hello", "world"], n.Normalize(["Hello", "!!!", "Wörld"]));
    }

    [Fact]
    public void BadCaseModeIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TextNormalizer((CaseMode)7));
        Assert.Equal("caseMode", e.ParamName);
    }
}
