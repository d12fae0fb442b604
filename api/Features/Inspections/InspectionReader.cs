using Dapper;
using JudgementsApi.Infrastructure;
using Npgsql;

namespace JudgementsApi.Features.Inspections;

/// <summary>The inspection list shape, read for any filter: one query for the rows, one for their grades.</summary>
public static class InspectionReader
{
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string CouncilCode { get; init; } = "";
        public string CouncilName { get; init; } = "";
        public string CouncilSlug { get; init; } = "";
        public string Type { get; init; } = "";
        public string FrameworkVersion { get; init; } = "";
        public DateOnly? StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public DateOnly Published { get; init; }
        public string PublishedPrecision { get; init; } = "";
        public string? LeadInspector { get; init; }
        public string? ReportUrl { get; init; }
        public string? OfstedUrn { get; init; }
        public string SourceKind { get; init; } = "";
        public long Total { get; init; }
    }

    private sealed class GradeRow
    {
        public string InspectionId { get; init; } = "";
        public string Family { get; init; } = "";
        public string? Grade { get; init; }
        public string Status { get; init; } = "";
    }

    public const string Select = """
        SELECT i.id, i.council_code, c.name AS council_name, c.slug AS council_slug, i.type, i.framework_version,
               i.start_date, i.end_date, i.published, i.published_precision, i.lead_inspector, i.report_url,
               c.ofsted_urn, i.source_kind, count(*) OVER () AS total
        FROM inspections i JOIN councils c ON c.code = i.council_code
        """;

    /// <summary>
    /// Runs <see cref="Select"/> + <paramref name="where"/> + <paramref name="orderBy"/> (fixed SQL text
    /// with parameters, never spliced values) and pages it. Returns the page and the total number of matches.
    /// </summary>
    public static async Task<(List<InspectionSummary> Items, long Total)> QueryAsync(
        NpgsqlConnection conn, string where, string orderBy, DynamicParameters parameters, Paging paging)
    {
        var sql = $"{Select}\n{where}\n{orderBy}\n" + (paging == Paging.All ? "" : "LIMIT @Limit OFFSET @Offset");
        parameters.Add("Limit", paging.Limit);
        parameters.Add("Offset", paging.Offset);
        var rows = (await conn.QueryAsync<Row>(sql, parameters)).ToList();
        var total = await Collection.TotalAsync(conn, rows.FirstOrDefault()?.Total, paging,
            $"SELECT count(*) FROM inspections i JOIN councils c ON c.code = i.council_code\n{where}", parameters);
        return (await WithGradesAsync(conn, rows), total);
    }

    /// <summary>The list shape for given ids, keyed by id.</summary>
    public static async Task<Dictionary<string, InspectionSummary>> ByIdsAsync(NpgsqlConnection conn, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return [];
        var rows = (await conn.QueryAsync<Row>($"{Select}\nWHERE i.id = ANY (@Ids)", new { Ids = ids.ToArray() })).ToList();
        return (await WithGradesAsync(conn, rows)).ToDictionary(i => i.Id);
    }

    private static async Task<List<InspectionSummary>> WithGradesAsync(NpgsqlConnection conn, List<Row> rows)
    {
        if (rows.Count == 0) return [];
        var grades = (await conn.QueryAsync<GradeRow>("""
            SELECT j.inspection_id, a.family, j.grade, j.status
            FROM judgements j
            JOIN inspections i ON i.id = j.inspection_id
            JOIN judgement_areas a ON a.code = j.area_code
            JOIN framework_version_areas va ON va.framework_version = i.framework_version AND va.area_code = j.area_code
            WHERE j.inspection_id = ANY (@Ids)
            ORDER BY j.inspection_id, va.display_order
            """, new { Ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(g => g.InspectionId);

        return rows.Select(r => new InspectionSummary(r.Id, new CouncilRef(r.CouncilCode, r.CouncilName, r.CouncilSlug), r.Type,
                r.FrameworkVersion, r.StartDate, r.EndDate, r.Published, r.PublishedPrecision, r.LeadInspector, r.ReportUrl,
                OfstedLinks.ProviderPage(r.OfstedUrn), r.SourceKind,
                GradesByFamily(grades[r.Id].Select(g => (g.Family, g.Grade))),
                MissingByFamily(grades[r.Id].Select(g => (g.Family, g.Grade, g.Status)))))
            .ToList();
    }

    /// <summary>Family → why it has no grade (not_judged, not_covered, unknown), for the families <see cref="GradesByFamily"/> leaves null.</summary>
    public static IReadOnlyDictionary<string, string> MissingByFamily(IEnumerable<(string Family, string? Grade, string Status)> grades)
    {
        var first = new Dictionary<string, (string? Grade, string Status)>();
        foreach (var (family, grade, status) in grades.OrderBy(g => Vocabulary.FamilyRank(g.Family)))
            first.TryAdd(family, (grade, status));
        return first.Where(f => f.Value.Grade is null).ToDictionary(f => f.Key, f => f.Value.Status);
    }

    /// <summary>A family's CSV cell: the grade; for a graded area without one, why (not_judged, not_covered, unknown); empty when the framework does not grade it.</summary>
    public static string? CsvGrade(InspectionSummary i, string family) =>
        !i.Grades.TryGetValue(family, out var g) ? null : g ?? i.MissingGrades.GetValueOrDefault(family, "unknown");

    /// <summary>Family → grade. A family graded twice in one inspection keeps its first (top-level) area's grade.</summary>
    public static IReadOnlyDictionary<string, string?> GradesByFamily(IEnumerable<(string Family, string? Grade)> grades)
    {
        var result = new Dictionary<string, string?>();
        foreach (var (family, grade) in grades.OrderBy(g => Vocabulary.FamilyRank(g.Family)))
            result.TryAdd(family, grade);
        return result;
    }

    /// <summary>
    /// The area+grade filter, shared by inspections and councils' latest inspections: the inspection in
    /// <paramref name="inspectionColumn"/> has a judgement in the area (a family or one area code) with
    /// the grade; either may be absent (any area; any known grade). Null when neither is given.
    /// </summary>
    public static string? JudgementClause(string inspectionColumn, string? area, string? grade,
        IReadOnlyCollection<string> families, DynamicParameters parameters)
    {
        if (area is null && grade is null) return null;
        var areaClause = area is null ? "" : families.Contains(area) ? " AND a.family = @Area" : " AND a.code = @Area";
        var gradeClause = grade is null ? " AND j.grade IS NOT NULL" : " AND j.grade = @Grade";
        if (area is not null) parameters.Add("Area", area);
        if (grade is not null) parameters.Add("Grade", grade);
        return $"EXISTS (SELECT 1 FROM judgements j JOIN judgement_areas a ON a.code = j.area_code WHERE j.inspection_id = {inspectionColumn}{areaClause}{gradeClause})";
    }

    /// <summary>CSV columns for the list shape: one per area family, so a spreadsheet opens it as a table.</summary>
    public static IReadOnlyList<CsvColumn<InspectionSummary>> CsvColumns(IReadOnlyList<string> families) =>
    [
        new("id", i => i.Id), new("council_code", i => i.Council.Code), new("council_name", i => i.Council.Name),
        new("type", i => i.Type), new("framework_version", i => i.FrameworkVersion), new("start_date", i => i.StartDate),
        new("end_date", i => i.EndDate), new("published", i => i.Published), new("published_precision", i => i.PublishedPrecision),
        new("lead_inspector", i => i.LeadInspector), new("report_url", i => i.ReportUrl),
        new("ofsted_page_url", i => i.OfstedPageUrl), new("source_kind", i => i.SourceKind),
        // A graded area without a grade says why (not_judged, not_covered, unknown); an area the framework does not grade stays empty.
        .. families.Select(f => new CsvColumn<InspectionSummary>(f, i => CsvGrade(i, f))),
    ];
}
