using System.ComponentModel;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Visits;

/// <summary>A monitoring visit or joint targeted area inspection (JTAI): not graded. theme is a short
/// phrase of our own for what the visit looked at (null when the letter's wording was not recognised).</summary>
public sealed record Visit(
    string Id, CouncilRef Council, string Kind, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string? Theme, string? ReportUrl, string Source);

public sealed record VisitQuery(
    [property: Description("monitoring_visit or jtai."), TextExample("monitoring_visit")] string? Kind,
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin)."), TextExample("shropshire")] string? Council,
    [property: Description("A region: ONS code or slug."), TextExample("west-midlands")] string? Region,
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

    public override void AddClauses(List<string> clauses, DynamicParameters p)
    {
        if (Kind is not null) { clauses.Add("v.kind = @Kind"); p.Add("Kind", Kind); }
        base.AddClauses(clauses, p);
    }
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

    private sealed class Row : LetterRow
    {
        public string Kind { get; init; } = "";
        public string? Theme { get; init; }
    }

    private static readonly CsvColumn<Visit>[] Columns =
    [
        new("id", v => v.Id), new("council_code", v => v.Council.Code), new("council_name", v => v.Council.Name), new("kind", v => v.Kind),
        new("letter_date", v => v.LetterDate), new("visit_start", v => v.VisitStart), new("visit_end", v => v.VisitEnd),
        new("inspectors", v => v.Inspectors), new("theme", v => v.Theme), new("report_url", v => v.ReportUrl),
    ];

    /// <summary>The visits matching <paramref name="filter"/>, newest letter first: one page and the count of all.</summary>
    private static async Task<(List<Visit> Items, long Total)> QueryAsync(NpgsqlConnection conn, VisitFilter filter, Paging paging)
    {
        var (rows, total) = await Letters.QueryAsync<Row>(conn, "visits", "v.kind, v.theme", filter, paging);
        return (rows.Select(r => new Visit(r.Id, r.Council, r.Kind, r.LetterDate,
            r.VisitStart, r.VisitEnd, r.Inspectors, r.Theme, r.ReportUrl, r.Source)).ToList(), total);
    }

    private static async Task<Results<Ok<Page<Visit>>, CsvResult<Visit>, ProblemHttpResult>> List(
        [AsParameters] VisitQuery query, [AsParameters] ListQuery page, HttpContext http, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await http.PageOrCsvAsync(page.Paging, paging => QueryAsync(conn, query.Filter, paging), "visits.csv", Columns);
    }

    private static async Task<Results<Ok<Visit>, ProblemHttpResult>> Get(string id, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var (items, _) = await QueryAsync(conn, new VisitFilter { Id = id }, new Paging(1, 0));
        return items.Count == 0 ? Problems.NotFoundFor("visit", id) : TypedResults.Ok(items[0]);
    }
}
