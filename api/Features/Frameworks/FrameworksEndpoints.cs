using System.ComponentModel;

namespace JudgementsApi.Features.Frameworks;

public sealed record FrameworkArea(string Code, string Name, string Family, string? ParentCode, int DisplayOrder, string? Description);

public sealed record FrameworkVersion(string Slug, string Framework, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    string? SourceUrl, string? Notes, IReadOnlyList<Grade> GradeScale, IReadOnlyList<FrameworkArea> Areas);

public sealed record Framework(string Slug, string Name, string? Description, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    IReadOnlyList<FrameworkVersion> Versions);

public sealed record GradeQuery(
    [property: Description("json (default) or csv."), FormatExample] string? Format);

public static class FrameworksEndpoints
{
    public static RouteGroupBuilder MapFrameworks(this RouteGroupBuilder v1)
    {
        var frameworks = v1.MapGroup("/frameworks").WithTags("Frameworks");

        frameworks.MapGet("/", GetFrameworks).WithCsv()
            .WithName("ListFrameworks")
            .WithSummary("Inspection frameworks")
            .WithDescription("Ofsted's frameworks for inspecting councils' children's services (pre-2013, SIF, ILACS), each with its versions, effective dates, grade scale and judgement areas. CSV has one row per framework version.");

        frameworks.MapGet("/{slug}", GetFramework).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFramework")
            .WithSummary("One framework")
            .WithDescription("A framework by slug (`sif`, `ilacs`, `pre-2013`) or by the slug of one of its versions (`ilacs-2023`).");

        v1.MapGet("/grades", GetGrades).WithCsv().WithTags("Frameworks")
            .WithName("ListGrades")
            .WithSummary("Grades")
            .WithDescription("Every grade a judgement can have, with its label and rank (1 is best), and the framework versions whose scale includes it.");

        return v1;
    }

    private static readonly CsvColumn<(Framework F, FrameworkVersion V)>[] VersionColumns =
    [
        new("framework", r => r.F.Slug), new("framework_name", r => r.F.Name), new("version", r => r.V.Slug),
        new("version_name", r => r.V.Name), new("effective_from", r => r.V.EffectiveFrom), new("effective_to", r => r.V.EffectiveTo),
        new("grade_scale", r => r.V.GradeScale.Select(g => g.Code)), new("areas", r => r.V.Areas.Select(a => a.Code)),
        new("source_url", r => r.V.SourceUrl),
    ];

    private static async Task<Results<Ok<Page<Framework>>, CsvResult<(Framework, FrameworkVersion)>, ProblemHttpResult>> GetFrameworks(
        [AsParameters] ListQuery page, HttpContext http, NpgsqlDataSource db)
    {
        var paging = page.Paging;

        var all = await LoadAsync(db);
        if (http.WantsCsv())
            return new CsvResult<(Framework, FrameworkVersion)>("frameworks.csv", VersionColumns,
                all.SelectMany(f => f.Versions.Select(v => (f, v))));
        return TypedResults.Ok(http.ToPage(all.Skip(paging.Offset).Take(paging.Limit).ToList(), all.Count, paging));
    }

    private static async Task<Results<Ok<Framework>, ProblemHttpResult>> GetFramework(string slug, NpgsqlDataSource db)
    {
        var all = await LoadAsync(db);
        var match = all.FirstOrDefault(f => f.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase)
                                            || f.Versions.Any(v => v.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase)));
        return match is null ? Problems.NotFoundFor("framework", slug) : TypedResults.Ok(match);
    }

    public sealed record GradeWithScales(string Code, string Label, int Rank, IReadOnlyList<string> FrameworkVersions);

    private static readonly CsvColumn<GradeWithScales>[] GradeColumns =
    [
        new("code", g => g.Code), new("label", g => g.Label), new("rank", g => g.Rank), new("framework_versions", g => g.FrameworkVersions),
    ];

    private static async Task<Results<Ok<Page<GradeWithScales>>, CsvResult<GradeWithScales>, ProblemHttpResult>> GetGrades(
        [AsParameters] GradeQuery query, HttpContext http, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Code, string Label, int Rank, string[] Versions)>("""
            SELECT g.code, g.label, g.rank,
                   COALESCE(array_agg(v.slug ORDER BY v.effective_from) FILTER (WHERE v.slug IS NOT NULL), '{}') AS versions
            FROM grades g
            LEFT JOIN framework_versions v ON g.code = ANY (v.grade_scale)
            GROUP BY g.code, g.label, g.rank
            ORDER BY g.rank, g.code
            """)).Select(r => new GradeWithScales(r.Code, r.Label, r.Rank, r.Versions)).ToList();
        return http.AllOrCsv(rows, "grades.csv", GradeColumns);
    }

    /// <summary>The whole framework catalogue: a handful of rows, read in three queries and assembled here.</summary>
    internal static async Task<List<Framework>> LoadAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var grades = (await conn.QueryAsync<Grade>("SELECT code, label, rank FROM grades")).ToDictionary(g => g.Code);
        var areas = (await conn.QueryAsync<(string Version, string Code, string Name, string Family, string? Parent, int Order, string? Description)>("""
            SELECT va.framework_version, a.code, a.name, a.family, va.parent_area_code, va.display_order, a.description
            FROM framework_version_areas va JOIN judgement_areas a ON a.code = va.area_code
            ORDER BY va.framework_version, va.display_order
            """)).ToLookup(a => a.Version, a => new FrameworkArea(a.Code, a.Name, a.Family, a.Parent, a.Order, a.Description));
        var versions = (await conn.QueryAsync<(string Slug, string Framework, string Name, DateOnly From, DateOnly? To, string[] Scale, string? SourceUrl, string? Notes)>("""
            SELECT slug, framework, name, effective_from, effective_to, grade_scale, source_url, notes
            FROM framework_versions ORDER BY effective_from, slug
            """)).Select(v => new FrameworkVersion(v.Slug, v.Framework, v.Name, v.From, v.To, v.SourceUrl, v.Notes,
                v.Scale.Select(code => grades[code]).ToList(), areas[v.Slug].ToList()))
            .ToLookup(v => v.Framework);
        var frameworks = await conn.QueryAsync<(string Slug, string Name, string? Description)>(
            "SELECT slug, name, description FROM frameworks");
        return frameworks
            .Select(f =>
            {
                var vs = versions[f.Slug].ToList();
                return new Framework(f.Slug, f.Name, f.Description,
                    vs.Count > 0 ? vs.Min(v => v.EffectiveFrom) : default,
                    vs.Any(v => v.EffectiveTo is null) ? null : vs.Max(v => v.EffectiveTo), vs);
            })
            .OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Slug)
            .ToList();
    }
}
