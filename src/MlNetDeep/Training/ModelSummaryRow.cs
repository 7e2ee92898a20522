namespace MlNetDeep.Training;

/// <summary>One layer of a <see cref="ModelSummary"/>.</summary>
public sealed class ModelSummaryRow
{
    internal ModelSummaryRow(string name, string type, IReadOnlyList<long?> outputShape, long parameters, long trainableParameters)
    {
        Name = name;
        Type = type;
        OutputShape = outputShape;
        Parameters = parameters;
        TrainableParameters = trainableParameters;
    }

    /// <summary>The layer's index in a <see cref="MlNetDeep.Torch.Nn.Sequential"/> (its parameters' name prefix).</summary>
    public string Name { get; }

    /// <summary>The layer's type, e.g. "Linear" or "Relu".</summary>
    public string Type { get; }

    /// <summary>The output shape with the batch dimension as null (Keras' None).</summary>
    public IReadOnlyList<long?> OutputShape { get; }

    public long Parameters { get; }
    public long TrainableParameters { get; }

    /// <summary>"(None, 16)".</summary>
    public string FormatShape() => "(" + string.Join(", ", OutputShape.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None")) + ")";
}
