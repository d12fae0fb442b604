using System.Text.Json.Serialization;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>A ready total of several grades: how many councils, and what percentage of those judged.</summary>
public sealed record GradeTotal(int Count, decimal? Percentage);

/// <summary>
/// The totals journalists quote, made the same way wherever counts appear: "good or better" (good +
/// outstanding) and "requires improvement or worse" (requires improvement + inadequate; pre-2013
/// `adequate` is in neither), and a low-base warning where fewer than 30 councils are judged.
/// </summary>
internal static class ReadyTotals
{
    /// <summary>Below this many judged councils one council moves a percentage by more than 3 points.</summary>
    public const int LowBase = 30;

    public static GradeTotal Of(IReadOnlyDictionary<string, int> counts, int judged, params string[] grades)
    {
        var n = grades.Sum(g => counts.GetValueOrDefault(g));
        return new GradeTotal(n, Distributions.Percent(n, judged));
    }

    public static GradeTotal GoodOrBetter(IReadOnlyDictionary<string, int> counts, int judged) => Of(counts, judged, "outstanding", "good");

    public static GradeTotal RequiresImprovementOrWorse(IReadOnlyDictionary<string, int> counts, int judged) =>
        Of(counts, judged, "requires_improvement", "inadequate");

    /// <summary>The base (judged) is under half the councils in operation: the rest are not graded, not inspected or have no report here.</summary>
    public static bool BaseUnderHalf(int judged, int councils) => judged * 2 < councils;

    public static string? Note(int judged) => judged >= LowBase ? null
        : $"Only {judged} councils are judged here (fewer than {LowBase}): one council moves a percentage by {(judged == 0 ? "—" : $"{Distributions.Percent(1, judged)} points")}; compare counts rather than percentages.";
}

/// <summary>
/// Councils by grade in one area. <c>councils = judged + notInspected + noReport + notGraded + notJudged + notCovered + unknown</c>:
/// notInspected, no full inspection yet (a council formed since the dataset's coverage began); noReport, in operation before
/// the coverage began (November 2013) and no report of it in the dataset yet, or a former council whose reports the
/// sources lack: it had a grade, which the dataset cannot give; notGraded, the latest full inspection's framework does not grade the area; notJudged, its report says the
/// area was not judged; notCovered, its report did not cover the area (a re-inspection without an LSCB review);
/// unknown, judged but the grade is not in the data. Only <c>judged</c> councils are in the percentages;
/// <c>counts</c> lists every grade of the area's scale (zeros included) and sums to <c>judged</c>;
/// <c>percentages</c> are of <c>judged</c>, to one decimal place (null when nothing is judged).
/// <c>goodOrBetter</c> and <c>requiresImprovementOrWorse</c> are ready totals; <c>lowBase</c> (with a
/// <c>note</c>) is true when fewer than 30 councils are judged; <c>judged</c> is the base (n) of every percentage, and
/// <c>baseUnderHalf</c> is true when it is under half the <c>councils</c> in operation.
/// </summary>
/// <param name="NoReport">Councils in operation whose grade on the day rests on a report that is not in the sources.</param>
/// <param name="NotJudged">Councils whose latest full inspection's report says the area was not judged (Isles of Scilly 2016).</param>
/// <param name="NotCovered">Councils whose latest full inspection's report did not cover the area (a SIF re-inspection without an LSCB review).</param>
/// <param name="Unknown">Councils judged in the area whose grade the sources do not give.</param>
public sealed record GradeCounts(
    int Councils, int Judged, int NotInspected, int NoReport, int NotGraded, int NotJudged, int NotCovered, int Unknown,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, decimal?> Percentages)
{
    public GradeTotal GoodOrBetter => ReadyTotals.GoodOrBetter(Counts, Judged);
    public GradeTotal RequiresImprovementOrWorse => ReadyTotals.RequiresImprovementOrWorse(Counts, Judged);
    public bool LowBase => Judged < ReadyTotals.LowBase;
    public string? Note => ReadyTotals.Note(Judged);
    public bool BaseUnderHalf => ReadyTotals.BaseUnderHalf(Judged, Councils);
}

/// <summary>The same counts for one region or council type.</summary>
public sealed record GroupCounts(
    string Code, string Name, int Councils, int Judged, int NotInspected, int NoReport, int NotGraded, int NotJudged, int NotCovered, int Unknown,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, decimal?> Percentages)
{
    public GradeTotal GoodOrBetter => ReadyTotals.GoodOrBetter(Counts, Judged);
    public GradeTotal RequiresImprovementOrWorse => ReadyTotals.RequiresImprovementOrWorse(Counts, Judged);
    public bool LowBase => Judged < ReadyTotals.LowBase;
    public string? Note => ReadyTotals.Note(Judged);
    public bool BaseUnderHalf => ReadyTotals.BaseUnderHalf(Judged, Councils);

    public static GroupCounts Of(string code, string name, GradeCounts c) =>
        new(code, name, c.Councils, c.Judged, c.NotInspected, c.NoReport, c.NotGraded, c.NotJudged, c.NotCovered, c.Unknown, c.Counts,
            c.Percentages);

    public GradeCounts ToGradeCounts() =>
        new(Councils, Judged, NotInspected, NoReport, NotGraded, NotJudged, NotCovered, Unknown, Counts, Percentages);
}

/// <summary>
/// One council's standing on the day: status graded, notInspected (no full inspection yet), noReport (the
/// report its grade rested on is not in the sources: <c>reason</c> says why), notGraded (its latest full inspection does not grade the area), notJudged (its report says the area
/// was not judged), notCovered (its report did not cover the area) or unknown (judged, grade not in the data).
/// </summary>
public sealed record CouncilStanding(
    string Code, string Name, string Slug, RegionRef Region,
    [property: ClosedSet(typeof(CouncilTypes), nameof(CouncilTypes.Codes))] string Type,
    [property: ClosedSet(typeof(AreaStates), nameof(AreaStates.Names))] string Status,
    [property: ClosedSet(VocabularySet.Grades)] string? Grade, string? InspectionId, DateOnly? Published,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string? FrameworkVersion, string? Reason);

/// <param name="DataAsOf">The newest publication (report or letter) in the dataset: nothing later is known.</param>
/// <param name="Warnings">What to bear in mind reading the figures: a day after <c>dataAsOf</c> (newer reports may be missing), councils the area does not grade.</param>
public sealed record Distribution(
    DateOnly AsOf, DateOnly? DataAsOf, IReadOnlyList<string> Warnings, [property: ClosedSet(VocabularySet.Areas)] string Area,
    [property: ClosedSet(VocabularySet.Frameworks)] string? Framework,
    [property: ClosedSet(typeof(Distributions), nameof(Distributions.GroupBys))] string GroupBy, string Denominator,
    GradeCounts England, IReadOnlyList<GroupCounts> Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CouncilStanding>? Councils);

public sealed record TimelinePoint(DateOnly AsOf, GradeCounts England, IReadOnlyList<GroupCounts> Groups);

public sealed record Timeline(
    DateOnly? DataAsOf, IReadOnlyList<string> Warnings, [property: ClosedSet(VocabularySet.Areas)] string Area,
    [property: ClosedSet(VocabularySet.Frameworks)] string? Framework,
    [property: ClosedSet(typeof(Distributions), nameof(Distributions.GroupBys))] string GroupBy,
    [property: ClosedSet(typeof(TimelineQuery), "Intervals")] string Interval, DateOnly From, DateOnly To, string Denominator,
    [property: ClosedSet(VocabularySet.Grades)] IReadOnlyList<string> Grades, IReadOnlyList<TimelinePoint> Points);

/// <summary>One side of a movement: an inspection and its grade in the area.</summary>
public sealed record TransitionEnd(
    string InspectionId, CouncilRef Council, DateOnly Published,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string FrameworkVersion,
    [property: ClosedSet(VocabularySet.Grades)] string Grade);

/// <summary>
/// A council's move between consecutive graded full inspections in the area. <c>acrossSuccession</c>
/// is true when the earlier inspection was of the council it replaced (Northamptonshire → North
/// Northamptonshire): <c>from.council</c> names it.
/// </summary>
public sealed record Transition(CouncilRef Council, RegionRef Region, bool AcrossSuccession, TransitionEnd From, TransitionEnd To);

/// <summary>Movements between consecutive graded inspections: a count matrix and the movements themselves.</summary>
/// <param name="Matrix">fromGrade → toGrade → number of movements (every grade of the scale, zeros included).</param>
public sealed record Transitions(
    DateOnly? DataAsOf, IReadOnlyList<string> Warnings, [property: ClosedSet(VocabularySet.Areas)] string Area, DateOnly? From,
    DateOnly? To, [property: ClosedSet(VocabularySet.Grades)] string? FromGrade,
    [property: ClosedSet(VocabularySet.Grades)] string? ToGrade, [property: ClosedSet(VocabularySet.RegionCodes)] string? Region,
    [property: ClosedSet(VocabularySet.Grades)] IReadOnlyList<string> Grades, int Total,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Matrix, JudgementsApi.Infrastructure.Page<Transition> Movements);

/// <summary>Counts per grade in one area family, for the councils in operation today.</summary>
public sealed record AreaCounts(
    [property: ClosedSet(VocabularySet.Families)] string Area, int Councils, int Judged, int NotInspected, int NoReport, int NotGraded,
    int NotJudged, int NotCovered, int Unknown, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, decimal?> Percentages)
{
    public GradeTotal GoodOrBetter => ReadyTotals.GoodOrBetter(Counts, Judged);
    public GradeTotal RequiresImprovementOrWorse => ReadyTotals.RequiresImprovementOrWorse(Counts, Judged);
    public bool LowBase => Judged < ReadyTotals.LowBase;
    public string? Note => ReadyTotals.Note(Judged);
    public bool BaseUnderHalf => ReadyTotals.BaseUnderHalf(Judged, Councils);
}

/// <summary>A focused visit that named areas for priority action.</summary>
public sealed record PriorityActionVisit(string Id, CouncilRef Council, DateOnly LetterDate, string Focus, string? ReportUrl);

public sealed record PriorityActionVisits(DateOnly From, DateOnly To, IReadOnlyList<PriorityActionVisit> Visits);

public sealed record Summary(
    DateOnly AsOf, DateOnly? DataAsOf, IReadOnlyList<string> Warnings, string Denominator, IReadOnlyList<AreaCounts> Areas,
    IReadOnlyList<InspectionSummary> LatestInspections, PriorityActionVisits PriorityActionVisits);

/// <summary>
/// A council's standing on one day in the area: status graded (with its grade), notInspected, noReport
/// (with the <c>reason</c>), notGraded, unknown, or notInOperation (the council did not exist that day); the
/// inspection it rests on.
/// </summary>
public sealed record StandingAsAt(
    [property: ClosedSet(typeof(AreaStates), nameof(AreaStates.Names), MovementsEndpoint.NotInOperation)] string Status,
    [property: ClosedSet(VocabularySet.Grades)] string? Grade, string? InspectionId, DateOnly? Published,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string? FrameworkVersion, string? Reason);

/// <summary>
/// One council's grade as at both days and the movement between them: <c>steps</c> on the grade scale
/// (positive up, negative down, 0 the same; null unless both days are graded) and its <c>direction</c>.
/// </summary>
public sealed record CouncilMovement(
    CouncilRef Council, RegionRef Region, StandingAsAt From, StandingAsAt To, int? Steps,
    [property: ClosedSet(typeof(MovementsQuery), "Directions")] string? Direction);

/// <summary>Counts of the councils listed: compared (graded on both days), and of those how many went up, down or stayed.</summary>
public sealed record MovementCounts(int Councils, int Compared, int Up, int Down, int Same);

public sealed record CouncilMovements(
    DateOnly From, DateOnly To, DateOnly? DataAsOf, IReadOnlyList<string> Warnings,
    [property: ClosedSet(VocabularySet.Areas)] string Area, [property: ClosedSet(VocabularySet.RegionCodes)] string? Region,
    IReadOnlyList<string>? Councils, [property: ClosedSet(VocabularySet.Grades)] string? FromGrade,
    [property: ClosedSet(VocabularySet.Grades)] string? ToGrade,
    [property: ClosedSet(typeof(MovementsQuery), "Directions")] string? Direction,
    [property: ClosedSet(typeof(MovementsQuery), "Sorts")] string Sort,
    [property: ClosedSet(VocabularySet.Grades)] IReadOnlyList<string> Grades, MovementCounts Counts,
    JudgementsApi.Infrastructure.Page<CouncilMovement> Movements);
