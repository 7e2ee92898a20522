using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Tests.Onnx;

/// <summary>Models exported from PyTorch, run through MlNetDeep's ONNX Runtime binding, give
/// PyTorch's outputs.</summary>
public class OnnxSessionGoldenTests
{
    [Theory]
    [InlineData("mlp")]
    [InlineData("conv")]
    [InlineData("lstm")]
    [InlineData("two_io")]
    [InlineData("element_types")]
    public void OutputsMatchPyTorch(string model)
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath(model));
        int cases = 0;
        foreach (var (inputs, expected) in OnnxFixture.Cases(model, session))
        {
            var outputs = session.Run(inputs);
            Assert.Equal(session.Outputs.Select(o => o.Name), outputs.Keys);
            foreach (var (name, reference) in expected)
            {
                Assert.Equal(session.Outputs.Single(o => o.Name == name).ElementType, outputs[name].ElementType);
                OnnxFixture.AssertClose(reference, outputs[name], 1e-5, $"{model} case {cases} output '{name}'");
            }
            cases++;
        }
        Assert.True(cases > 0);
    }

    [Fact]
    public void MlpRunsDynamicBatchesOf1And7And64Rows()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("mlp"));
        var batches = new List<long>();
        foreach (var (inputs, expected) in OnnxFixture.Cases("mlp", session))
        {
            var output = session.Run(inputs)["probability"];
            batches.Add(output.Shape[0]);
            Assert.Equal(new long[] { inputs["features"].Shape[0], 1 }, output.Shape);
            OnnxFixture.AssertClose(expected["probability"], output, 1e-5, $"batch {output.Shape[0]}");
        }
        Assert.Equal(new long[] { 1, 7, 64 }, batches);
    }

    [Fact]
    public void LstmAcceptsSequencesOfAnyLength()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("lstm"));
        Assert.Equal(new long[] { -1, -1, 3 }, session.Inputs[0].Shape);
        Assert.Equal(new[] { "batch", "steps", "" }, session.Inputs[0].SymbolicDimensions);
        var steps = OnnxFixture.Cases("lstm", session).Select(c => c.Inputs["sequence"].Shape[1]).ToArray();
        Assert.Equal(new long[] { 4, 9 }, steps);
    }

    [Fact]
    public void MetadataListsNamesTypesAndShapes()
    {
        using var mlp = OnnxSession.Open(OnnxFixture.ModelPath("mlp"));
        var input = Assert.Single(mlp.Inputs);
        Assert.Equal("features", input.Name);
        Assert.True(input.IsTensor);
        Assert.Equal(OnnxElementType.Float, input.ElementType);
        Assert.Equal(new long[] { -1, 11 }, input.Shape);
        Assert.Equal(new[] { "batch", "" }, input.SymbolicDimensions);
        Assert.Equal("features: Float [batch, 11]", input.ToString());
        var output = Assert.Single(mlp.Outputs);
        Assert.Equal("probability", output.Name);
        Assert.Equal(new long[] { -1, 1 }, output.Shape);

        using var two = OnnxSession.Open(OnnxFixture.ModelPath("two_io"));
        Assert.Equal(new[] { "x", "ids" }, two.Inputs.Select(i => i.Name));
        Assert.Equal(new[] { OnnxElementType.Float, OnnxElementType.Int64 }, two.Inputs.Select(i => i.ElementType));
        Assert.Equal(new[] { "y", "next_ids" }, two.Outputs.Select(o => o.Name));
        Assert.Equal(new[] { OnnxElementType.Float, OnnxElementType.Int64 }, two.Outputs.Select(o => o.ElementType));
        Assert.Equal(new long[] { -1 }, two.Inputs[1].Shape);

        using var conv = OnnxSession.Open(OnnxFixture.ModelPath("conv"));
        Assert.Equal(new long[] { -1, 1, 8, 8 }, conv.Inputs[0].Shape);

        using var types = OnnxSession.Open(OnnxFixture.ModelPath("element_types"));
        Assert.Equal(new[] { OnnxElementType.Double, OnnxElementType.Int32, OnnxElementType.Bool }, types.Inputs.Select(i => i.ElementType));
    }

    [Fact]
    public void ElementTypesRoundTripExactly()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("element_types"));
        var d = new[] { 0.1, -2.0, 1e300, 3.25 };
        var i = new[] { int.MaxValue / 3, -7, 0, 123456 };
        var m = new[] { true, false, false, true };
        var outputs = session.Run(new Dictionary<string, OnnxTensor>
        {
            ["d"] = OnnxTensor.Create(d, 2, 2),
            ["i"] = OnnxTensor.Create(i, 2, 2),
            ["m"] = OnnxTensor.Create(m, 2, 2),
        });
        Assert.Equal(d.Select(x => x * 2.5 - 1.0), outputs["d_out"].ToArray<double>());
        Assert.Equal(i.Select(x => x * 3 + 1), outputs["i_out"].ToArray<int>());
        Assert.Equal(m.Select(x => !x), outputs["m_out"].ToArray<bool>());
        Assert.Equal(new long[] { 2, 2 }, outputs["m_out"].Shape);
    }

    [Fact]
    public void StringTensorsGoInAndComeOut()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("strings"));
        Assert.Equal("words: String [count]", session.Inputs[0].ToString());
        Assert.Equal("picked: String [picks]", session.Outputs[0].ToString());
        var (inputs, expected) = OnnxFixture.Cases("strings", session).Single();
        var output = session.Run(inputs)["picked"];
        Assert.Equal(OnnxElementType.String, output.ElementType);
        Assert.Equal(new long[] { 7 }, output.Shape);
        var expectedWords = expected["picked"].GetProperty("data").EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.Equal(expectedWords, output.ToStringArray());
        Assert.Equal(new[] { "naïve café", "The", "Über", "", "brown fox", "brown fox", "quick" }, output.ToStringArray());
        var wrong = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor>
        {
            ["words"] = OnnxTensor.Create(new float[2], 2),
            ["order"] = OnnxTensor.Create(new long[] { 0 }, 1),
        }));
        Assert.Contains("Input 'words' expects element type String. Received: Float", wrong.Message);
    }

    [Fact]
    public void RunWithChosenOutputsReturnsOnlyThoseInTheOrderAsked()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("two_io"));
        var (inputs, expected) = OnnxFixture.Cases("two_io", session).First();
        var outputs = session.Run(inputs, ["next_ids"]);
        Assert.Equal(new[] { "next_ids" }, outputs.Keys);
        Assert.Equal(OnnxFixture.Values(expected["next_ids"]).Select(x => (long)x), outputs["next_ids"].ToArray<long>());
        var both = session.Run(inputs, ["next_ids", "y"]);
        Assert.Equal(new[] { "next_ids", "y" }, both.Keys);
        var e = Assert.Throws<ArgumentException>(() => session.Run(inputs, ["z"]));
        Assert.Contains("'z'", e.Message);
        Assert.Contains("next_ids", e.Message);
        var twice = Assert.Throws<ArgumentException>(() => session.Run(inputs, ["y", "y"]));
        Assert.Contains("Received: 'y' twice", twice.Message);
    }

    [Fact]
    public void FromBytesAndEveryOptionGiveTheSameOutputs()
    {
        var path = OnnxFixture.ModelPath("conv");
        using var reference = OnnxSession.Open(path);
        var (inputs, expected) = OnnxFixture.Cases("conv", reference).Last();
        using var fromBytes = OnnxSession.FromBytes(File.ReadAllBytes(path));
        OnnxFixture.AssertClose(expected["probabilities"], fromBytes.Run(inputs)["probabilities"], 1e-5, "from bytes");
        foreach (var level in Enum.GetValues<OnnxGraphOptimizationLevel>())
        {
            var options = new OnnxSessionOptions { GraphOptimizationLevel = level, IntraOpThreads = 1, InterOpThreads = 1 };
            using var session = OnnxSession.Open(path, options);
            OnnxFixture.AssertClose(expected["probabilities"], session.Run(inputs)["probabilities"], 1e-5, $"level {level}");
        }
    }
}
