namespace JudgementsApi.Features;

public sealed record RegionRef(
    [property: ClosedSet(VocabularySet.RegionCodes)] string Code, string Name,
    [property: ClosedSet(VocabularySet.RegionSlugs)] string Slug);

/// <summary>A grade: its code, the words Ofsted uses, and its rank (1 is best).</summary>
public sealed record Grade(
    [property: ClosedSet(VocabularySet.Grades)] string Code, string Label, int Rank);

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

/// <summary>
/// What is known about one area: of one inspection (graded, unknown, not judged, not covered by the
/// report), or of a council on a day (also: its latest inspection's framework does not grade the
/// area, it has had no inspection yet, or the reports in force that day are not in the sources). One type for the API, the CSV, the statistics and the pages;
/// <see cref="AreaStates"/> is its one mapping to each spelling.
/// </summary>
public enum AreaState { Graded, Unknown, NotJudged, NotCovered, NotGraded, NotInspected, NoReport }

/// <summary>
/// The spellings of an <see cref="AreaState"/>, one row each: <c>Code</c> as judgements.status, the CSV
/// and an inspection's JSON (<c>not_judged</c>); <c>Name</c> as the statistics' JSON (<c>notJudged</c>);
/// page text, the sentence of badges and feeds, a short label, and the CSS suffix of its colours.
/// </summary>
public static class AreaStates
{
    private sealed record Spelling(AreaState State, string Code, string Name, string Text, string Short, string Css);

    private static readonly Spelling[] All =
    [
        new(AreaState.Graded, "graded", "graded", "Graded", "Graded", "graded"),
        new(AreaState.Unknown, "unknown", "unknown", "Grade not known", "Not known", "unknown"),
        new(AreaState.NotJudged, "not_judged", "notJudged", "Not judged", "Not judged", "not-judged"),
        new(AreaState.NotCovered, "not_covered", "notCovered", "Not covered by this report", "Not covered", "none"),
        new(AreaState.NotGraded, "not_graded", "notGraded", "Not graded under this framework", "Not graded", "not-graded"),
        new(AreaState.NotInspected, "not_inspected", "notInspected", "Not inspected yet", "Not inspected", "none"),
        new(AreaState.NoReport, "no_report", "noReport", "No report in this dataset", "No report", "none"),
    ];

    private static Spelling Of(AreaState state) => All[(int)state];

    /// <summary>The statuses a judgement row may have (judgements.status, judgements.csv).</summary>
    public static readonly string[] JudgementCodes =
        [Code(AreaState.Graded), Code(AreaState.NotJudged), Code(AreaState.NotCovered), Code(AreaState.Unknown)];

    /// <summary>Why an inspection's grade is null (its missingGrades): not_judged, not_covered, unknown.</summary>
    public static readonly string[] MissingCodes = [.. JudgementCodes.Where(c => c != Code(AreaState.Graded))];

    /// <summary>Every state in the statistics' spelling (a council's status on a day).</summary>
    public static readonly string[] Names = [.. All.Select(s => s.Name)];

    /// <summary>judgements.status, the CSV's and an inspection's spelling: graded, not_judged, not_covered, unknown.</summary>
    public static string Code(AreaState state) => Of(state).Code;

    /// <summary>The statistics' spelling: graded, notInspected, noReport, notGraded, notJudged, notCovered, unknown.</summary>
    public static string Name(AreaState state) => Of(state).Name;

    /// <summary>Reads either spelling (<c>not_judged</c> or <c>notJudged</c>); anything else is <see cref="AreaState.Unknown"/>, never a grade.</summary>
    public static AreaState Parse(string? spelling) =>
        All.FirstOrDefault(s => s.Code == spelling || s.Name == spelling)?.State ?? AreaState.Unknown;

    /// <summary>The state of a judgement that has no grade, from its status (null reads as unknown).</summary>
    public static AreaState OfMissing(string? status) => Parse(status) is var s && s == AreaState.Graded ? AreaState.Unknown : s;

    /// <summary>Page text: the grade's label ("Good"), or the state in words ("Not judged").</summary>
    public static string Text(AreaState state, string? grade) =>
        state == AreaState.Graded ? GradePalette.For(grade).Label : Of(state).Text;

    /// <summary>Within a sentence (badges, embeds, feeds): "good", "not judged", "grade not known".</summary>
    public static string Words(AreaState state, string? grade) => Text(state, grade).ToLowerInvariant();

    /// <summary>Where space is tight (badges, strips): "Good", "Not judged", "Not covered", "Not known".</summary>
    public static string Short(AreaState state, string? grade) =>
        state == AreaState.Graded ? GradePalette.For(grade).Label : Of(state).Short;

    /// <summary>The colours: the grade's, or the state's.</summary>
    public static GradePalette.Swatch Swatch(AreaState state, string? grade) => state switch
    {
        AreaState.Graded => GradePalette.For(grade),
        AreaState.Unknown => GradePalette.Unknown,
        AreaState.NotJudged => GradePalette.NotJudged,
        _ => GradePalette.None,
    };

    /// <summary>The CSS suffix of its colours: the grade's code (requires-improvement) or the state's (not-judged, none).</summary>
    public static string Css(AreaState state, string? grade) =>
        state == AreaState.Graded ? (grade ?? "unknown").Replace('_', '-') : Of(state).Css;
}
