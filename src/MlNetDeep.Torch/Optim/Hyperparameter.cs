using System.Globalization;
using System.Runtime.CompilerServices;

namespace MlNetDeep.Torch.Optim;

/// <summary>
/// Argument checks shared by optimizers, schedules and clipping. They run in every build
/// configuration and throw <see cref="ArgumentOutOfRangeException"/> naming the parameter,
/// what was expected and what was received, Keras style: "Expected lr >= 0. Received: lr=-1".
/// </summary>
internal static class Hyperparameter
{
    /// <summary>value ≥ 0 (NaN fails).</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value >= 0 ? value : throw Fail(name, value, $"{name} >= 0");

    /// <summary>value &gt; 0 (NaN fails).</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value > 0 ? value : throw Fail(name, value, $"{name} > 0");

    /// <summary>value ≤ 0 (NaN fails).</summary>
    public static double NonPositive(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value <= 0 ? value : throw Fail(name, value, $"{name} <= 0");

    /// <summary>0 ≤ value &lt; 1, the range of a decay rate such as Adam's betas.</summary>
    public static double UnitInterval(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value >= 0 && value < 1 ? value : throw Fail(name, value, $"0 <= {name} < 1");

    /// <summary>0 ≤ value ≤ 1.</summary>
    public static double ClosedUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value >= 0 && value <= 1 ? value : throw Fail(name, value, $"0 <= {name} <= 1");

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value >= 0 ? value : throw Fail(name, value, $"{name} >= 0");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        value > 0 ? value : throw Fail(name, value, $"{name} > 0");

    public static ArgumentOutOfRangeException Fail(string name, object value, string expected) =>
        new(name, value, $"Expected {expected}. Received: {name}={Format(value)}");

    public static string Format(object value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
