using System.ComponentModel;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Visits;

/// <summary>A monitoring visit or joint targeted area inspection (JTAI): not graded. theme is a short
/// phrase of our own for what the visit looked at (null when the letter's wording was not recognised).</summary>
public sealed record Visit(
    string Id, CouncilRef Council, [property: ClosedSet(typeof(SeedSet), nameof(SeedSet.VisitKinds))] string Kind, DateOnly LetterDate,
    DateOnly? VisitStart, DateOnly? VisitEnd, IReadOnlyList<string> Inspectors, string? Theme, string? ReportUrl, string Source);

public sealed record VisitQuery(
    [property: Description("monitoring_visit or jtai."), OneOfExample("monitoring_visit", typeof(SeedSet), nameof(SeedSet.VisitKinds))] string? Kind,
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin)."), TextExample("shropshire")] string? Council,
    [property: Description("A region: ONS code or slug."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("Letter dated on or after (YYYY-MM-DD)."), DateExample("2024-01-01")] string? From,
    [property: Description("Letter dated on or before (YYYY-MM-DD)."), DateExample("2024-12-31")] string? To) : IQueryRecord
{
    public VisitFilter Filter { get; private set; } = new();

    public async ValueTask ReadAsync(QueryReader q)
    {
        var kind = q.OneOf("kind", Kind, SeedSet.VisitKinds);
        var region = await q.RegionAsync("region", Region);
        var (from, to, councils) = await Letters.ReadDatesAndCouncilsAsync(q, From, To, Council);
        Filter = new VisitFilter { Kind = kind, CouncilCodes = councils, RegionCode = region?.Code, From = from, To = to };
    }
}

/// <summary>Which monitoring visits and JTAIs: the letters' filters, and the kind.</summary>
public sealed record VisitFilter : LetterFilter
{
    public string? Kind { get; init; }

    /// <summary>The test a letter must pass; null when every letter does.</summary>
    public Func<SnapshotLetter<Visit>, bool>? Matches => Test<Visit>(Kind is { } kind ? v => v.Kind == kind : null);
}

public static class VisitsEndpoints
{
    public static RouteGroupBuilder MapVisits(this RouteGroupBuilder v1)
    {
        v1.MapGet("/visits", List).WithCsv().WithTags("Visits")
            .WithName("ListVisits")
            .WithSummary("Monitoring visits and joint targeted area inspections")
            .WithDescription("Ofsted's monitoring visits (after an inadequate judgement) and joint targeted area inspections, newest letter first. Ungraded. Focused visits are at /v1/focused-visits.");

        v1.MapGet("/visits/{id}", Get).WithTags("Visits").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetVisit")
            .WithSummary("One monitoring visit or joint targeted area inspection");
        return v1;
    }

    public sealed class Row : LetterRow
    {
        public string Kind { get; init; } = "";
        public string? Theme { get; init; }
    }

    /// <summary>The SQL that reads the visits into the snapshot (run by SnapshotLoader).</summary>
    public const string Sql = $"SELECT {Letters.Columns}, kind, theme FROM visits;";

    /// <summary>Reads the result set of <see cref="Sql"/>: each visit's response shape, newest letter first.</summary>
    public static async Task<List<SnapshotLetter<Visit>>> ReadAsync(SqlMapper.GridReader multi, IReadOnlyDictionary<string, CouncilFacts> councils) =>
        Letters.NewestFirst(await multi.ReadAsync<Row>(), councils, (r, council) =>
            new Visit(r.Id, council.Ref, r.Kind, r.LetterDate, r.VisitStart, r.VisitEnd, r.Inspectors, r.Theme, r.ReportUrl, r.Source));

    private static readonly CsvColumn<Visit>[] Columns =
    [
        new("id", v => v.Id), new("council_code", v => v.Council.Code), new("council_name", v => v.Council.Name), new("kind", v => v.Kind),
        new("letter_date", v => v.LetterDate), new("visit_start", v => v.VisitStart), new("visit_end", v => v.VisitEnd),
        new("inspectors", v => v.Inspectors), new("theme", v => v.Theme), new("report_url", v => v.ReportUrl),
    ];

    /// <summary>The visits matching <paramref name="filter"/>, newest letter first: one page and the count of all.</summary>
    private static (List<Visit> Items, long Total) Query(DatasetSnapshot snapshot, VisitFilter filter, Paging paging) =>
        Letters.Slice(snapshot.Visits, filter.Matches, paging);

    private static async Task<Results<Ok<Page<Visit>>, CsvResult<Visit>, ProblemHttpResult>> List(
        [AsParameters] VisitQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        return http.PageOrCsv(page.Paging, paging => Query(snapshot, query.Filter, paging), "visits.csv", Columns);
    }

    private static async Task<Results<Ok<Visit>, ProblemHttpResult>> Get(string id, HttpContext http)
    {
        var (items, _) = Query(await http.SnapshotAsync(), new VisitFilter { Id = id }, new Paging(1, 0));
        return items.Count == 0 ? Problems.NotFoundFor("visit", id) : TypedResults.Ok(items[0]);
    }
}
