namespace JudgementsApi.SeedUpdater.Tests;

static class Paths
{
    public static readonly string Repo = FindRepo();
    /// <summary>The source material: shared/data in the nearest ancestor of the repository that has one
    /// (CI checks the project out beside it). Read only, never written by a test. Its absence fails the
    /// tests that need it, naming where it was looked for, rather than skipping them silently.</summary>
    public static string SharedData => sharedData.Value;
    static readonly Lazy<string> sharedData = new(FindSharedData);

    static string FindRepo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "JudgementsApi.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    static string FindSharedData()
    {
        for (var d = new DirectoryInfo(Repo).Parent; d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "reports", "manifest.csv"))) return candidate;
        }
        throw new InvalidOperationException(
            $"the source material shared/data was not found in any folder above {Repo}: these tests read it; " +
            "check out the project beside it (…/shared/data and …/<project>)");
    }
}
