namespace MlNetDeep.Tests.Support;

/// <summary>The repository's data/ folder (committed datasets read in place, not copied into the tests).</summary>
public static class RepoData
{
    public static string Path(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "data", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"data/{fileName} was not found above the test folder; run the tests from a checkout of the repository.", fileName);
    }
}
