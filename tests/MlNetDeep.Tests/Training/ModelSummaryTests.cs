using MlNetDeep.Torch.Nn;
using MlNetDeep.Training;

namespace MlNetDeep.Tests.Training;

[Collection("Training")]
public class ModelSummaryTests
{
    [Fact]
    public void DenseStackHasKerasLikeRowsAndTotals()
    {
        using var net = new Sequential(new Linear(11, 7), new Activation(ActivationKind.Relu), new Linear(7, 6), new Activation(ActivationKind.Relu),
            new Linear(6, 1), new Activation(ActivationKind.Sigmoid));
        var summary = ModelSummary.Create(net, 11);
        Assert.Equal(new long[] { 84, 0, 48, 0, 7, 0 }, summary.Rows.Select(r => r.Parameters));
        Assert.Equal(new[] { "(None, 7)", "(None, 7)", "(None, 6)", "(None, 6)", "(None, 1)", "(None, 1)" }, summary.Rows.Select(r => r.FormatShape()));
        Assert.Equal(new[] { "Linear", "Relu", "Linear", "Relu", "Linear", "Sigmoid" }, summary.Rows.Select(r => r.Type));
        Assert.Equal(139, summary.TotalParameters);
        Assert.Equal(139, summary.TrainableParameters);
        var text = summary.ToString();
        Assert.Contains("Layer (type)", text);
        Assert.Matches(@"0 \(Linear\)\s+\(None, 7\)\s+84", text);
        Assert.Contains("Total params: 139", text);
        Assert.Contains("Non-trainable params: 0", text);
        Assert.Equal(text, ModelSummary.Summary(net, 11));
    }

    [Fact]
    public void ConvolutionalShapesAndFrozenLayersAreReported()
    {
        using var conv = new Conv2d(1, 4, 3);
        using var net = new Sequential(conv, new Activation(ActivationKind.Relu), new MaxPool2d(2), new Flatten(), new Linear(4 * 13 * 13, 10));
        conv.Freeze();
        var summary = ModelSummary.Create(net, 1, 28, 28);
        Assert.Equal("(None, 4, 26, 26)", summary.Rows[0].FormatShape());
        Assert.Equal("(None, 4, 13, 13)", summary.Rows[2].FormatShape());
        Assert.Equal("(None, 676)", summary.Rows[3].FormatShape());
        Assert.Equal(4 * 9 + 4, summary.Rows[0].Parameters);
        Assert.Equal(676 * 10 + 10, summary.Rows[4].Parameters);
        Assert.Equal(40 + 6770, summary.TotalParameters);
        Assert.Equal(6770, summary.TrainableParameters);
        Assert.Equal(40, summary.NonTrainableParameters);
        Assert.Contains("Trainable params: 6,770", summary.ToString());
        Assert.Contains("Non-trainable params: 40", summary.ToString());
        Assert.True(net.IsTraining); // the summary leaves the mode as it found it
    }
}
