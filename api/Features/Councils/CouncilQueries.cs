using System.ComponentModel;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Councils;

/// <summary>GET /v1/councils: the filters, read and checked before the handler runs.</summary>
public sealed record CouncilListQuery(
    [property: Description("A region: ONS code (E12000005) or slug (west-midlands)."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("Council type: " + CouncilTypes.Listed + "."), OneOfExample(CouncilTypes.Unitary, typeof(CouncilTypes), nameof(CouncilTypes.Codes))] string? Type,
    [property: Description("current (default), former (abolished or replaced councils), or all."), OneOfExample("current", typeof(CouncilListQuery), "Statuses")] string? Status,
    [property: Description("Name contains this text (case- and accent-insensitive; '&' matches 'and')."), TextExample("telford")] string? Q,
    [property: Description("Comma-separated councils (ONS, DfE or former code, slug, or a name without a comma such as hull or Telford and Wrekin), at most 200, for a side-by-side comparison."), TextExample("shropshire,telford-and-wrekin,E06000019")] string? Codes,
    [property: Description("Judgement area family or area code; with grade, councils whose latest full inspection graded it so."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("Grade code; with area, that grade in that area; alone, that grade in ANY area of the latest full inspection (an inspection graded inadequate only for help and protection matches grade=inadequate). For \"rated inadequate overall\" use area=overall_effectiveness: ILACS inspections from April 2026 give no overall effectiveness judgement, so they never match it."), VocabularyExample("inadequate", VocabularySet.Grades)] string? Grade) : IQueryRecord
{
    private static readonly string[] Statuses = ["current", "former", "all"];

    public CouncilFilter Filter { get; private set; } = new(null, null, null, "current", null, null, null);

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var region = await q.RegionAsync("region", Region);
        var type = q.OneOf("type", Type, CouncilTypes.Codes);
        var status = q.OneOf("status", Status, Statuses) ?? "current";
        var area = q.OneOf("area", Area, vocabulary.AreaNames);
        var grade = q.OneOf("grade", Grade, vocabulary.Grades);
        var search = string.IsNullOrWhiteSpace(Q) ? null : SearchText.Fold(Q);
        var codes = (await q.CouncilsAsync("codes", Codes))?.Select(c => c.Code).ToArray();
        Filter = new CouncilFilter(codes, region, type, status, search, area, grade);
    }
}

/// <summary>What GET /v1/councils selects: null is "any"; <c>Search</c> is already folded for comparison.</summary>
public sealed record CouncilFilter(
    IReadOnlyList<string>? Codes, RegionRef? Region, string? Type, string Status, string? Search, string? Area, string? Grade);

public sealed record NeighboursQuery(
    [property: Description("json (default) or csv."), FormatExample] string? Format);

public sealed record RegionsQuery(
    [property: Description("json (default) or csv."), FormatExample] string? Format);
