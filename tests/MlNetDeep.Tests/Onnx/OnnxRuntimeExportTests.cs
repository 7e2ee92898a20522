using MlNetDeep.Onnx;
using MlNetDeep.Onnx.Runtime;
using MlNetDeep.Torch;
using MlNetDeep.Torch.Nn;
using TorchApi = MlNetDeep.Torch.Torch;

namespace MlNetDeep.Tests.Onnx;

/// <summary>
/// Every exported test network, run by ONNX Runtime through MlNetDeep's binding, gives MlNetDeep's own
/// (libtorch) forward to 1e-5 absolute, at two batch sizes (the batch dimension is dynamic) and, for the
/// LSTM classifier, two sequence lengths.
/// </summary>
public class OnnxRuntimeExportTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in OnnxTestModels.All) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnnxRuntime_output_equals_MlNetDeep_forward(string name)
    {
        var c = OnnxTestModels.Get(name);
        using var module = OnnxTestModels.Create(c);
        using var stream = new MemoryStream();
        ModuleExporter.Export(module, stream, c.InputShape, "features", "score");
        using var session = OnnxSession.FromBytes(stream.ToArray());
        var rowShape = c.SampleShape ?? c.InputShape;
        foreach (var (batch, dynamicSize) in new[] { (1L, 4L), (6L, 9L) })
        {
            using var scope = TorchApi.NewDisposeScope();
            using var noGrad = TorchApi.NoGrad();
            var shape = new[] { batch }.Concat(c.InputShape.Select((d, i) => d == -1 ? dynamicSize : rowShape[i])).ToArray();
            var embedding = module is Sequential { Layers: [Embedding emb, ..] } ? emb : null;
            var x = embedding is not null
                ? (TorchApi.Rand(shape) * embedding.NumEmbeddings).To(ScalarType.Int64)
                : TorchApi.Randn(shape) * 2.0;
            var expected = module.Forward(x);
            var input = embedding is not null ? OnnxTensor.Create(x.ToArray<long>(), shape) : OnnxTensor.Create(x.ToArray<float>(), shape);
            var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["features"] = input });
            var actual = outputs["score"];
            Assert.Equal(expected.Shape, actual.Shape.ToArray());
            var e = expected.ToArray<float>();
            var a = actual.ToArray<float>();
            for (int i = 0; i < e.Length; i++)
                if (!(Math.Abs(e[i] - a[i]) <= 1e-5))
                    Assert.Fail($"{name}, batch {batch}: element {i} is {a[i]:R} from ONNX Runtime, {e[i]:R} from MlNetDeep");
        }
    }
}
