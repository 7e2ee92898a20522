namespace MlNetDeep.Data;

/// <summary>
/// Input checks shared by the evaluators. Each throws an <see cref="ArgumentException"/> that names
/// the argument, the row and the value received, in every build configuration.
/// </summary>
internal static class EvaluatorChecks
{
    public static void SameLength(int expected, string expectedName, int actual, string actualName)
    {
        if (actual != expected)
            throw new ArgumentException(
                $"Expected {actualName} to have one value per row of {expectedName} ({expected} rows). Received: {actualName}.Length={actual}.",
                actualName);
    }

    public static void NotEmpty(int rows, string name)
    {
        if (rows == 0)
            throw new ArgumentException($"Expected at least one row to evaluate. Received: {name}.Length=0.", name);
    }

    public static void Finite(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException($"Expected finite values. Received: {name}[{i}]={Show(values[i])}.", name);
    }

    /// <summary>Checks a row-major matrix of <paramref name="width"/> columns, naming row and column of a bad value.</summary>
    public static void Finite(ReadOnlySpan<float> values, int width, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(
                    $"Expected finite values. Received: {name}[row {i / width}, column {i % width}]={Show(values[i])}.", name);
    }

    public static void NotNaN(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (float.IsNaN(values[i]))
                throw new ArgumentException($"Expected a label on every row. Received: {name}[{i}]=NaN.", name);
    }

    public static void Probabilities(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0f && values[i] <= 1f))
                throw new ArgumentException($"Expected probabilities between 0 and 1. Received: {name}[{i}]={Show(values[i])}.", name);
    }

    public static void ClassIndices(ReadOnlySpan<int> values, int classCount, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (values[i] < 0 || values[i] >= classCount)
                throw new ArgumentException(
                    $"Expected class indices between 0 and {classCount - 1}. Received: {name}[{i}]={values[i]}.", name);
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"Expected a positive number. Received: {name}={value}.");
    }

    /// <summary>The matrix <paramref name="values"/> must hold <paramref name="width"/> values for each of <paramref name="rows"/> rows.</summary>
    public static void MatrixShape(ReadOnlySpan<float> values, int rows, int width, string name, string rowsName)
    {
        if ((long)rows * width != values.Length)
            throw new ArgumentException(
                $"Expected {name} to hold {width} values for each of the {rows} rows of {rowsName} ({(long)rows * width} values). Received: {name}.Length={values.Length}.",
                name);
    }

    private static string Show(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
