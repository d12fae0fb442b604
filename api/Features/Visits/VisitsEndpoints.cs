using System.ComponentModel;
using Dapper;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JudgementsApi.Features.Visits;

/// <summary>A monitoring visit or joint targeted area inspection (JTAI): not graded. theme is a short
/// phrase of our own for what the visit looked at (null when the letter's wording was not recognised).</summary>
public sealed record Visit(
    string Id, CouncilRef Council, string Kind, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string? Theme, string? ReportUrl, string Source);

public sealed record VisitQuery(
    [property: Description("monitoring_visit or jtai.")] string? Kind,
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin).")] string? Council,
    [property: Description("A region: ONS code or slug.")] string? Region,
    [property: Description("Letter dated on or after (YYYY-MM-DD).")] string? From,
    [property: Description("Letter dated on or before (YYYY-MM-DD).")] string? To,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row).")] string? Format);

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

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string CouncilCode { get; init; } = "";
        public string CouncilName { get; init; } = "";
        public string CouncilSlug { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateOnly LetterDate { get; init; }
        public DateOnly? VisitStart { get; init; }
        public DateOnly? VisitEnd { get; init; }
        public string[] Inspectors { get; init; } = [];
        public string? Theme { get; init; }
        public string? ReportUrl { get; init; }
        public string Source { get; init; } = "";
        public long Total { get; init; }
    }

    private static readonly CsvColumn<Visit>[] Columns =
    [
        new("id", v => v.Id), new("council_code", v => v.Council.Code), new("council_name", v => v.Council.Name), new("kind", v => v.Kind),
        new("letter_date", v => v.LetterDate), new("visit_start", v => v.VisitStart), new("visit_end", v => v.VisitEnd),
        new("inspectors", v => v.Inspectors), new("theme", v => v.Theme), new("report_url", v => v.ReportUrl),
    ];

    private static async Task<(List<Visit> Items, long Total)> QueryAsync(
        NpgsqlConnection conn, IReadOnlyList<string> clauses, DynamicParameters p, Paging paging)
    {
        var where = clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
        p.Add("Limit", paging.Limit);
        p.Add("Offset", paging.Offset);
        var rows = (await conn.QueryAsync<Row>($"""
            SELECT v.id, v.council_code, c.name AS council_name, c.slug AS council_slug, v.kind, v.letter_date, v.visit_start, v.visit_end,
                   v.inspectors, v.theme, v.report_url, v.source, count(*) OVER () AS total
            FROM visits v JOIN councils c ON c.code = v.council_code
            {where}
            ORDER BY v.letter_date DESC, v.id DESC
            {(paging == Paging.All ? "" : "LIMIT @Limit OFFSET @Offset")}
            """, p)).ToList();
        var total = await Collection.TotalAsync(conn, rows.FirstOrDefault()?.Total, paging,
            $"SELECT count(*) FROM visits v JOIN councils c ON c.code = v.council_code {where}", p);
        return (rows.Select(r => new Visit(r.Id, new CouncilRef(r.CouncilCode, r.CouncilName, r.CouncilSlug), r.Kind, r.LetterDate,
            r.VisitStart, r.VisitEnd, r.Inspectors, r.Theme, r.ReportUrl, r.Source)).ToList(), total);
    }

    private static async Task<Results<Ok<Page<Visit>>, CsvResult<Visit>, ProblemHttpResult>> List(
        [AsParameters] VisitQuery query, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies, CouncilNames names)
    {
        var vocabulary = await vocabularies.GetAsync();
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var kind = q.OneOf("kind", query.Kind, SeedSet.VisitKinds);
        var region = vocabulary.ReadRegion(q, "region", query.Region);
        var from = q.Date("from", query.From);
        var to = q.Date("to", query.To);
        q.Ordered("from", from, "to", to);
        var councils = await names.ReadListAsync(q, "council", query.Council, CouncilsEndpoints.MaxCouncils);
        if (q.Failed) return q.Problem();
        await using var conn = await db.OpenConnectionAsync();

        var clauses = new List<string>();
        var p = new DynamicParameters();
        if (kind is not null) { clauses.Add("v.kind = @Kind"); p.Add("Kind", kind); }
        if (councils is not null) { clauses.Add("v.council_code = ANY (@Councils)"); p.Add("Councils", councils.Select(c => c.Code).ToArray()); }
        if (region is not null) { clauses.Add("c.region_code = @Region"); p.Add("Region", region.Code); }
        if (from is not null) { clauses.Add("v.letter_date >= @From"); p.Add("From", from); }
        if (to is not null) { clauses.Add("v.letter_date <= @To"); p.Add("To", to); }
        var csv = http.WantsCsv();
        var (items, total) = await QueryAsync(conn, clauses, p, csv ? Paging.All : paging);
        if (csv) return new CsvResult<Visit>("visits.csv", Columns, items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    private static async Task<Results<Ok<Visit>, ProblemHttpResult>> Get(string id, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var (items, _) = await QueryAsync(conn, ["v.id = @Id"], new DynamicParameters(new { Id = id }), new Paging(1, 0));
        return items.Count == 0 ? Problems.NotFoundFor("visit", id) : TypedResults.Ok(items[0]);
    }
}
