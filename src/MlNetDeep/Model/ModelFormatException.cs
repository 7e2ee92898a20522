namespace MlNetDeep.Model;

/// <summary>A model file cannot be read: damaged, truncated, tampered with, or written by a newer format version. The message names the file.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFormatException(string filePath, string message, Exception? inner = null)
        : base($"Model file '{filePath}': {message}", inner) => FilePath = filePath;

    /// <summary>The file (or "&lt;stream&gt;") that failed to load.</summary>
    public string FilePath { get; }
}
