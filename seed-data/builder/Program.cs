using JudgementsApi.SeedBuilder;

// Usage: dotnet run --project seed-data/builder -- [shared-data-dir] [seed-data-out-dir]
//        dotnet run --project seed-data/builder -- --diag <reports/inspections dir>   (one parse per line)
if (args.Length > 0 && args[0] == "--diag")
{
    foreach (var f in Directory.GetFiles(args[1]).OrderBy(f => f, StringComparer.Ordinal))
    {
        var r = ReportParser.Parse(Path.GetFileName(f), File.ReadAllText(f));
        Console.WriteLine($"{r.FileName}\t{r.Family}\t{r.Version}\t{r.Type}\t{r.Start:yyyy-MM-dd}\t{r.End:yyyy-MM-dd}\t{r.LeadInspector}\t" +
            string.Join(",", r.Judgements.Values.OrderBy(j => j.AreaCode, StringComparer.Ordinal).Select(j => $"{j.AreaCode}={j.Grade}")) + "\t" + string.Join(" | ", r.Problems));
    }
    return 0;
}

var repoRoot = FindRepoRoot(Directory.GetCurrentDirectory());
var dataDir = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data"));
var seedDir = args.Length > 1 ? args[1] : Path.Combine(repoRoot, "seed-data");
if (!Directory.Exists(dataDir)) { Console.Error.WriteLine($"source data not found: {dataDir}"); return 1; }

var result = Builder.Build(dataDir, seedDir);
var visits = JudgementsApi.SeedBuilder.Visits.VisitLetters.Build(dataDir, result.Councils);
Builder.Write(result, seedDir, visits);
Console.WriteLine($"councils {result.Councils.Councils.Count}, inspections {result.Inspections.Count}, judgements {result.Judgements.Count}, " +
    $"focused visits {result.FocusedVisits.Count}, monitoring visits and JTAIs {visits.Visits.Count}, excluded {result.Excluded.Count}, parse problems {result.ParseProblems.Count}, warnings {result.Warnings.Count}");
return 0;

static string FindRepoRoot(string start)
{
    for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "JudgementsApi.sln"))) return d.FullName;
    return start;
}
