using System.ComponentModel;
using Dapper;
using JudgementsApi.Features.Councils;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JudgementsApi.Features.Inspections;

public sealed record InspectionListQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin).")] string? Council,
    [property: Description("A region: ONS code (E12000005) or slug (west-midlands).")] string? Region,
    [property: Description("A framework (" + FrameworkSlugs.Listed + ") or one of its versions (" + FrameworkSlugs.VersionExample + ").")] string? Framework,
    [property: Description("Inspection type: standard, short, sif, sif_reinspection, pre_2013, lscb_review, cited (a former council's judgement known from a later report) …")] string? Type,
    [property: Description("Published on or after this date (YYYY-MM-DD).")] string? PublishedFrom,
    [property: Description("Published on or before this date (YYYY-MM-DD).")] string? PublishedTo,
    [property: Description("Judgement area: a family (overall_effectiveness, help_and_protection, children_in_care, care_leavers, leadership, adoption_performance, lscb_review) or an area code. With grade: graded that grade in that area; alone: graded in that area.")] string? Area,
    [property: Description("Grade code (outstanding, good, requires_improvement, adequate, inadequate). Without area: that grade in any area.")] string? Grade,
    [property: Description("-published (newest first, default), published, or council (by name).")] string? Sort,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row); `Accept: text/csv` does the same.")] string? Format);

public sealed record InspectionDetailQuery(
    [property: Description("json (default) or csv: one row per judgement with its status and evidence; `Accept: text/csv` does the same.")] string? Format);

public static class InspectionsEndpoints
{
    private static readonly string[] Sorts = ["-published", "published", "council"];

    public static RouteGroupBuilder MapInspections(this RouteGroupBuilder v1)
    {
        var inspections = v1.MapGroup("/inspections").WithTags("Inspections");

        inspections.MapGet("/", List).WithCsv()
            .WithName("ListInspections")
            .WithSummary("Inspections")
            .WithDescription("Graded inspections, newest first, with each area's grade. Filters combine. CSV has one column per area family.");

        inspections.MapGet("/{id}", Get).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetInspection")
            .WithSummary("One inspection")
            .WithDescription("Every judgement of one inspection: area, grade and rank (or null with its status, not_judged / not_covered / unknown, and the reason), and the evidence: the report's words that state it (table row or sentence) with the document and line. Also its framework version, dates, lead inspector, report link, Ofsted page and provenance. As CSV: one row per judgement (area, grade, status, note, evidence, document, line).");

        return v1;
    }

    /// <summary>The filters, as fixed SQL fragments over inspections i / councils c with named parameters.</summary>
    internal static (string Where, DynamicParameters Parameters) Filters(
        IReadOnlyList<string>? councilCodes, RegionRef? region, string? framework, string? type, DateOnly? from, DateOnly? to,
        string? area, string? grade, IReadOnlyCollection<string> families)
    {
        var clauses = new List<string>();
        var p = new DynamicParameters();
        if (councilCodes is not null) { clauses.Add("i.council_code = ANY (@Councils)"); p.Add("Councils", councilCodes.ToArray()); }
        if (region is not null) { clauses.Add("c.region_code = @Region"); p.Add("Region", region.Code); }
        if (framework is not null)
        {
            clauses.Add("i.framework_version IN (SELECT slug FROM framework_versions WHERE slug = @Framework OR framework = @Framework)");
            p.Add("Framework", framework);
        }
        if (type is not null) { clauses.Add("i.type = @Type"); p.Add("Type", type); }
        if (from is not null) { clauses.Add("i.published >= @From"); p.Add("From", from); }
        if (to is not null) { clauses.Add("i.published <= @To"); p.Add("To", to); }
        if (InspectionReader.JudgementClause("i.id", area, grade, families, p) is { } judged) clauses.Add(judged);
        return (clauses.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", clauses), p);
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> List(
        [AsParameters] InspectionListQuery query, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies, CouncilNames names)
    {
        var vocabulary = await vocabularies.GetAsync();
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var region = vocabulary.ReadRegion(q, "region", query.Region);
        var framework = q.OneOf("framework", query.Framework, [.. vocabulary.Frameworks, .. vocabulary.FrameworkVersions]);
        var type = q.OneOf("type", query.Type, vocabulary.InspectionTypes);
        var from = q.Date("publishedFrom", query.PublishedFrom);
        var to = q.Date("publishedTo", query.PublishedTo);
        q.Ordered("publishedFrom", from, "publishedTo", to);
        var area = q.OneOf("area", query.Area, vocabulary.AreaNames);
        var grade = q.OneOf("grade", query.Grade, vocabulary.Grades);
        var sort = q.OneOf("sort", query.Sort, Sorts) ?? "-published";

        var councils = await names.ReadListAsync(q, "council", query.Council, CouncilsEndpoints.MaxCouncils);
        if (q.Failed) return q.Problem();

        await using var conn = await db.OpenConnectionAsync();
        var (where, parameters) = Filters(councils?.Select(c => c.Code).ToList(), region, framework, type, from, to, area, grade, vocabulary.Families);
        var order = sort switch
        {
            "published" => "ORDER BY i.published, i.id",
            "council" => "ORDER BY c.name, i.published DESC, i.id",
            _ => "ORDER BY i.published DESC, i.id DESC",
        };
        var csv = http.WantsCsv();
        var (items, total) = await InspectionReader.QueryAsync(conn, where, order, parameters, csv ? Paging.All : paging);
        if (csv) return new CsvResult<InspectionSummary>("inspections.csv", InspectionReader.CsvColumns(vocabulary.Families), items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    private sealed class JudgementRow
    {
        public string AreaCode { get; init; } = "";
        public string AreaName { get; init; } = "";
        public string Family { get; init; } = "";
        public string? Grade { get; init; }
        public string? GradeLabel { get; init; }
        public int? GradeRank { get; init; }
        public string? Note { get; init; }
        public string Status { get; init; } = "";
        public string? Evidence { get; init; }
        public string? EvidenceDocument { get; init; }
        public int? EvidenceLine { get; init; }
        public string? EvidenceUrl { get; init; }
    }

    /// <summary>The judgements CSV: one row per judgement, so a journalist can check each grade against the report's words.</summary>
    private static IReadOnlyList<CsvColumn<Judgement>> JudgementColumns(InspectionDetail i) =>
    [
        new("inspection_id", _ => i.Id), new("council_code", _ => i.Council.Code), new("council_name", _ => i.Council.Name),
        new("published", _ => i.Published), new("published_precision", _ => i.PublishedPrecision), new("source_kind", _ => i.SourceKind),
        new("area_code", j => j.Area.Code), new("area_name", j => j.Area.Name), new("area_family", j => j.Area.Family),
        new("grade", j => j.Grade?.Code), new("status", j => j.Status), new("note", j => j.Note),
        new("evidence", j => j.Evidence?.Text), new("evidence_document", j => j.Evidence?.Document),
        new("evidence_line", j => j.Evidence?.Line), new("evidence_url", j => j.Evidence?.DocumentUrl),
    ];

    private static async Task<Results<Ok<InspectionDetail>, CsvResult<Judgement>, ProblemHttpResult>> Get(
        string id, [AsParameters] InspectionDetailQuery query, HttpContext http, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var summary = (await InspectionReader.ByIdsAsync(conn, [id])).GetValueOrDefault(id);
        if (summary is null) return Problems.NotFoundFor("inspection", id);

        var source = await conn.QueryFirstAsync<(string Kind, string Source, string? Notes)>(
            "SELECT source_kind, source, notes FROM inspections WHERE id = @Id", new { Id = id });
        var judgements = (await conn.QueryAsync<JudgementRow>("""
            SELECT a.code AS area_code, a.name AS area_name, a.family, j.grade, g.label AS grade_label, g.rank AS grade_rank, j.note,
                   j.status, j.evidence, j.evidence_document, j.evidence_line,
                   (SELECT e.report_url FROM inspections e WHERE e.source = j.evidence_document AND e.source_kind IN ('report', 'override')
                    ORDER BY e.id LIMIT 1) AS evidence_url
            FROM judgements j
            JOIN inspections i ON i.id = j.inspection_id
            JOIN judgement_areas a ON a.code = j.area_code
            JOIN framework_version_areas va ON va.framework_version = i.framework_version AND va.area_code = j.area_code
            LEFT JOIN grades g ON g.code = j.grade
            WHERE j.inspection_id = @Id
            ORDER BY va.display_order
            """, new { Id = id }))
            .Select(j => new Judgement(new AreaRef(j.AreaCode, j.AreaName, j.Family),
                j.Grade is null ? null : new Grade(j.Grade, j.GradeLabel!, j.GradeRank!.Value), j.Status, j.Note,
                j.Evidence is null ? null : new Evidence(j.Evidence, j.EvidenceDocument!, j.EvidenceLine, j.EvidenceUrl)))
            .ToList();

        var detail = new InspectionDetail(summary.Id, summary.Council, summary.Type, summary.FrameworkVersion,
            summary.StartDate, summary.EndDate, summary.Published, summary.PublishedPrecision, summary.LeadInspector,
            summary.ReportUrl, summary.OfstedPageUrl, summary.SourceKind, summary.Grades, summary.MissingGrades, judgements,
            new Provenance(source.Kind, source.Source, summary.ReportUrl, summary.PublishedPrecision, source.Notes));
        if (http.WantsCsv()) return new CsvResult<Judgement>($"{detail.Id}-judgements.csv", JudgementColumns(detail), judgements);
        return TypedResults.Ok(detail);
    }
}
