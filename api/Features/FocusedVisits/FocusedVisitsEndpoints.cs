using System.ComponentModel;
using Dapper;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JudgementsApi.Features.FocusedVisits;

/// <summary>
/// A focused visit: not graded; <c>priorityAction</c> says whether areas for priority action are in force after
/// it (set by this letter or carried over from an earlier visit); <c>priorityActions</c> says which and quotes them.
/// <c>letterDateSource</c>: letter (the date printed on it) or publication (an undated letter: Ofsted's publication
/// date). <c>link</c> is the letter's own URL where known, otherwise <c>ofstedPageUrl</c>, the council's page on
/// Ofsted's site listing all its reports and letters.
/// </summary>
/// <param name="LetterDateSource">letter (printed on the letter) or publication (an undated letter; Ofsted's publication date is used).</param>
/// <param name="PriorityAction">Areas for priority action are in force after this visit (new or carried over).</param>
/// <param name="PriorityActions">Which: new or carried over, and the areas this letter sets, as Ofsted worded them.</param>
/// <param name="ReportUrl">The letter on Ofsted's file server, where known.</param>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site, listing all its reports and letters.</param>
/// <param name="Link">Where to read the letter: reportUrl, or ofstedPageUrl when the letter's own URL is not known.</param>
public sealed record FocusedVisit(
    string Id, CouncilRef Council, DateOnly LetterDate, string LetterDateSource, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string Focus, bool PriorityAction, PriorityActions PriorityActions,
    string? ReportUrl, string? OfstedPageUrl, string? Link, string Source);

/// <summary>
/// Areas for priority action. <c>kind</c>: none; new (set by this letter); carried_over (set at an earlier visit
/// and still in force: "…remain. There are no additional priority actions"); new_and_carried_over (this letter adds
/// to earlier ones: "In addition to addressing the two priority actions not resolved…"). <c>areas</c>: the ones this
/// letter sets, as Ofsted worded them (earlier ones are not repeated in the letter); <c>attribution</c> goes with any quotation.
/// </summary>
/// <param name="Kind">none, new, carried_over or new_and_carried_over.</param>
/// <param name="CarriedOver">Areas set at an earlier visit are still in force.</param>
/// <param name="Areas">The areas this letter sets, in its order, as Ofsted worded them.</param>
/// <param name="Attribution">The Open Government Licence statement to publish with any quotation; null when nothing is quoted.</param>
public sealed record PriorityActions(string Kind, bool CarriedOver, IReadOnlyList<PriorityArea> Areas, string? Attribution);

/// <summary>One area for priority action, quoted from the letter, with the line of the letter's text where it starts.</summary>
public sealed record PriorityArea(int Position, string Text, int? Line);

public sealed record FocusedVisitQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin).")] string? Council,
    [property: Description("A region: ONS code or slug.")] string? Region,
    [property: Description("true: only visits that named areas for priority action; false: only those that did not.")] string? PriorityAction,
    [property: Description("Letter dated on or after (YYYY-MM-DD).")] string? From,
    [property: Description("Letter dated on or before (YYYY-MM-DD).")] string? To,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row).")] string? Format);

public sealed record CouncilFocusedVisitQuery(
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row).")] string? Format);

public static class FocusedVisitsEndpoints
{
    public static RouteGroupBuilder MapFocusedVisits(this RouteGroupBuilder v1)
    {
        v1.MapGet("/focused-visits", List).WithCsv().WithTags("Focused visits")
            .WithName("ListFocusedVisits")
            .WithSummary("Focused visits")
            .WithDescription("Ofsted's focused visits (ungraded), newest letter first: what each looked at and whether Ofsted named areas for priority action.");

        v1.MapGet("/focused-visits/{id}", Get).WithTags("Focused visits").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFocusedVisit")
            .WithSummary("One focused visit");
        return v1;
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string CouncilCode { get; init; } = "";
        public string CouncilName { get; init; } = "";
        public string CouncilSlug { get; init; } = "";
        public DateOnly LetterDate { get; init; }
        public DateOnly? VisitStart { get; init; }
        public DateOnly? VisitEnd { get; init; }
        public string[] Inspectors { get; init; } = [];
        public string Focus { get; init; } = "";
        public bool PriorityAction { get; init; }
        public string? ReportUrl { get; init; }
        public string Source { get; init; } = "";
        public string? OfstedUrn { get; init; }
        public string LetterDateSource { get; init; } = "";
        public string PriorityActionKind { get; init; } = "";
        public long Total { get; init; }
    }

    /// <summary>The areas are Ofsted's words, reused under the Open Government Licence, which asks for this statement.</summary>
    public const string Attribution = "Quoted from Ofsted's letter. Contains public sector information licensed under the Open Government Licence v3.0.";

    private static readonly CsvColumn<FocusedVisit>[] Columns =
    [
        new("id", f => f.Id), new("council_code", f => f.Council.Code), new("council_name", f => f.Council.Name),
        new("letter_date", f => f.LetterDate), new("letter_date_source", f => f.LetterDateSource),
        new("visit_start", f => f.VisitStart), new("visit_end", f => f.VisitEnd),
        new("inspectors", f => f.Inspectors), new("focus", f => f.Focus), new("priority_action", f => f.PriorityAction),
        new("priority_action_kind", f => f.PriorityActions.Kind),
        new("priority_action_areas", f => string.Join(" | ", f.PriorityActions.Areas.Select(a => a.Text))),
        new("report_url", f => f.ReportUrl), new("ofsted_page_url", f => f.OfstedPageUrl), new("link", f => f.Link),
    ];

    /// <summary>Visits matching fixed SQL fragments over focused_visits v / councils c, newest first.</summary>
    internal static async Task<(List<FocusedVisit> Items, long Total)> QueryAsync(
        NpgsqlConnection conn, IReadOnlyList<string> clauses, DynamicParameters p, Paging paging)
    {
        var where = clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
        p.Add("Limit", paging.Limit);
        p.Add("Offset", paging.Offset);
        var rows = (await conn.QueryAsync<Row>($"""
            SELECT v.id, v.council_code, c.name AS council_name, c.slug AS council_slug, v.letter_date, v.visit_start, v.visit_end,
                   v.inspectors, v.focus, v.priority_action, v.report_url, v.source, c.ofsted_urn, v.letter_date_source,
                   v.priority_action_kind, count(*) OVER () AS total
            FROM focused_visits v JOIN councils c ON c.code = v.council_code
            {where}
            ORDER BY v.letter_date DESC, v.id DESC
            {(paging == Paging.All ? "" : "LIMIT @Limit OFFSET @Offset")}
            """, p)).ToList();
        var total = await Collection.TotalAsync(conn, rows.FirstOrDefault()?.Total, paging,
            $"SELECT count(*) FROM focused_visits v JOIN councils c ON c.code = v.council_code {where}", p);
        var areas = (await conn.QueryAsync<(string VisitId, int Position, string Text, int? SourceLine)>("""
            SELECT focused_visit_id, position, text, source_line FROM focused_visit_priority_actions
            WHERE focused_visit_id = ANY (@Ids) ORDER BY focused_visit_id, position
            """, new { Ids = rows.Where(r => r.PriorityAction).Select(r => r.Id).ToArray() }))
            .ToLookup(a => a.VisitId, a => new PriorityArea(a.Position, a.Text, a.SourceLine));
        return (rows.Select(r =>
        {
            var page = OfstedLinks.ProviderPage(r.OfstedUrn);
            var listed = areas[r.Id].ToList();
            var actions = new PriorityActions(r.PriorityActionKind, r.PriorityActionKind is "carried_over" or "new_and_carried_over", listed,
                listed.Count == 0 ? null : Attribution);
            return new FocusedVisit(r.Id, new CouncilRef(r.CouncilCode, r.CouncilName, r.CouncilSlug), r.LetterDate, r.LetterDateSource,
                r.VisitStart, r.VisitEnd, r.Inspectors, r.Focus, r.PriorityAction, actions, r.ReportUrl, page, r.ReportUrl ?? page, r.Source);
        }).ToList(), total);
    }

    internal static async Task<Results<Ok<Page<FocusedVisit>>, CsvResult<FocusedVisit>, ProblemHttpResult>> Respond(
        HttpContext http, NpgsqlConnection conn, IReadOnlyList<string> clauses, DynamicParameters p, Paging paging, string fileName)
    {
        var csv = http.WantsCsv();
        var (items, total) = await QueryAsync(conn, clauses, p, csv ? Paging.All : paging);
        if (csv) return new CsvResult<FocusedVisit>(fileName, Columns, items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    private static async Task<Results<Ok<Page<FocusedVisit>>, CsvResult<FocusedVisit>, ProblemHttpResult>> List(
        [AsParameters] FocusedVisitQuery query, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies, CouncilNames names)
    {
        var vocabulary = await vocabularies.GetAsync();
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var region = vocabulary.ReadRegion(q, "region", query.Region);
        var priority = q.Bool("priorityAction", query.PriorityAction);
        var from = q.Date("from", query.From);
        var to = q.Date("to", query.To);
        q.Ordered("from", from, "to", to);
        var councils = await names.ReadListAsync(q, "council", query.Council, CouncilsEndpoints.MaxCouncils);
        if (q.Failed) return q.Problem();
        await using var conn = await db.OpenConnectionAsync();

        var clauses = new List<string>();
        var p = new DynamicParameters();
        if (councils is not null) { clauses.Add("v.council_code = ANY (@Councils)"); p.Add("Councils", councils.Select(c => c.Code).ToArray()); }
        if (region is not null) { clauses.Add("c.region_code = @Region"); p.Add("Region", region.Code); }
        if (priority is not null) { clauses.Add("v.priority_action = @Priority"); p.Add("Priority", priority); }
        if (from is not null) { clauses.Add("v.letter_date >= @From"); p.Add("From", from); }
        if (to is not null) { clauses.Add("v.letter_date <= @To"); p.Add("To", to); }
        return await Respond(http, conn, clauses, p, paging, "focused-visits.csv");
    }

    private static async Task<Results<Ok<FocusedVisit>, ProblemHttpResult>> Get(string id, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var (items, _) = await QueryAsync(conn, ["v.id = @Id"], new DynamicParameters(new { Id = id }), new Paging(1, 0));
        return items.Count == 0 ? Problems.NotFoundFor("focused visit", id) : TypedResults.Ok(items[0]);
    }

    /// <summary>GET /v1/councils/{id}/focused-visits, mapped by the councils feature.</summary>
    internal static async Task<Results<Ok<Page<FocusedVisit>>, CsvResult<FocusedVisit>, ProblemHttpResult>> ForCouncil(
        string id, [AsParameters] CouncilFocusedVisitQuery query, HttpContext http, NpgsqlDataSource db)
    {
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        if (q.Failed) return q.Problem();
        await using var conn = await db.OpenConnectionAsync();
        var council = await CouncilLookup.FindAsync(conn, id);
        if (council is null) return Problems.NotFoundFor("council", id);
        return await Respond(http, conn, ["v.council_code = @Council"], new DynamicParameters(new { Council = council.Code }), paging,
            $"{council.Slug}-focused-visits.csv");
    }
}
