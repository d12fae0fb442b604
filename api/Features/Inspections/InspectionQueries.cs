using System.ComponentModel;

namespace JudgementsApi.Features.Inspections;

/// <summary>GET /v1/inspections: the filters, read and checked before the handler runs.</summary>
public sealed record InspectionListQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin)."), TextExample("shropshire,telford-and-wrekin")] string? Council,
    [property: Description("A region: ONS code (E12000005) or slug (west-midlands)."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("A framework (" + FrameworkSlugs.Listed + ") or one of its versions (" + FrameworkSlugs.VersionExample + ")."), VocabularyExample(FrameworkSlugs.Ilacs, VocabularySet.Frameworks)] string? Framework,
    [property: Description("Inspection type: standard, short, sif, sif_reinspection, pre_2013, lscb_review, cited (a former council's judgement known from a later report) …"), VocabularyExample("standard", VocabularySet.InspectionTypes)] string? Type,
    [property: Description("Published on or after this date (YYYY-MM-DD)."), DateExample("2025-01-01")] string? PublishedFrom,
    [property: Description("Published on or before this date (YYYY-MM-DD)."), DateExample("2025-12-31")] string? PublishedTo,
    [property: Description("Judgement area: a family (overall_effectiveness, help_and_protection, children_in_care, care_leavers, leadership, adoption_performance, lscb_review) or an area code. With grade: graded that grade in that area; alone: graded in that area."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("Grade code (outstanding, good, requires_improvement, adequate, inadequate). Without area: that grade in any area."), VocabularyExample("inadequate", VocabularySet.Grades)] string? Grade,
    [property: Description("-published (newest first, default), published, or council (by name)."), OneOfExample("-published", typeof(InspectionListQuery), "Sorts")] string? Sort) : IQueryRecord
{
    private static readonly string[] Sorts = ["-published", "published", "council"];

    public InspectionFilter Filter { get; private set; } = new(null, null, null, null, null, null, null, null, "-published");

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var region = await q.RegionAsync("region", Region);
        var framework = q.OneOf("framework", Framework, [.. vocabulary.Frameworks, .. vocabulary.FrameworkVersions]);
        var type = q.OneOf("type", Type, vocabulary.InspectionTypes);
        var from = q.Date("publishedFrom", PublishedFrom);
        var to = q.Date("publishedTo", PublishedTo);
        q.Ordered("publishedFrom", from, "publishedTo", to);
        var area = q.OneOf("area", Area, vocabulary.AreaNames);
        var grade = q.OneOf("grade", Grade, vocabulary.Grades);
        var sort = q.OneOf("sort", Sort, Sorts) ?? "-published";
        var councils = await q.CouncilsAsync("council", Council);
        Filter = new InspectionFilter(councils?.Select(c => c.Code).ToList(), region, framework, type, from, to, area, grade, sort);
    }
}

/// <summary>What GET /v1/inspections selects: null is "any"; area and grade are codes of the vocabulary.</summary>
public sealed record InspectionFilter(
    IReadOnlyList<string>? CouncilCodes, RegionRef? Region, string? Framework, string? Type, DateOnly? PublishedFrom, DateOnly? PublishedTo,
    string? Area, string? Grade, string Sort);

/// <summary>GET /v1/councils/{id}/inspections: whether the councils it replaced come too.</summary>
public sealed record CouncilInspectionsQuery(
    [property: Description("true: add the inspections of the councils this one replaced (e.g. Northamptonshire's for North Northamptonshire)."), BoolExample(true)] string? IncludePredecessors) : IQueryRecord
{
    public bool WithPredecessors { get; private set; }

    public ValueTask ReadAsync(QueryReader q)
    {
        WithPredecessors = q.Bool("includePredecessors", IncludePredecessors) ?? false;
        return ValueTask.CompletedTask;
    }
}

public sealed record InspectionDetailQuery(
    [property: Description("json (default) or csv: one row per judgement with its status and evidence; `Accept: text/csv` does the same."), FormatExample] string? Format);
