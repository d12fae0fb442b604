using System.ComponentModel;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Improvements;

/// <summary>
/// One point of what a report says the council must improve, in Ofsted's words. Exactly one of
/// <c>inspectionId</c> and <c>focusedVisitId</c> is set. <c>frameworkTag</c> is an outcome or enabler of the
/// DfE's Children's Social Care National Framework, set only where the report's footnote names one
/// (reports from 2025); <c>frameworkTagText</c> is the footnote as printed.
/// </summary>
/// <param name="Kind">inspection or focused_visit: the kind of report the point is from.</param>
/// <param name="Published">The inspection's publication date, or the focused visit's letter date.</param>
/// <param name="Position">1.. in the report's order.</param>
/// <param name="Text">Ofsted's words: wrapped lines joined, the footnote taken out; a point that introduces a list keeps
/// its items, a line each starting "• ".</param>
/// <param name="ListHeading">The SIF list the point is in as printed (Priority and immediate action, Areas for improvement);
/// null otherwise.</param>
/// <param name="AreaHeading">The subheading the point sits under as printed (SIF: Help and protection …); null when there
/// is none.</param>
/// <param name="FrameworkTag">outcome_1…outcome_4 or enabler_1…enabler_3; null when the report gives none (never inferred).</param>
/// <param name="FrameworkTagText">The footnote as the report prints it, also when it names no outcome or enabler.</param>
/// <param name="Theme">The point's theme (GET /v1/improvements/themes): the first keyword rule its words match, a person's
/// override, or other.</param>
/// <param name="Source">The report's text file; <c>lineFrom</c>..<c>lineTo</c> are the lines the point occupies in it.</param>
public sealed record ImprovementPoint(
    [property: ClosedSet(typeof(ImprovementQuery), nameof(ImprovementQuery.Kinds))] string Kind, string? InspectionId,
    string? FocusedVisitId, CouncilRef Council, DateOnly Published, int Position, string Text, string? ListHeading, string? AreaHeading,
    [property: ClosedSet(VocabularySet.Tags)] string? FrameworkTag, string? FrameworkTagText,
    [property: ClosedSet(VocabularySet.Themes)] string Theme, string Source, int LineFrom, int LineTo);

/// <summary>A theme and the rule that gives it: a case-insensitive regular expression over the point's text, tried in
/// ruleOrder (the first match wins); other has none.</summary>
public sealed record ImprovementTheme(
    [property: ClosedSet(VocabularySet.Themes)] string Code, string Name, int RuleOrder, string? Rule);

/// <summary>An outcome or enabler of the National Framework: the closed list of tags.</summary>
public sealed record FrameworkTag(
    [property: ClosedSet(VocabularySet.Tags)] string Code, [property: ClosedSet(typeof(Import.SeedSet), "TagKinds")] string Kind,
    int Number, string Name, string? SourceUrl);

/// <summary>An inspection's points, in the report's order, with the licence statement that goes with any quotation.</summary>
/// <param name="Attribution">The Open Government Licence statement to publish with any quotation; null when nothing is quoted.</param>
public sealed record InspectionImprovements(
    string InspectionId, CouncilRef Council, DateOnly Published,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string FrameworkVersion, IReadOnlyList<ImprovementPoint> Points,
    string? Attribution);

/// <summary>
/// A focused visit's points ("What needs to improve in this area of social work practice") and, where the
/// letter sets them, its areas for priority action (as <c>GET /v1/focused-visits/{id}</c> gives them).
/// </summary>
/// <param name="PriorityActions">The visit's areas for priority action: kind none when there are none.</param>
/// <param name="Visit">The focused visit itself.</param>
public sealed record FocusedVisitImprovements(string FocusedVisitId, CouncilRef Council, DateOnly LetterDate,
    IReadOnlyList<ImprovementPoint> Points, FocusedVisits.PriorityActions PriorityActions, string Visit, string? Attribution);

/// <summary>Which points: null is "any".</summary>
public sealed record ImprovementFilter
{
    public IReadOnlyList<string>? CouncilCodes { get; init; }
    public string? RegionCode { get; init; }
    public string? Kind { get; init; }
    /// <summary>An inspection framework (ilacs, sif) or framework version: inspections' points only.</summary>
    public string? Framework { get; init; }
    /// <summary>A tag code, or "untagged".</summary>
    public string? Tag { get; init; }
    public string? Theme { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

public sealed record ImprovementQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code, DfE code, former ONS code, slug or a name without a comma."),
     TextExample("shropshire")] string? Council,
    [property: Description("A region: ONS code or slug."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("inspection (full inspection reports) or focused_visit (focused-visit letters)."),
     OneOfExample("inspection", typeof(ImprovementQuery), nameof(ImprovementQuery.Kinds))] string? Kind,
    [property: Description("An inspection framework or framework version (ilacs, sif, ilacs-2023 …): only inspections' points."),
     VocabularyExample("ilacs", VocabularySet.Frameworks)] string? Framework,
    [property: Description("A National Framework tag (outcome_1…outcome_4, enabler_1…enabler_3), or untagged."),
     VocabularyExample("outcome_3", VocabularySet.TagFilters)] string? Tag,
    [property: Description("A theme (GET /v1/improvements/themes), e.g. workforce."),
     VocabularyExample("workforce", VocabularySet.Themes)] string? Theme,
    [property: Description("Published (a letter: dated) on or after (YYYY-MM-DD)."), DateExample("2025-01-01")] string? From,
    [property: Description("Published (a letter: dated) on or before (YYYY-MM-DD)."), DateExample("2025-12-31")] string? To) : IQueryRecord
{
    public static readonly string[] Kinds = ["inspection", "focused_visit"];

    public ImprovementFilter Filter { get; private set; } = new();

    public async ValueTask ReadAsync(QueryReader q)
    {
        var snapshot = await q.SnapshotAsync();
        var region = await q.RegionAsync("region", Region);
        var kind = q.OneOf("kind", Kind, Kinds);
        var vocabulary = await q.VocabularyAsync();
        var framework = q.OneOf("framework", Framework, [.. vocabulary.Frameworks, .. vocabulary.FrameworkVersions]);
        var tag = q.OneOf("tag", Tag, [.. snapshot.Improvements.Tags.Select(t => t.Code), ImprovementReader.Untagged]);
        var theme = q.OneOf("theme", Theme, snapshot.Improvements.Themes.Select(t => t.Code).ToList());
        var (from, to, councils) = await Letters.ReadDatesAndCouncilsAsync(q, From, To, Council);
        Filter = new ImprovementFilter
        {
            CouncilCodes = councils, RegionCode = region?.Code, Kind = kind, Framework = framework, Tag = tag, Theme = theme,
            From = from, To = to,
        };
    }
}
