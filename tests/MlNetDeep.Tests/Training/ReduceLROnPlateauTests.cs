using MlNetDeep.Torch.Nn;
using MlNetDeep.Torch.Optim;
using MlNetDeep.Training;
using KerasPlateau = MlNetDeep.Training.ReduceLROnPlateau;

namespace MlNetDeep.Tests.Training;

/// <summary>Keras' ReduceLROnPlateau callback, driven with scripted monitored values.</summary>
[Collection("Training")]
public class ReduceLROnPlateauTests
{
    private static List<double> Drive(KerasPlateau callback, params double[] values)
    {
        using var model = new Linear(2, 1);
        using var optimizer = new SGD(model.Parameters(), lr: 1.0);
        var context = new TrainingContext(model, optimizer);
        callback.OnTrainBegin(context);
        var rates = new List<double>();
        for (int epoch = 0; epoch < values.Length; epoch++)
        {
            callback.OnEpochEnd(context, epoch, new Dictionary<string, double> { ["val_loss"] = values[epoch] });
            rates.Add(optimizer.LearningRate);
        }
        return rates;
    }

    [Fact]
    public void ReducesAfterPatienceEpochsWithoutImprovement()
    {
        // Keras: wait counts bad epochs; at wait ≥ patience the rate is multiplied by factor and wait restarts.
        var rates = Drive(new KerasPlateau(factor: 0.5, patience: 2), 1.0, 1.0, 1.0, 1.0, 1.0, 0.5);
        Assert.Equal(new[] { 1.0, 1.0, 0.5, 0.5, 0.25, 0.25 }, rates);
    }

    [Fact]
    public void MinDeltaAndMinLrAndCooldownFollowKeras()
    {
        // 0.99995 is not an improvement on 1.0 by more than 1e-4.
        Assert.Equal(new[] { 1.0, 0.1 }, Drive(new KerasPlateau(patience: 1), 1.0, 0.99995));
        // Never below minLr.
        Assert.Equal(new[] { 1.0, 0.3, 0.3, 0.3 }, Drive(new KerasPlateau(factor: 0.1, patience: 1, minLr: 0.3), 1, 1, 1, 1));
        // Cooldown 2: the counter drops at each epoch end and bad epochs count again once it is 0 (Keras).
        Assert.Equal(new[] { 1.0, 0.5, 0.5, 0.25, 0.25 }, Drive(new KerasPlateau(factor: 0.5, patience: 1, cooldown: 2), 1, 1, 1, 1, 1));
        Assert.Throws<ArgumentException>(() => new KerasPlateau(factor: 1.0));
    }
}
