namespace MlNetDeep.Trainers;

/// <summary>The loss a deep trainer minimises; <see cref="Default"/> picks by task (BCE with logits, sparse categorical cross-entropy, MSE).</summary>
public enum LossKind
{
    /// <summary>By task: binary → BinaryCrossEntropy, multiclass → SparseCategoricalCrossEntropy, regression → MeanSquaredError.</summary>
    Default,
    /// <summary>Binary cross-entropy on the logit (numerically stable sigmoid + BCE).</summary>
    BinaryCrossEntropy,
    /// <summary>Cross-entropy of the softmax of the logits against class indices.</summary>
    SparseCategoricalCrossEntropy,
    /// <summary>Mean squared error.</summary>
    MeanSquaredError,
    /// <summary>Mean absolute error.</summary>
    MeanAbsoluteError,
    /// <summary>Huber loss (delta 1).</summary>
    Huber,
}
