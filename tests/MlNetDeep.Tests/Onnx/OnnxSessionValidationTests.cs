using MlNetDeep.Onnx.Runtime;

namespace MlNetDeep.Tests.Onnx;

/// <summary>Inputs are checked before ONNX Runtime runs, with errors that name the input.</summary>
public class OnnxSessionValidationTests
{
    private static OnnxSession Mlp() => OnnxSession.Open(OnnxFixture.ModelPath("mlp"));

    private static OnnxTensor Rows(int rows, int columns) => OnnxTensor.Create(new float[rows * columns], rows, columns);

    [Fact]
    public void UnknownInputNameListsTheExpectedInputs()
    {
        using var session = Mlp();
        var e = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor>
        {
            ["features"] = Rows(2, 11),
            ["feature"] = Rows(2, 11),
        }));
        Assert.Contains("Unknown input 'feature'", e.Message);
        Assert.Contains("features: Float [batch, 11]", e.Message);
    }

    [Fact]
    public void MissingInputIsNamed()
    {
        using var session = OnnxSession.Open(OnnxFixture.ModelPath("two_io"));
        var e = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["x"] = Rows(3, 4) }));
        Assert.Contains("Missing input 'ids'", e.Message);
        Assert.Contains("ids: Int64 [batch]", e.Message);
    }

    [Fact]
    public void WrongElementTypeNamesInputExpectedAndReceived()
    {
        using var session = Mlp();
        var e = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor>
        {
            ["features"] = OnnxTensor.Create(new double[22], 2, 11),
        }));
        Assert.Equal("Input 'features' expects element type Float. Received: Double (Parameter 'inputs')", e.Message);
    }

    [Fact]
    public void WrongRankNamesInputAndBothShapes()
    {
        using var session = Mlp();
        var e = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor>
        {
            ["features"] = OnnxTensor.Create(new float[11], 11),
        }));
        Assert.Equal("Input 'features' expects rank 2 (shape [batch, 11]). Received: rank 1 (shape [11]) (Parameter 'inputs')", e.Message);
    }

    [Fact]
    public void FixedDimensionMismatchNamesInputDimensionExpectedAndReceived()
    {
        using var session = Mlp();
        var e = Assert.Throws<ArgumentException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["features"] = Rows(4, 10) }));
        Assert.Equal("Input 'features' dimension 1 must be 11 (expected shape [batch, 11]). Received: 10 (shape [4, 10]) (Parameter 'inputs')", e.Message);

        using var conv = OnnxSession.Open(OnnxFixture.ModelPath("conv"));
        var c = Assert.Throws<ArgumentException>(() => conv.Run(new Dictionary<string, OnnxTensor>
        {
            ["image"] = OnnxTensor.Create(new float[2 * 3 * 8 * 8], 2, 3, 8, 8),
        }));
        Assert.Contains("Input 'image' dimension 1 must be 1", c.Message);
        Assert.Contains("Received: 3 (shape [2, 3, 8, 8])", c.Message);
    }

    [Fact]
    public void TensorChecksItsOwnShapeAndType()
    {
        var count = Assert.Throws<ArgumentException>(() => OnnxTensor.Create(new float[5], 2, 3));
        Assert.Equal("Expected 6 elements for shape [2, 3]. Received: data.Length=5 (Parameter 'data')", count.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => OnnxTensor.Create(new float[0], -1, 3));
        Assert.Contains("Received: shape[0]=-1", negative.Message);
        var type = Assert.Throws<ArgumentException>(() => OnnxTensor.Create(new decimal[1], 1));
        Assert.Contains("Received: T=Decimal", type.Message);
        var scalar = OnnxTensor.Create(new[] { 4.5f });
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, scalar.ElementCount);
        var read = Assert.Throws<InvalidOperationException>(() => scalar.ToArray<double>());
        Assert.Contains("Float", read.Message);
    }

    [Fact]
    public void OptionsRejectInvalidValuesNamingThem()
    {
        var options = new OnnxSessionOptions();
        Assert.Equal(0, options.IntraOpThreads);
        Assert.Equal(OnnxGraphOptimizationLevel.All, options.GraphOptimizationLevel);
        Assert.Equal(OnnxExecutionProvider.Cpu, options.ExecutionProvider);
        var threads = Assert.Throws<ArgumentOutOfRangeException>(() => options.IntraOpThreads = -1);
        Assert.Contains("Received: IntraOpThreads=-1", threads.Message);
        var level = Assert.Throws<ArgumentOutOfRangeException>(() => options.GraphOptimizationLevel = (OnnxGraphOptimizationLevel)5);
        Assert.Contains("Received: GraphOptimizationLevel=5", level.Message);
    }

    [Fact]
    public void DisposedSessionRefusesToRun()
    {
        var session = Mlp();
        session.Dispose();
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["features"] = Rows(1, 11) }));
    }
}
