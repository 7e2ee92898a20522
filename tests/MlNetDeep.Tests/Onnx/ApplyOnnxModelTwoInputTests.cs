using MlNetDeep.Data;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Tests.Support;
using MlNetDeep.Transforms.Onnx;

namespace MlNetDeep.Tests.Onnx;

/// <summary>ApplyOnnxModel on the PyTorch-exported two-input, two-output model (Fixtures/onnx):
/// a float vector column and an Int64 scalar column in, a Vector&lt;Single, 3&gt; and an Int64
/// scalar column out, equal to PyTorch's outputs.</summary>
public sealed class ApplyOnnxModelTwoInputTests
{
    public sealed class Pair
    {
        [VectorType(4)] public float[] x { get; set; } = [];
        public long ids { get; set; }
    }

    [Theory]
    [InlineData(256)]
    [InlineData(4)]
    public void Two_inputs_and_two_outputs_equal_PyTorch(int batchSize)
    {
        using var probe = OnnxSession.Open(OnnxFixture.ModelPath("two_io"));
        var (inputs, expected) = OnnxFixture.Cases("two_io", probe).First();
        var x = inputs["x"].ToArray<float>();
        var ids = inputs["ids"].ToArray<long>();
        var rows = ids.Select((id, r) => new Pair { x = x.AsSpan(r * 4, 4).ToArray(), ids = id }).ToList();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = ml.Transforms.ApplyOnnxModel(new OnnxOptions
        {
            ModelFile = OnnxFixture.ModelPath("two_io"), InputColumns = ["x", "ids"], OutputColumns = ["next_ids", "y"], BatchSize = batchSize,
        }).Fit(data);
        var scored = model.Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["y"].Type);
        Assert.Equal(NumberDataViewType.Int64, scored.Schema["next_ids"].Type);
        Assert.Equal(OnnxFixture.Values(expected["next_ids"]).Select(v => (long)v), TestData.Column<long>(scored, "next_ids"));
        TestData.AssertClose(OnnxFixture.Values(expected["y"]), TestData.Vectors(scored, "y").SelectMany(v => v).Select(v => (double)v).ToArray(), what: "y");
    }
}
