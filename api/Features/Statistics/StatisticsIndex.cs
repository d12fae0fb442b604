using System.Collections.Concurrent;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;

namespace JudgementsApi.Features.Statistics;

/// <summary>A council as the statistics see it: when it was in operation, and where it sits.</summary>
internal sealed class CouncilPeriod(SnapshotCouncil council)
{
    public SnapshotCouncil Council { get; } = council;
    public string Code => Council.Code;
    public string Name => Council.Item.Name;
    public string RegionCode => Council.Item.Region.Code;
    /// <summary>The council's last day in operation (councils.csv: Bournemouth closed 2019-03-31, BCP opened 2019-04-01).</summary>
    public DateOnly? Closed => Council.Item.Closed;

    /// <summary>The first day in operation, as a day number.</summary>
    public int FirstDay { get; } = council.Item.Opened?.DayNumber ?? int.MinValue;

    /// <summary>
    /// The last day in operation: the day it closed, or the day before a successor took over. <c>closed</c> is the
    /// last day in operation and a successor's <c>opened</c> (and the succession date) the day after, so each
    /// council counts on exactly the days it existed; the succession date also ends a predecessor should
    /// <c>closed</c> ever be missing or late.
    /// </summary>
    public int LastDay { get; } = Math.Min(council.Item.Closed?.DayNumber ?? int.MaxValue,
        council.Successors.Count == 0 ? int.MaxValue : council.Successors.Min(s => s.Date.DayNumber) - 1);

    public bool InOperation(DateOnly day) => FirstDay <= day.DayNumber && day.DayNumber <= LastDay;
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

    public AreaState State => !Graded ? AreaState.NotGraded : Grade is not null ? AreaState.Graded : AreaStates.OfMissing(JudgementStatus);
}

/// <summary>The area and framework a statistic is about.</summary>
/// <param name="Area">A family (overall_effectiveness) or one area code (sif_overall_effectiveness).</param>
/// <param name="IsFamily">Whether <paramref name="Area"/> names a family.</param>
/// <param name="Framework">A framework (sif) or framework version (ilacs-2023) slug; null for all.</param>
internal sealed record AreaSelection(string Area, bool IsFamily, string? Framework);

/// <summary>How councils are grouped: none, by region or by council type (every group listed, even when empty);
/// <c>GroupOf</c> is each council's group (by position in <see cref="StatisticsIndexes.Councils"/>), -1 for none.</summary>
internal sealed record Grouping(string Kind, IReadOnlyList<(string Code, string Name)> Groups, int[] GroupOf);

/// <summary>
/// The statistics' indexes of one dataset version, part of its snapshot: the councils with their days in
/// operation, and per area asked for (<see cref="AreaIndex"/>, built once per version) each council's grade
/// changes ordered by the day they count from. A statistic as at a day is then one lookup per council.
/// </summary>
internal sealed class StatisticsIndexes
{
    /// <summary>
    /// The framework whose start begins the dataset's coverage: from it the sources hold every council's
    /// reports but the former councils' (framework_versions.effective_from: 2013-11-01). A council already in
    /// operation then was inspected before it, under frameworks whose reports are mostly not in the sources.
    /// </summary>
    public const string CoverageFramework = "sif";

    private readonly DatasetSnapshot _snapshot;
    private readonly ConcurrentDictionary<AreaSelection, Lazy<AreaIndex>> _areas = new();
    private readonly Dictionary<string, Grouping> _groupings;
    /// <summary>Per council, the day number its first full inspection in the dataset counts from (int.MaxValue: none).</summary>
    private readonly int[] _firstReport;

    /// <summary>Every council, by name then code.</summary>
    public IReadOnlyList<CouncilPeriod> Councils { get; }
    /// <summary>Council positions by region name, then council name and code.</summary>
    public IReadOnlyList<int> ByRegion { get; }
    public DateOnly CoverageStart { get; }
    /// <summary>The first day any council was in operation: statistics describe no earlier day.</summary>
    public DateOnly? Earliest { get; }

    public StatisticsIndexes(DatasetSnapshot snapshot)
    {
        _snapshot = snapshot;
        Councils = snapshot.Councils.Select(c => new CouncilPeriod(c)).ToArray();
        _firstReport = Councils.Select(c => snapshot.FullInspectionsByCouncil.TryGetValue(c.Code, out var newestFirst)
            ? newestFirst[^1].CountsFrom.DayNumber : int.MaxValue).ToArray();
        var coverage = snapshot.FrameworkVersions.Values.Where(v => v.Framework == CoverageFramework).Select(v => v.EffectiveFrom).ToList();
        CoverageStart = coverage.Count == 0 ? DateOnly.MinValue : coverage.Min();
        Earliest = snapshot.Councils.Select(c => c.Item.Opened).Where(d => d is not null).Min();
        var regionName = snapshot.Vocabulary.Regions.ToDictionary(r => r.Code, r => r.Name);
        ByRegion = Enumerable.Range(0, Councils.Count).OrderBy(i => regionName[Councils[i].RegionCode], StringComparer.Ordinal).ToArray();
        _groupings = new()
        {
            ["none"] = Group("none", [], _ => ""),
            ["region"] = Group("region", snapshot.Vocabulary.Regions.Select(r => (r.Code, r.Name)).ToList(), c => c.RegionCode),
            ["type"] = Group("type", CouncilTypes.Codes.Select(t => (t, CouncilTypes.Label(t))).ToList(), c => c.Council.Item.Type),
        };
    }

    private Grouping Group(string kind, List<(string Code, string Name)> groups, Func<CouncilPeriod, string> key)
    {
        var index = groups.Select((g, i) => (g.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return new(kind, groups, Councils.Select(c => groups.Count == 0 ? -1 : index.TryGetValue(key(c), out var g) ? g
            : throw new InvalidOperationException($"Council {c.Code} is in no {kind} group ('{key(c)}').")).ToArray());
    }

    /// <summary>none, region or type.</summary>
    public Grouping Grouping(string kind) => _groupings.GetValueOrDefault(kind) ?? _groupings["none"];

    /// <summary>The index of an area (a family or one area code) under a framework or version (null: all).</summary>
    public AreaIndex For(string area, string? framework) =>
        _areas.GetOrAdd(new AreaSelection(area, _snapshot.Vocabulary.Families.Contains(area), framework),
            s => new Lazy<AreaIndex>(() => new AreaIndex(_snapshot, this, s))).Value;

    /// <summary>Builds the indexes the pages and the summary ask for at once (each family, every framework), with the snapshot.</summary>
    public StatisticsIndexes Warm()
    {
        foreach (var family in _snapshot.Vocabulary.Families) For(family, null);
        return this;
    }

    /// <summary>
    /// The state of council <paramref name="council"/> on <paramref name="day"/> whose standing rests on
    /// <paramref name="row"/> (null: no full inspection under the framework asked for counts yet). Without one,
    /// a council in operation before the dataset's coverage that has no report in the dataset yet is noReport:
    /// its judgement then came from a report the sources lack. Only a council formed since has truly not been inspected.
    /// </summary>
    public AreaState State(int council, StandingRow? row, DateOnly day) =>
        row is not null ? row.State
        : Councils[council].FirstDay < CoverageStart.DayNumber && _firstReport[council] > day.DayNumber ? AreaState.NoReport
        : AreaState.NotInspected;

    /// <summary>Why a council is noReport on <paramref name="day"/>.</summary>
    public string NoReportReason(int council, DateOnly day) =>
        day < CoverageStart
            ? $"Before {CoverageStart:d MMMM yyyy} the dataset holds few reports: this council's inspection then is not in the sources."
        : Councils[council].Closed is not null ? "A former council whose inspection reports in force on the day are not in the sources."
        : $"Its inspection in force on the day came before {CoverageStart:d MMMM yyyy} and is not in the sources.";
}

/// <summary>
/// One area (under one framework, or all) in one dataset version: for each council its full inspections,
/// oldest first by the day they count from (then id), each with its grade in the area, so the council's
/// standing on any day is a binary search. Every statistic derives from this one rule: a council's standing
/// on a day is its most recent full inspection counting on or before that day and that inspection's grade in
/// the area; an inspection that does not grade the area is notGraded, never replaced by an older one that did.
/// </summary>
internal sealed class AreaIndex
{
    private readonly int[][] _days;
    private readonly StandingRow[][] _rows;
    private readonly Dictionary<string, int> _gradeSlot;
    private List<Transition>? _transitions;

    public StatisticsIndexes Shared { get; }
    public AreaSelection Selection { get; }
    /// <summary>Whether any framework version (under the framework asked for) grades the area.</summary>
    public bool GradedAnywhere { get; }
    /// <summary>
    /// The grades the area can take: every grade on the scale of a version that grades it, best first, and any
    /// grade found in the data but not on a scale, so that counts always add up to <c>judged</c>.
    /// </summary>
    public IReadOnlyList<string> Scale { get; }

    public AreaIndex(DatasetSnapshot snapshot, StatisticsIndexes shared, AreaSelection s)
    {
        (Shared, Selection) = (shared, s);
        var areaByVersion = AreaByVersion(snapshot, s);
        var n = shared.Councils.Count;
        (_days, _rows) = (new int[n][], new StandingRow[n][]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var newestFirst = snapshot.FullInspectionsByCouncil.GetValueOrDefault(shared.Councils[i].Code) ?? [];
            var rows = new List<StandingRow>(newestFirst.Length);
            for (var k = newestFirst.Length - 1; k >= 0; k--)
                if (s.Framework is null || snapshot.InFramework(newestFirst[k].Summary.FrameworkVersion, s.Framework))
                    rows.Add(Resolve(newestFirst[k], areaByVersion));
            _rows[i] = [.. rows];
            _days[i] = rows.ConvertAll(r => r.CountsFrom.DayNumber).ToArray();
            foreach (var r in rows) if (r.Grade is not null) seen.Add(r.Grade);
        }
        var versions = snapshot.FrameworkVersions.Values.Where(v => areaByVersion.ContainsKey(v.Slug)).ToList();
        GradedAnywhere = versions.Count > 0;
        var scale = snapshot.Grades.Where(g => versions.Any(v => v.GradeScale.Contains(g.Code)) || seen.Contains(g.Code));
        Scale = [.. scale.Select(g => g.Code), .. seen.Where(g => snapshot.Grades.All(x => x.Code != g)).Order(StringComparer.Ordinal)];
        _gradeSlot = Scale.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>For each framework version (under the framework asked for) that grades the area, the area code it grades.</summary>
    private static Dictionary<string, string> AreaByVersion(DatasetSnapshot snapshot, AreaSelection s)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in snapshot.FrameworkVersions.Values)
        {
            if (s.Framework is not null && v.Slug != s.Framework && v.Framework != s.Framework) continue;
            foreach (var (area, _) in v.Areas) // display order: a family has one area per version, the first counts
                if (s.IsFamily ? snapshot.Areas.TryGetValue(area, out var a) && a.Family == s.Area : area == s.Area)
                {
                    result[v.Slug] = area;
                    break;
                }
        }
        return result;
    }

    private static StandingRow Resolve(SnapshotInspection i, Dictionary<string, string> areaByVersion)
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

    /// <summary>Council <paramref name="council"/>'s full inspections, oldest first.</summary>
    public IReadOnlyList<StandingRow> Series(int council) => _rows[council];

    /// <summary>The council's most recent full inspection counting on or before <paramref name="day"/>.</summary>
    public StandingRow? At(int council, DateOnly day)
    {
        var days = _days[council];
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (days[mid] <= day.DayNumber) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? null : _rows[council][lo - 1];
    }

    /// <summary>The council's standing on the day: its state and the inspection it rests on.</summary>
    public (AreaState State, StandingRow? Row) StandingOf(int council, DateOnly day)
    {
        var row = At(council, day);
        return (Shared.State(council, row, day), row);
    }

    /// <summary>England and each group, for the councils in operation on <paramref name="day"/>: one lookup per council.</summary>
    public (GradeCounts England, List<GroupCounts> Groups) Count(DateOnly day, Grouping grouping)
    {
        // Slots: the grades of the scale, then each state by its number.
        var width = Scale.Count + Enum.GetValues<AreaState>().Length;
        var tallies = new int[(grouping.Groups.Count + 1) * width];
        var councils = Shared.Councils;
        for (var i = 0; i < councils.Count; i++)
        {
            if (!councils[i].InOperation(day)) continue;
            var (state, row) = StandingOf(i, day);
            var slot = state == AreaState.Graded ? _gradeSlot[row!.Grade!] : Scale.Count + (int)state;
            tallies[slot]++;
            if (grouping.GroupOf[i] >= 0) tallies[(grouping.GroupOf[i] + 1) * width + slot]++;
        }
        var groups = grouping.Groups.Select((g, k) => GroupCounts.Of(g.Code, g.Name, ToCounts(tallies, (k + 1) * width))).ToList();
        return (ToCounts(tallies, 0), groups);
    }

    private GradeCounts ToCounts(int[] tallies, int offset)
    {
        int Of(AreaState s) => tallies[offset + Scale.Count + (int)s];
        var judged = 0;
        for (var g = 0; g < Scale.Count; g++) judged += tallies[offset + g];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var percentages = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        for (var g = 0; g < Scale.Count; g++)
        {
            counts[Scale[g]] = tallies[offset + g];
            percentages[Scale[g]] = Distributions.Percent(tallies[offset + g], judged);
        }
        var (notInspected, noReport, notGraded) = (Of(AreaState.NotInspected), Of(AreaState.NoReport), Of(AreaState.NotGraded));
        var (notJudged, notCovered, unknown) = (Of(AreaState.NotJudged), Of(AreaState.NotCovered), Of(AreaState.Unknown));
        var councils = judged + notInspected + noReport + notGraded + notJudged + notCovered + unknown;
        return new GradeCounts(councils, judged, notInspected, noReport, notGraded, notJudged, notCovered, unknown, counts, percentages);
    }

    /// <summary>Every transition in the area, built once per version by <paramref name="build"/>.</summary>
    public List<Transition> Transitions(Func<AreaIndex, List<Transition>> build) =>
        LazyInitializer.EnsureInitialized(ref _transitions, () => build(this));
}
