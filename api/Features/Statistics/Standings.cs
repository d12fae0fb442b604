using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>A council as the statistics see it: when it was in operation, and where it sits.</summary>
internal sealed class CouncilPeriod
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Type { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public DateOnly? Opened { get; init; }
    /// <summary>The council's last day in operation (councils.csv: Bournemouth closed 2019-03-31, BCP opened 2019-04-01).</summary>
    public DateOnly? Closed { get; init; }
    /// <summary>The earliest date a successor took over from it (council_successions.date), if any.</summary>
    public DateOnly? Replaced { get; init; }

    /// <summary>
    /// In operation on <paramref name="day"/>: opened on or before it, not closed before it, and not yet
    /// replaced. <c>closed</c> is the last day in operation and a successor's <c>opened</c> (and the
    /// succession date) is the day after, so each council counts on exactly the days it existed; the
    /// succession date also ends a predecessor should <c>closed</c> ever be missing or late.
    /// </summary>
    public bool InOperation(DateOnly day) => FirstDay <= day.DayNumber && day.DayNumber <= LastDay;

    /// <summary>The first day in operation, as a day number.</summary>
    public int FirstDay => Opened?.DayNumber ?? int.MinValue;

    /// <summary>The last day in operation, as a day number: the day it closed, or the day before a successor took over.</summary>
    public int LastDay => Math.Min(Closed?.DayNumber ?? int.MaxValue, Replaced is { } r ? r.DayNumber - 1 : int.MaxValue);
}

/// <summary>One full inspection and what it says about the requested area.</summary>
internal sealed class StandingRow
{
    public string CouncilCode { get; init; } = "";
    public string Id { get; init; } = "";
    public DateOnly Published { get; init; }
    /// <summary>The first day the judgement counts: <see cref="Published"/>, or the last day of the month or
    /// year when that is all the source gives (inspections.counts_from).</summary>
    public DateOnly CountsFrom { get; init; }
    public string FrameworkVersion { get; init; } = "";
    /// <summary>The judgement's status (judgements.status): graded, not_judged, not_covered or unknown; null when not graded.</summary>
    public string? JudgementStatus { get; init; }
    /// <summary>The inspection's framework version grades the area (a family: some area of it).</summary>
    public bool Graded { get; init; }
    /// <summary>The grade; null when not graded, or graded but unknown in the data.</summary>
    public string? Grade { get; init; }
}

/// <summary>The area and framework a statistic is about.</summary>
/// <param name="Area">A family (overall_effectiveness) or one area code (sif_overall_effectiveness).</param>
/// <param name="IsFamily">Whether <paramref name="Area"/> names a family.</param>
/// <param name="Framework">A framework (sif) or framework version (ilacs-2023) slug; null for all.</param>
internal sealed record AreaSelection(string Area, bool IsFamily, string? Framework);

/// <summary>
/// Councils and full inspections for the statistics, from the dataset snapshot. Every statistic derives from one rule:
/// a council's standing on a day is its most recent full inspection published on or before that
/// day (a judgement dated only to a month or year counts from that period's last day: counts_from)
/// (under the framework asked for, if any), ties broken by id, and that inspection's grade in
/// the area; an inspection that does not grade the area is "not graded", never replaced by an
/// older one that did.
/// </summary>
internal static class Standings
{
    /// <summary>Every council, by name then code, with the day a successor took it over.</summary>
    public static IReadOnlyList<CouncilPeriod> Councils(DatasetSnapshot snapshot) => snapshot.StatisticsCouncils;

    private static bool AreaMatches(DatasetSnapshot snapshot, string areaCode, AreaSelection s) =>
        s.IsFamily ? snapshot.Areas.TryGetValue(areaCode, out var a) && a.Family == s.Area : areaCode == s.Area;

    /// <summary>
    /// For each framework version that grades the area, the area code it grades (a family has at
    /// most one area per version; should one ever have two, the first in display order counts).
    /// </summary>
    public static Dictionary<string, string> AreaByVersion(DatasetSnapshot snapshot, AreaSelection s)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in snapshot.FrameworkVersions.Values)
            foreach (var (area, _) in v.Areas) // display order, then code
                if (AreaMatches(snapshot, area, s)) { result[v.Slug] = area; break; }
        return result;
    }

    /// <summary>The inspection with its grade in the area its version grades (any judgement row of that area counts).</summary>
    private static StandingRow Resolve(SnapshotInspection i, IReadOnlyDictionary<string, string> areaByVersion)
    {
        var graded = areaByVersion.TryGetValue(i.Summary.FrameworkVersion, out var area);
        string? grade = null, status = null;
        if (graded)
            foreach (var j in i.AllJudgements)
                if (j.Area == area) (grade, status) = (j.Grade, j.Status);
        return new StandingRow
        {
            CouncilCode = i.Summary.Council.Code, Id = i.Id, Published = i.Summary.Published, CountsFrom = i.CountsFrom,
            FrameworkVersion = i.Summary.FrameworkVersion, Graded = graded, Grade = grade, JudgementStatus = status,
        };
    }

    /// <summary>Each council's latest full inspection published on or before <paramref name="asOf"/>.</summary>
    public static Dictionary<string, StandingRow> Latest(DatasetSnapshot snapshot, AreaSelection s, DateOnly asOf) =>
        Latest(snapshot, s.Framework, asOf, [AreaByVersion(snapshot, s)])[0];

    /// <summary>
    /// Each council's latest full inspection published on or before <paramref name="asOf"/> (under
    /// <paramref name="framework"/>, if given), found once and resolved for several areas.
    /// </summary>
    public static List<Dictionary<string, StandingRow>> Latest(
        DatasetSnapshot snapshot, string? framework, DateOnly asOf, IReadOnlyList<Dictionary<string, string>> areaMaps)
    {
        var latest = new List<SnapshotInspection>();
        foreach (var newestFirst in snapshot.FullInspectionsByCouncil.Values)
            foreach (var i in newestFirst) // by counts_from, then id, both descending
            {
                if (i.CountsFrom > asOf || (framework is not null && !snapshot.InFramework(i.Summary.FrameworkVersion, framework))) continue;
                latest.Add(i);
                break;
            }
        // Oldest first, as the statistics have always listed them.
        latest.Sort((a, b) => a.CountsFrom != b.CountsFrom ? a.CountsFrom.CompareTo(b.CountsFrom) : string.CompareOrdinal(a.Id, b.Id));
        return areaMaps.Select(m => latest.Select(i => Resolve(i, m)).ToDictionary(r => r.CouncilCode, StringComparer.Ordinal)).ToList();
    }

    /// <summary>
    /// Every full inspection published on or before <paramref name="until"/>, oldest first in the order
    /// <see cref="Latest(DatasetSnapshot, AreaSelection, DateOnly)"/> ranks them (counts_from, then id),
    /// so replaying them leaves each council's latest last.
    /// </summary>
    public static List<StandingRow> History(DatasetSnapshot snapshot, AreaSelection s, DateOnly until)
    {
        var areaByVersion = AreaByVersion(snapshot, s);
        var result = new List<StandingRow>();
        foreach (var i in snapshot.FullInspectionsByCountsFrom)
        {
            if (i.CountsFrom > until) break;
            if (s.Framework is null || snapshot.InFramework(i.Summary.FrameworkVersion, s.Framework)) result.Add(Resolve(i, areaByVersion));
        }
        return result;
    }

    /// <summary>
    /// The grades the area can take: every grade on the scale of a framework version that grades it
    /// (within the framework asked for), best first. Zero counts are listed for each.
    /// </summary>
    public static List<string> Scale(DatasetSnapshot snapshot, AreaSelection s)
    {
        var versions = snapshot.FrameworkVersions.Values.Where(v =>
            v.Areas.Any(a => AreaMatches(snapshot, a.Area, s)) && (s.Framework is null || v.Slug == s.Framework || v.Framework == s.Framework)).ToList();
        return snapshot.Grades.Where(g => versions.Any(v => v.GradeScale.Contains(g.Code))).Select(g => g.Code).ToList();
    }

    public static AreaState StatusOf(StandingRow? latest) =>
        latest is null ? AreaState.NotInspected
        : !latest.Graded ? AreaState.NotGraded
        : latest.Grade is not null ? AreaState.Graded
        : AreaStates.OfMissing(latest.JudgementStatus);

    /// <summary>
    /// A scale that also holds any grade found in the data but missing from the scale, in the
    /// vocabulary's order, so that counts always add up to <c>judged</c>.
    /// </summary>
    public static List<string> Complete(IReadOnlyList<string> scale, IEnumerable<string?> seen, IReadOnlyList<string> allGrades)
    {
        var set = new HashSet<string>(scale);
        foreach (var g in seen) if (g is not null) set.Add(g);
        if (set.Count == scale.Count) return [.. scale];
        return [.. set.OrderBy(g => allGrades.IndexOf(g) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal)];
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

}
