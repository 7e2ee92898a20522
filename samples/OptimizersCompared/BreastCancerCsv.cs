using System.Globalization;

/// <summary>
/// Reads the Wisconsin breast-cancer CSV: 30 numeric measurements per tumour, then the diagnosis
/// ("malignant" → 1, "benign" → 0).
/// </summary>
internal static class BreastCancerCsv
{
    public const int FeatureCount = 30;

    public static (float[] Features, float[] Labels) Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Breast-cancer CSV not found: {path}", path);
        var features = new List<float>();
        var labels = new List<float>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (++lineNumber == 1 || line.Length == 0) continue; // header
            var c = line.Split(',');
            if (c.Length != FeatureCount + 1)
                throw new FormatException($"{path}({lineNumber}): expected {FeatureCount + 1} columns, found {c.Length}.");
            for (int i = 0; i < FeatureCount; i++)
                features.Add(float.TryParse(c[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v : throw new FormatException($"{path}({lineNumber}): column {i + 1} is not a number: '{c[i]}'."));
            labels.Add(c[FeatureCount] switch
            {
                "malignant" => 1f,
                "benign" => 0f,
                var other => throw new FormatException($"{path}({lineNumber}): expected malignant or benign, found '{other}'."),
            });
        }
        return (features.ToArray(), labels.ToArray());
    }
}
