using System.ComponentModel;
using Dapper;
using JudgementsApi.Features.Councils;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace JudgementsApi.Features.Inspections;

public static class InspectionsEndpoints
{
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
        [AsParameters] InspectionListQuery query, [AsParameters] ListQuery page, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (councils, region, framework, type, from, to, area, grade, sort) = query.Filter;

        await using var conn = await db.OpenConnectionAsync();
        var (where, parameters) = Filters(councils, region, framework, type, from, to, area, grade, vocabulary.Families);
        var order = sort switch
        {
            "published" => "ORDER BY i.published, i.id",
            "council" => "ORDER BY c.name, i.published DESC, i.id",
            _ => "ORDER BY i.published DESC, i.id DESC",
        };
        return await http.PageOrCsvAsync(page.Paging, paging => InspectionReader.QueryAsync(conn, where, order, parameters, paging),
            "inspections.csv", InspectionReader.CsvColumns(vocabulary.Families));
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
