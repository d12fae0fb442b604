using System.Globalization;
using JudgementsApi.SeedUpdater;

// Usage: see seed-data/update.sh (which builds this and runs it).
static int Usage(string error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("""
        usage: update.sh [--from-folder DIR] [--store DIR] [--seed-data DIR] [--base-url URL] [--urn URN]...
                         [--delay-ms N] [--timeout-s N] [--retries N] [--backoff-ms N] [--cache DIR]
                         [--summary FILE] [--metrics-file FILE] [--dry-run]
        """);
    return 2;
}

var repo = FindRepoRoot(Directory.GetCurrentDirectory());
string store = Environment.GetEnvironmentVariable("JUDGEMENTS_SOURCE_STORE") is { Length: > 0 } env ? env
    : Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
string seed = Path.Combine(repo, "seed-data");
string? folder = null, summaryFile = null, metricsFile = null, cache = null;
var baseUrl = new Uri("https://reports.ofsted.gov.uk/");
var urns = new List<string>();
var fetch = new FetchSettings();
var dryRun = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        int Int() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
        switch (args[i])
        {
            case "--from-folder": folder = Next(); break;
            case "--store": store = Next(); break;
            case "--seed-data": seed = Next(); break;
            case "--base-url": baseUrl = new Uri(Next().TrimEnd('/') + "/"); break;
            case "--urn": urns.Add(Next()); break;
            case "--delay-ms": fetch = fetch with { Delay = TimeSpan.FromMilliseconds(Int()) }; break;
            case "--timeout-s": fetch = fetch with { Timeout = TimeSpan.FromSeconds(Int()) }; break;
            case "--retries": fetch = fetch with { Retries = Int() }; break;
            case "--backoff-ms": fetch = fetch with { RetryBackoff = TimeSpan.FromMilliseconds(Int()) }; break;
            case "--cache": cache = Next(); break;
            case "--summary": summaryFile = Next(); break;
            case "--metrics-file": metricsFile = Next(); break;
            case "--dry-run": dryRun = true; break;
            case "--help" or "-h": Usage("Fetches new documents, rebuilds seed-data/ and prints the change summary (README: Updating the dataset)."); return 0;
            default: return Usage($"unknown argument: {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or UriFormatException)
{
    return Usage(e.Message);
}

try
{
    var result = await Updater.Run(new UpdateOptions
    {
        StoreDir = store, SeedDir = Path.GetFullPath(seed), FromFolder = folder is null ? null : Path.GetFullPath(folder),
        BaseUrl = baseUrl, Urns = urns.Count > 0 ? urns : null, Fetch = fetch, CacheDir = cache, DryRun = dryRun,
    });
    var summary = ChangeSummary.Render(result);
    Console.Write(summary);
    if (summaryFile is not null) File.WriteAllText(summaryFile, summary);
    if (metricsFile is not null && !dryRun)
        UpdaterMetrics.Write(metricsFile, DateTimeOffset.UtcNow, new SourceStore(store), result.Added.Count);
    return 0;
}
catch (Exception e) when (e is UpdateFailedException or InvalidDataException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"update failed: {e.Message}");
    return 1;
}

static string FindRepoRoot(string start)
{
    for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "JudgementsApi.sln"))) return d.FullName;
    return start;
}
