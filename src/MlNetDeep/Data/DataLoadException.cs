namespace MlNetDeep.Data;

/// <summary>A row of a data file cannot be read. The message names the file, the line (1-based) and the column.</summary>
public sealed class DataLoadException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DataLoadException(string filePath, long lineNumber, string? columnName, string problem)
        : base($"{filePath}, line {lineNumber}{(columnName is null ? "" : $", column '{columnName}'")}: {problem}")
    {
        FilePath = filePath; LineNumber = lineNumber; ColumnName = columnName; Problem = problem;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }
    /// <summary>The line, counting from 1 (the header included).</summary>
    public long LineNumber { get; }
    /// <summary>The column being read, if any.</summary>
    public string? ColumnName { get; }
    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
