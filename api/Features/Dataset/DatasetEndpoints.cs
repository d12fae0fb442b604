using System.Text.Json;

namespace JudgementsApi.Features.Dataset;

public sealed record DatasetSource(string Name, string Publisher, string? Url, string Licence, string Use);

public sealed record DatasetInfo(
    string Version, DateOnly? DataAsOf, DateTimeOffset LoadedAt, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, int> InspectionsBySource, string Licence, string Attribution,
    IReadOnlyList<DatasetSource> Sources, string Coverage, IReadOnlyList<string> KnownGaps);

public static class DatasetEndpoints
{
    public const string Attribution = "Contains public sector information licensed under the Open Government Licence v3.0.";

    public static RouteGroupBuilder MapDataset(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dataset", (Delegate)GetDataset).WithTags("Dataset").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDataset")
            .WithSummary("What the data is")
            .WithDescription("The loaded dataset: its version (it changes whenever the data does, and every ETag derives from it), the latest date it covers, when it was loaded, counts, sources, licence and known gaps.");
        return v1;
    }

    private static readonly DatasetSource[] Sources =
    [
        new("Ofsted inspection reports and focused-visit letters on local authority children's services", "Ofsted",
            "https://reports.ofsted.gov.uk/", "Open Government Licence v3.0",
            "Every judgement, date and inspector is read from the report's own text (see each inspection's provenance)."),
        new("Local authority code list", "Department for Education / ONS", "https://github.com/dfe-analytical-services/dfe-published-data-qa",
            "Open Government Licence v3.0 (repository MIT)", "Councils, ONS and DfE codes, dates of operation, regions."),
        new("Ofsted ILACS scrape and provider lookup", "data-to-insight / JT-39", "https://github.com/JT-39/ofsted-ilacs-scrape-tool",
            "MIT", "Ofsted URNs, statistical neighbours; a cross-check of ILACS grades (disagreements resolved in favour of the report text)."),
        new("Local news and council press releases on Shropshire and Telford & Wrekin", "named in each inspection's provenance", null,
            "facts only", "Judgements no surviving report holds (e.g. Shropshire's 2012 'adequate'), marked source kind 'news'."),
    ];

    /// <summary>The sources, also named in the bulk download's data package.</summary>
    internal static IReadOnlyList<DatasetSource> SourceList => Sources;

    private static readonly string[] KnownGaps =
    [
        "Reports published before 2013 are mostly absent; four 2012 reports could not be recovered.",
        "Former councils' reports are not in the sources; only Northamptonshire's 2019 and Cumbria's November 2022 overall grades are known, cited by their successors' reports (source kind 'cited').",
        "Focused-visit letters are not graded; their focus is summarised in our own words (the areas for priority action are Ofsted's words).",
        "Judgements a report does not state are null with a status (not_judged, not_covered, unknown) and a note, never inferred.",
    ];

    // Mapped as a Delegate: with HttpContext its only parameter, the method group would bind as a RequestDelegate and drop its result.
    private static async Task<Results<Ok<DatasetInfo>, ProblemHttpResult>> GetDataset(HttpContext http) =>
        (await http.SnapshotAsync()).Info is { } info ? TypedResults.Ok(info)
            : Problems.Problem(Problems.NotFound, "No dataset has been imported into this database yet.");

    /// <summary>The dataset record's SQL, read in the snapshot's transaction (<see cref="ReadAsync"/>).</summary>
    internal const string Sql = """
        SELECT version, built, loaded_at, counts::text FROM dataset;
        SELECT source_kind, count(*)::int FROM inspections GROUP BY source_kind ORDER BY source_kind;
        SELECT min(published), max(published) FROM inspections;
        """;

    /// <summary>The dataset as GET /v1/dataset answers it (the About page shows the same); null before any import.</summary>
    internal static async Task<DatasetInfo?> ReadAsync(SqlMapper.GridReader multi)
    {
        var row = (await multi.ReadAsync<(string Version, DateTime? Built, DateTime LoadedAt, string Counts)>()).FirstOrDefault();
        var bySource = (await multi.ReadAsync<(string Kind, int Count)>()).ToDictionary(r => r.Kind, r => r.Count);
        var span = await multi.ReadFirstAsync<(DateTime? First, DateTime? Last)>();
        if (row.Version is null) return null;

        var coverage = span.First is null ? "No inspections loaded."
            : $"Inspections published {span.First:yyyy-MM-dd} to {span.Last:yyyy-MM-dd}; focused visits from 2018; "
              + "all English councils with children's services responsibilities, current and former.";
        return new DatasetInfo(row.Version, row.Built is { } b ? DateOnly.FromDateTime(b) : null,
            new DateTimeOffset(DateTime.SpecifyKind(row.LoadedAt, DateTimeKind.Utc)),
            JsonSerializer.Deserialize<Dictionary<string, int>>(row.Counts)!, bySource, "Open Government Licence v3.0", Attribution,
            Sources, coverage, KnownGaps);
    }
}
