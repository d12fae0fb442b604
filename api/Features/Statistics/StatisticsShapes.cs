using System.Text.Json.Serialization;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>
/// Councils by grade in one area. <c>councils = judged + notInspected + notGraded + notJudged + notCovered + unknown</c>:
/// notGraded, the latest full inspection's framework does not grade the area; notJudged, its report says the
/// area was not judged; notCovered, its report did not cover the area (a re-inspection without an LSCB review);
/// unknown, judged but the grade is not in the data. Only <c>judged</c> councils are in the percentages;
/// <c>counts</c> lists every grade of the area's scale (zeros included) and sums to <c>judged</c>;
/// <c>percentages</c> are of <c>judged</c>, to one decimal place (null when nothing is judged).
/// </summary>
/// <param name="NotJudged">Councils whose latest full inspection's report says the area was not judged (Isles of Scilly 2016).</param>
/// <param name="NotCovered">Councils whose latest full inspection's report did not cover the area (a SIF re-inspection without an LSCB review).</param>
/// <param name="Unknown">Councils judged in the area whose grade the sources do not give.</param>
public sealed record GradeCounts(
    int Councils, int Judged, int NotInspected, int NotGraded, int NotJudged, int NotCovered, int Unknown,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, decimal?> Percentages);

/// <summary>The same counts for one region or council type.</summary>
public sealed record GroupCounts(
    string Code, string Name, int Councils, int Judged, int NotInspected, int NotGraded, int NotJudged, int NotCovered, int Unknown,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, decimal?> Percentages)
{
    public static GroupCounts Of(string code, string name, GradeCounts c) =>
        new(code, name, c.Councils, c.Judged, c.NotInspected, c.NotGraded, c.NotJudged, c.NotCovered, c.Unknown, c.Counts, c.Percentages);

    public GradeCounts ToGradeCounts() => new(Councils, Judged, NotInspected, NotGraded, NotJudged, NotCovered, Unknown, Counts, Percentages);
}

/// <summary>
/// One council's standing on the day: status graded, notInspected (no full inspection yet),
/// notGraded (its latest full inspection does not grade the area), notJudged (its report says the area
/// was not judged), notCovered (its report did not cover the area) or unknown (judged, grade not in the data).
/// </summary>
public sealed record CouncilStanding(
    string Code, string Name, string Slug, RegionRef Region, string Type, string Status, string? Grade,
    string? InspectionId, DateOnly? Published, string? FrameworkVersion);

public sealed record Distribution(
    DateOnly AsOf, string Area, string? Framework, string GroupBy, string Denominator,
    GradeCounts England, IReadOnlyList<GroupCounts> Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CouncilStanding>? Councils);

public sealed record TimelinePoint(DateOnly AsOf, GradeCounts England, IReadOnlyList<GroupCounts> Groups);

public sealed record Timeline(
    string Area, string? Framework, string GroupBy, string Interval, DateOnly From, DateOnly To, string Denominator,
    IReadOnlyList<string> Grades, IReadOnlyList<TimelinePoint> Points);

/// <summary>One side of a movement: an inspection and its grade in the area.</summary>
public sealed record TransitionEnd(string InspectionId, CouncilRef Council, DateOnly Published, string FrameworkVersion, string Grade);

/// <summary>
/// A council's move between consecutive graded full inspections in the area. <c>acrossSuccession</c>
/// is true when the earlier inspection was of the council it replaced (Northamptonshire → North
/// Northamptonshire): <c>from.council</c> names it.
/// </summary>
public sealed record Transition(CouncilRef Council, RegionRef Region, bool AcrossSuccession, TransitionEnd From, TransitionEnd To);

/// <summary>Movements between consecutive graded inspections: a count matrix and the movements themselves.</summary>
/// <param name="Matrix">fromGrade → toGrade → number of movements (every grade of the scale, zeros included).</param>
public sealed record Transitions(
    string Area, DateOnly? From, DateOnly? To, string? FromGrade, string? ToGrade, string? Region,
    IReadOnlyList<string> Grades, int Total,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Matrix,
    JudgementsApi.Infrastructure.Page<Transition> Movements);

/// <summary>Counts per grade in one area family, for the councils in operation today.</summary>
public sealed record AreaCounts(
    string Area, int Councils, int Judged, int NotInspected, int NotGraded, int NotJudged, int NotCovered, int Unknown,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, decimal?> Percentages);

/// <summary>A focused visit that named areas for priority action.</summary>
public sealed record PriorityActionVisit(string Id, CouncilRef Council, DateOnly LetterDate, string Focus, string? ReportUrl);

public sealed record PriorityActionVisits(DateOnly From, DateOnly To, IReadOnlyList<PriorityActionVisit> Visits);

public sealed record Summary(
    DateOnly AsOf, string Denominator, IReadOnlyList<AreaCounts> Areas,
    IReadOnlyList<InspectionSummary> LatestInspections, PriorityActionVisits PriorityActionVisits);
