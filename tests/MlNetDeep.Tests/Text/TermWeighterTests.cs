using MlNetDeep.Transforms.Text;

namespace MlNetDeep.Tests.Text;

public class TermWeighterTests
{
    private static readonly string[][] Course = [["good", "boy"], ["good", "girl"], ["boy", "girl", "good"]];

    [Fact]
    public void CourseWorkedExampleUsesUnsmoothedIdf()
    {
        var v = new NgramExtractor(1).Fit(Course);
        Assert.Equal(["good", "boy", "girl"], v.SlotNames);
        Assert.Equal(0.0, v.GetInverseDocumentFrequency(0));
        Assert.Equal(Math.Log(3.0 / 2.0), v.GetInverseDocumentFrequency(1), 15);
        Assert.Equal(Math.Log(3.0 / 2.0), v.GetInverseDocumentFrequency(2), 15);

        double l = Math.Log(1.5);
        Assert.Equal([0, l, 0], v.Transform(Course[0], NgramWeighting.TfIdf).ToDense());
        Assert.Equal([0, l, l], v.Transform(Course[2], NgramWeighting.Idf).ToDense());
        Assert.Equal([0, 2 * l, 0], v.Transform(["boy", "boy", "good"], NgramWeighting.TfIdf).ToDense());
        Assert.Equal([0, l, 0], v.Transform(["boy", "boy", "good"], NgramWeighting.Idf).ToDense());
        Assert.Equal([2, 1, 0], v.Transform(["good", "good", "boy", "dog"]).ToDense());
        // A zero idf keeps its slot, as ML.NET's sparse output does.
        Assert.Equal(2, v.Transform(Course[0], NgramWeighting.TfIdf).Count);
        Assert.Equal(new float[] { 0, (float)l, 0 }, v.Transform(Course[0], NgramWeighting.TfIdf).ToDenseSingle());
    }

    [Fact]
    public void ScikitLearnFormulasOnTheCourseExample()
    {
        var v = new NgramExtractor(1).Fit(Course);
        var w = TermWeighter.ScikitLearn(v);
        // smooth idf: ln((1+3)/(1+df)) + 1
        Assert.Equal([1.0, Math.Log(4.0 / 3.0) + 1, Math.Log(4.0 / 3.0) + 1], w.Idf);
        var row = w.Transform(Course[0]).ToDense();
        double a = 1.0, b = Math.Log(4.0 / 3.0) + 1, norm = Math.Sqrt(a * a + b * b);
        TextFixture.AssertClose([a / norm, b / norm, 0], row, 1e-15, "l2 row");

        var plain = TermWeighter.ScikitLearn(v, smoothIdf: false, norm: VectorNorm.None);
        TextFixture.AssertClose([2 * 1.0, 0, 0], plain.Transform(["good", "good"]).ToDense(), 1e-15, "unsmoothed");
        var sub = TermWeighter.ScikitLearn(v, useIdf: false, sublinearTf: true, norm: VectorNorm.L1);
        double s = 1 + Math.Log(3);
        TextFixture.AssertClose([s / (s + 1), 1 / (s + 1), 0], sub.Transform(["good", "good", "good", "boy"]).ToDense(), 1e-15, "sublinear l1");
        var bin = TermWeighter.ScikitLearn(v, useIdf: false, norm: VectorNorm.None, binary: true);
        Assert.Equal([1, 1, 0], bin.Transform(["good", "good", "boy"]).ToDense());
    }

    [Fact]
    public void BagsFromAnotherVocabularyAreRejected()
    {
        var v = new NgramExtractor(1).Fit(Course);
        var other = new NgramExtractor(2).Fit(Course);
        var e = Assert.Throws<ArgumentException>(() => TermWeighter.MlNet(v, NgramWeighting.TfIdf).Apply(other.CountNgrams(Course[0])));
        Assert.Equal("counts", e.ParamName);
    }
}
