namespace MlNetDeep.Training;

/// <summary>How much the training loop prints.</summary>
public enum Verbosity
{
    /// <summary>Nothing is printed (warnings are still recorded in <see cref="History.Warnings"/>).</summary>
    Silent = 0,
    /// <summary>One plain line per epoch: "Epoch 3/20 - loss: 0.4123 - accuracy: 0.8211 - val_loss: ... - lr: 0.01 - 0.8s".</summary>
    Line = 1,
    /// <summary>A progress bar per epoch (Spectre.Console), ending with the same figures as <see cref="Line"/>.</summary>
    ProgressBar = 2,
    /// <summary>A progress bar when the console is interactive and not redirected, a plain line per epoch otherwise.</summary>
    Auto = 3,
}
