namespace MlNetDeep;

/// <summary>An (output, input) column name pair for multi-column transforms, as ML.NET's class; the input defaults to the output name.</summary>
public sealed class InputOutputColumnPair
{
    /// <summary>Creates a pair.</summary>
    public InputOutputColumnPair(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
    }

    /// <summary>The column written.</summary>
    public string OutputColumnName { get; }
    /// <summary>The column read.</summary>
    public string InputColumnName { get; }
}
