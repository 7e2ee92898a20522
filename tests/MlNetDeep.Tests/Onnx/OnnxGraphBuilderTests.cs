using MlNetDeep.Onnx;
using P = global::Onnx;

namespace MlNetDeep.Tests.Onnx;

public class OnnxGraphBuilderTests
{
    private static P.ModelProto Parse(OnnxGraphBuilder g) => P.ModelProto.Parser.ParseFrom(g.ToBytes());

    [Fact]
    public void Model_states_opset_13_ir_7_and_producer()
    {
        var g = new OnnxGraphBuilder();
        var x = g.AddInput("x", OnnxDataType.Float, 3);
        g.AddOutput(g.AddNode("Relu", new[] { x }), "y", OnnxDataType.Float, new long[] { 3 });
        var m = Parse(g);
        Assert.Equal(7, m.IrVersion);
        Assert.Equal("MlNetDeep", m.ProducerName);
        var opset = Assert.Single(m.OpsetImport);
        Assert.Equal("", opset.Domain);
        Assert.Equal(13, opset.Version);
    }

    [Fact]
    public void Inputs_have_a_symbolic_batch_dimension_and_minus_one_is_dynamic()
    {
        var g = new OnnxGraphBuilder();
        g.AddInput("seq", OnnxDataType.Int64, -1, 8);
        var input = Assert.Single(Parse(g).Graph.Input);
        Assert.Equal((int)P.TensorProto.Types.DataType.Int64, input.Type.TensorType.ElemType);
        var dims = input.Type.TensorType.Shape.Dim;
        Assert.Equal(3, dims.Count);
        Assert.Equal("batch", dims[0].DimParam);
        Assert.Equal("seq_dim1", dims[1].DimParam);
        Assert.Equal(8, dims[2].DimValue);
    }

    [Fact]
    public void Names_are_made_unique_with_numeric_suffixes()
    {
        var g = new OnnxGraphBuilder();
        Assert.Equal("w", g.UniqueName("w"));
        Assert.Equal("w_1", g.UniqueName("w"));
        Assert.Equal("w_2", g.AddInitializer("w", new[] { 1f }, 1));
        var x = g.AddInput("x", OnnxDataType.Float, 2);
        var a = g.AddNode("Relu", new[] { x });
        var b = g.AddNode("Relu", new[] { a });
        Assert.Equal("Relu", a);
        Assert.Equal("Relu_1", b);
        Assert.Throws<ArgumentException>(() => g.AddInput("x", OnnxDataType.Float, 2));
    }

    [Fact]
    public void Float_initializers_are_little_endian_raw_data()
    {
        var g = new OnnxGraphBuilder();
        g.AddInitializer("c", new[] { 1.5f, -2f }, 2, 1);
        g.AddInitializer("s", new[] { 3L }); // a scalar: no dims
        var init = Parse(g).Graph.Initializer;
        Assert.Equal((int)P.TensorProto.Types.DataType.Float, init[0].DataType);
        Assert.Equal(new long[] { 2, 1 }, init[0].Dims.ToArray());
        Assert.Equal(new byte[] { 0, 0, 0xC0, 0x3F, 0, 0, 0, 0xC0 }, init[0].RawData.ToByteArray());
        Assert.Empty(init[1].Dims);
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0 }, init[1].RawData.ToByteArray());
    }

    [Fact]
    public void Initializer_from_tensor_keeps_shape_and_values()
    {
        var g = new OnnxGraphBuilder();
        using var t = MlNetDeep.Torch.Torch.Tensor(new[] { 1.0, 2.5, -3.0, 4.0, 5.0, 6.0 }, new long[] { 2, 3 });
        g.AddInitializer("t", t);
        var init = Assert.Single(Parse(g).Graph.Initializer);
        Assert.Equal(new long[] { 2, 3 }, init.Dims.ToArray());
        var values = Enumerable.Range(0, 6).Select(i => BitConverter.ToSingle(init.RawData.Span.Slice(i * 4, 4))).ToArray();
        Assert.Equal(new[] { 1f, 2.5f, -3f, 4f, 5f, 6f }, values);
    }

    [Fact]
    public void Rejects_unknown_inputs_and_mismatched_initializer_sizes()
    {
        var g = new OnnxGraphBuilder();
        var e = Assert.Throws<ArgumentException>(() => g.AddNode("Relu", new[] { "nothing" }));
        Assert.Contains("nothing", e.Message);
        Assert.Throws<ArgumentException>(() => g.AddInitializer("w", new[] { 1f, 2f }, 3));
    }

    [Fact]
    public void Output_with_another_name_is_an_identity_of_the_value()
    {
        var g = new OnnxGraphBuilder();
        var x = g.AddInput("x", OnnxDataType.Float, 2);
        g.AddOutput(g.AddNode("Sigmoid", new[] { x }), "Probability", OnnxDataType.Float, new long[] { 2 });
        var m = Parse(g);
        Assert.Equal(new[] { "Sigmoid", "Identity" }, m.Graph.Node.Select(n => n.OpType));
        Assert.Equal("Probability", m.Graph.Node[1].Output[0]);
        Assert.Equal("Probability", Assert.Single(m.Graph.Output).Name);
    }
}
