using System.ComponentModel;

namespace JudgementsApi.Features.Frameworks;

public sealed record FrameworkArea(
    [property: ClosedSet(VocabularySet.AreaCodes)] string Code, string Name,
    [property: ClosedSet(VocabularySet.Families)] string Family, [property: ClosedSet(VocabularySet.AreaCodes)] string? ParentCode,
    int DisplayOrder, string? Description);

public sealed record FrameworkVersion(
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string Slug,
    [property: ClosedSet(VocabularySet.FrameworkIds)] string Framework, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    string? SourceUrl, string? Notes, IReadOnlyList<Grade> GradeScale, IReadOnlyList<FrameworkArea> Areas);

public sealed record Framework(
    [property: ClosedSet(VocabularySet.FrameworkIds)] string Slug, string Name, string? Description, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, IReadOnlyList<FrameworkVersion> Versions);

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
        [AsParameters] ListQuery page, HttpContext http)
    {
        var paging = page.Paging;
        var all = (await http.SnapshotAsync()).Catalogue.Frameworks;
        if (http.WantsCsv())
            return new CsvResult<(Framework, FrameworkVersion)>("frameworks.csv", VersionColumns,
                all.SelectMany(f => f.Versions.Select(v => (f, v))));
        return TypedResults.Ok(http.ToPage(all.Skip(paging.Offset).Take(paging.Limit).ToList(), all.Count, paging));
    }

    private static async Task<Results<Ok<Framework>, ProblemHttpResult>> GetFramework(string slug, HttpContext http)
    {
        var match = (await http.SnapshotAsync()).Catalogue.Frameworks.FirstOrDefault(f => f.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase)
                                            || f.Versions.Any(v => v.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase)));
        return match is null ? Problems.NotFoundFor("framework", slug) : TypedResults.Ok(match);
    }

    public sealed record GradeWithScales(
        [property: ClosedSet(VocabularySet.Grades)] string Code, string Label, int Rank,
        [property: ClosedSet(VocabularySet.FrameworkVersions)] IReadOnlyList<string> FrameworkVersions);

    private static readonly CsvColumn<GradeWithScales>[] GradeColumns =
    [
        new("code", g => g.Code), new("label", g => g.Label), new("rank", g => g.Rank), new("framework_versions", g => g.FrameworkVersions),
    ];

    private static async Task<Results<Ok<Page<GradeWithScales>>, CsvResult<GradeWithScales>, ProblemHttpResult>> GetGrades(
        [AsParameters] GradeQuery query, HttpContext http) =>
        http.AllOrCsv((await http.SnapshotAsync()).Catalogue.Grades.ToList(), "grades.csv", GradeColumns);
}

/// <summary>The framework catalogue and the grades with the versions whose scale holds each: a handful of rows, part of the snapshot.</summary>
public sealed record FrameworkCatalogue(IReadOnlyList<Framework> Frameworks, IReadOnlyList<FrameworksEndpoints.GradeWithScales> Grades)
{
    /// <summary>Read in the snapshot's transaction, after the grades (<see cref="Read"/> takes them).</summary>
    internal const string Sql = """
        SELECT slug, name, description FROM frameworks;
        SELECT slug, framework, name, effective_from, effective_to, grade_scale, source_url, notes
        FROM framework_versions ORDER BY effective_from, slug;
        SELECT va.framework_version, a.code, a.name, a.family, va.parent_area_code, va.display_order, a.description
        FROM framework_version_areas va JOIN judgement_areas a ON a.code = va.area_code
        ORDER BY va.framework_version, va.display_order, a.code;
        """;

    private sealed class VersionRow
    {
        public string Slug { get; init; } = "";
        public string Framework { get; init; } = "";
        public string Name { get; init; } = "";
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
        public string[] GradeScale { get; init; } = [];
        public string? SourceUrl { get; init; }
        public string? Notes { get; init; }
    }

    internal static async Task<FrameworkCatalogue> ReadAsync(SqlMapper.GridReader multi, IReadOnlyList<Grade> grades)
    {
        var frameworks = (await multi.ReadAsync<(string Slug, string Name, string? Description)>()).ToList();
        var versionRows = (await multi.ReadAsync<VersionRow>()).ToList();
        var areas = (await multi.ReadAsync<(string Version, string Code, string Name, string Family, string? Parent, int Order, string? Description)>())
            .ToLookup(a => a.Version, a => new FrameworkArea(a.Code, a.Name, a.Family, a.Parent, a.Order, a.Description));
        var gradeByCode = grades.ToDictionary(g => g.Code);
        var versions = versionRows.Select(v => new FrameworkVersion(v.Slug, v.Framework, v.Name, v.EffectiveFrom, v.EffectiveTo, v.SourceUrl,
            v.Notes, v.GradeScale.Select(code => gradeByCode[code]).ToList(), areas[v.Slug].ToList())).ToLookup(v => v.Framework);
        var catalogue = frameworks.Select(f =>
            {
                var vs = versions[f.Slug].ToList();
                return new Framework(f.Slug, f.Name, f.Description, vs.Count > 0 ? vs.Min(v => v.EffectiveFrom) : default,
                    vs.Any(v => v.EffectiveTo is null) ? null : vs.Max(v => v.EffectiveTo), vs);
            })
            .OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Slug)
            .ToList();
        // Grades by rank, then code; each with the versions whose scale holds it, oldest first.
        var withScales = grades.Select(g => new FrameworksEndpoints.GradeWithScales(g.Code, g.Label, g.Rank,
            versionRows.Where(v => v.GradeScale.Contains(g.Code)).Select(v => v.Slug).ToList())).ToList();
        return new FrameworkCatalogue(catalogue, withScales);
    }
}
