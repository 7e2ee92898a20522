namespace MlNetDeep.Trainers;

/// <summary>The optimizers of <c>MlNetDeep.Torch.Optim</c>, by name, for <see cref="DeepTrainerOptions.Optimizer"/>.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent (momentum 0).</summary>
    Sgd,
    /// <summary>Adam.</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
    /// <summary>Adam with the infinity norm.</summary>
    Adamax,
    /// <summary>Adam with Nesterov momentum.</summary>
    NAdam,
    /// <summary>RMSprop.</summary>
    RMSprop,
    /// <summary>Adagrad.</summary>
    Adagrad,
    /// <summary>Adadelta.</summary>
    Adadelta,
    /// <summary>FTRL-proximal.</summary>
    Ftrl,
}
