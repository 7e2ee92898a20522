namespace MlNetDeep.Trainers;

/// <summary>What a deep trainer predicts; decides the label encoding, the output layer, the default loss and the output columns.</summary>
public enum DeepTask
{
    /// <summary>A bool label; one logit out; columns Score (logit), Probability, PredictedLabel.</summary>
    BinaryClassification,
    /// <summary>A key or text label; one logit per class; columns Score (softmax probabilities) and PredictedLabel (a key).</summary>
    MulticlassClassification,
    /// <summary>A float label; one value out; column Score.</summary>
    Regression,
}
