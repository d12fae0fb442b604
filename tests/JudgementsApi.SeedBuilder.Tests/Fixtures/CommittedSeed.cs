namespace JudgementsApi.SeedBuilder.Tests.Fixtures;

/// <summary>The committed seed-data folder of this checkout (not a fresh build), read as rows of column → value.</summary>
public static class CommittedSeed
{
    public static readonly string Dir = Find();

    public static List<Dictionary<string, string>> Read(string file) => Csv.ReadDicts(Path.Combine(Dir, file));

    /// <summary>The source material (shared/data, a sibling of a checkout's folder) that the seed data was built from.</summary>
    public static string SharedData()
    {
        for (var d = new DirectoryInfo(Dir).Parent; d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "reports", "manifest.csv"))) return candidate;
        }
        throw new InvalidOperationException($"the source material shared/data was not found above {Dir}: this test reads it");
    }

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "JudgementsApi.sln"))) return Path.Combine(d.FullName, "seed-data");
        throw new DirectoryNotFoundException("no JudgementsApi.sln above " + AppContext.BaseDirectory);
    }
}
