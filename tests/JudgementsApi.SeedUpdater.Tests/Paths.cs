namespace JudgementsApi.SeedUpdater.Tests;

static class Paths
{
    public static readonly string Repo = FindRepo();
    /// <summary>The source material beside the repository: read only, never written by a test.</summary>
    public static readonly string SharedData = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "data"));

    static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "JudgementsApi.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
