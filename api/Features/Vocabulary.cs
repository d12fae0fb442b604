namespace JudgementsApi.Features;

public sealed record RegionRef(string Code, string Name, string Slug);

/// <summary>A grade: its code, the words Ofsted uses, and its rank (1 is best).</summary>
public sealed record Grade(string Code, string Label, int Rank);

/// <summary>
/// The codes a request may use (grades, areas, regions, types…), part of the dataset's in-memory
/// snapshot, so validating a query costs no database round trip.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Families in the order the API lists them: headline first, then the graded areas.</summary>
    public static readonly string[] FamilyOrder =
        ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers", "adoption_performance", "lscb_review"];

    public required IReadOnlyList<string> Grades { get; init; }
    public required IReadOnlyList<string> Families { get; init; }
    public required IReadOnlyList<string> AreaCodes { get; init; }
    public required IReadOnlyList<string> InspectionTypes { get; init; }
    public required IReadOnlyList<string> Frameworks { get; init; }
    public required IReadOnlyList<string> FrameworkVersions { get; init; }
    public required IReadOnlyList<RegionRef> Regions { get; init; }

    /// <summary>An area filter may name a family (compares like with like across frameworks) or one area code.</summary>
    public IReadOnlyList<string> AreaNames => [.. Families, .. AreaCodes.Where(a => !Families.Contains(a))];

    public RegionRef? Region(string? codeOrSlug) =>
        codeOrSlug is null ? null : Regions.FirstOrDefault(r =>
            r.Code.Equals(codeOrSlug, StringComparison.OrdinalIgnoreCase) || r.Slug.Equals(codeOrSlug, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> RegionNames => [.. Regions.Select(r => r.Code), .. Regions.Select(r => r.Slug)];

    /// <summary>Reads a region parameter, recording an error when it names no region.</summary>
    public RegionRef? ReadRegion(QueryReader q, string name, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        var region = Region(raw);
        if (region is null) q.Add(name, $"'{raw}' is not a region code or slug.", RegionNames);
        return region;
    }

    public static int FamilyRank(string family) => Array.IndexOf(FamilyOrder, family) is var i and >= 0 ? i : FamilyOrder.Length;
}

/// <summary>The vocabulary of the snapshot the current request reads (no database round trip).</summary>
public sealed class VocabularySource(SnapshotLoader snapshots, IHttpContextAccessor http)
{
    public async Task<Vocabulary> GetAsync() =>
        (http.HttpContext is { } context ? await context.SnapshotAsync() : await snapshots.CurrentAsync()).Vocabulary;
}
