using System.Security.Cryptography;
using JudgementsApi.SeedBuilder.Visits;

namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>
/// A scratch source store holding a few councils' documents copied from the shared source material
/// (minus any the test wants to be "new"), and seed-data built from it by the builder. Deleted on dispose.
/// </summary>
public sealed class Workspace : IDisposable
{
    public string Root { get; }
    public string Store => Path.Combine(Root, "store");
    public string Seed => Path.Combine(Root, "seed");
    public string Cache => Path.Combine(Root, "cache");

    public Workspace(string[] urns, params string[] withhold)
    {
        Root = Directory.CreateTempSubdirectory("judgements-updater-test-").FullName;
        CopyDir(Path.Combine(Paths.SharedData, "sources"), Path.Combine(Store, "sources"));
        var manifest = File.ReadAllText(Path.Combine(Paths.SharedData, "reports", "manifest.csv")).Split("\r\n");
        var kept = new List<string> { manifest[0] };
        foreach (var line in manifest.Skip(1).Where(l => l.Length > 0))
        {
            var file = line[..line.IndexOf(',')];
            var urn = Path.GetFileName(file).Split('_')[0];
            if (!urns.Contains(urn) || withhold.Contains(file)) continue;
            kept.Add(line);
            var to = Path.Combine(Store, "reports", file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Path.Combine(Paths.SharedData, "reports", file), to);
        }
        Directory.CreateDirectory(Path.Combine(Store, "reports", "inspections"));
        Directory.CreateDirectory(Path.Combine(Store, "reports", "focused-visits"));
        File.WriteAllText(Path.Combine(Store, "reports", "manifest.csv"), string.Join("\r\n", kept) + "\r\n");
        Directory.CreateDirectory(Seed);
        var built = Builder.Build(Store, Seed);
        Builder.Write(built, Seed, VisitLetters.Build(Store, built.Councils));
    }

    public static string SharedText(string file) => File.ReadAllText(Path.Combine(Paths.SharedData, "reports", file));

    /// <summary>Every file of the store and seed-data with its hash, to show that nothing changed.</summary>
    public Dictionary<string, string> Snapshot() =>
        new[] { Path.Combine(Store, "reports"), Seed }
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public List<Dictionary<string, string>> SeedRows(string file) => Csv.ReadDicts(Path.Combine(Seed, file));

    public UpdateOptions Options(FakeOfsted? site = null, string? folder = null, params string[] urns) => new()
    {
        StoreDir = Store, SeedDir = Seed, FromFolder = folder, CacheDir = Cache,
        BaseUrl = new Uri(site?.BaseUrl ?? "http://127.0.0.1:9/"), Urns = urns.Length > 0 ? urns : null,
        // Short delays in tests (the fake site is on loopback); a timeout a busy machine cannot reach.
        Fetch = new FetchSettings { Delay = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(20), Retries = 2, RetryBackoff = TimeSpan.FromMilliseconds(20) },
        Log = TextWriter.Null,
    };

    static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
