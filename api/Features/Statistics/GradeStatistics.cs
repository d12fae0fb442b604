using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>
/// The statistics as the endpoints answer them and the pages show them (one service, so their numbers agree),
/// read from the snapshot's per-version indexes (<see cref="StatisticsIndexes"/>): a day is one lookup per council.
/// </summary>
internal static class GradeStatistics
{
    public const int LatestInspections = 10;

    /// <summary>Councils by grade on a day, and each council's standing when asked.</summary>
    public static Distribution Distribution(DatasetSnapshot snapshot, string area, string? framework, string groupBy, DateOnly asOf,
        bool includeCouncils)
    {
        var index = snapshot.Statistics.For(area, framework);
        var (england, groups) = index.Count(asOf, snapshot.Statistics.Grouping(groupBy));
        var warnings = Freshness.For(asOf, snapshot.DataAsOf, area, england);
        return new Distribution(asOf, snapshot.DataAsOf, warnings, area, framework, groupBy, Distributions.Denominator, england, groups,
            includeCouncils ? Standings(snapshot, index, asOf) : null);
    }

    private static List<CouncilStanding> Standings(DatasetSnapshot snapshot, AreaIndex index, DateOnly asOf)
    {
        var result = new List<CouncilStanding>();
        for (var i = 0; i < index.Shared.Councils.Count; i++)
        {
            var c = index.Shared.Councils[i];
            if (!c.InOperation(asOf)) continue;
            var s = AsAt(index, i, asOf);
            var item = c.Council.Item;
            result.Add(new CouncilStanding(c.Code, c.Name, item.Slug, item.Region, item.Type, s.Status, s.Grade, s.InspectionId, s.Published,
                s.FrameworkVersion, s.Reason));
        }
        return result;
    }

    /// <summary>Council <paramref name="council"/>'s standing on <paramref name="day"/>, by the distribution's rule.</summary>
    public static StandingAsAt AsAt(AreaIndex index, int council, DateOnly day)
    {
        if (!index.Shared.Councils[council].InOperation(day))
            return new StandingAsAt(MovementsEndpoint.NotInOperation, null, null, null, null, null);
        var (state, l) = index.StandingOf(council, day);
        return new StandingAsAt(AreaStates.Name(state), state == AreaState.Graded ? l!.Grade : null, l?.Id, l?.Published,
            l?.FrameworkVersion, state == AreaState.NoReport ? index.Shared.NoReportReason(council, day) : null);
    }

    /// <summary>The distribution at each point.</summary>
    public static Timeline Timeline(DatasetSnapshot snapshot, string area, string? framework, string groupBy, string interval,
        DateOnly start, DateOnly end, IReadOnlyList<DateOnly> points)
    {
        var index = snapshot.Statistics.For(area, framework);
        var grouping = snapshot.Statistics.Grouping(groupBy);
        var result = new List<TimelinePoint>(points.Count);
        foreach (var point in points)
        {
            var (england, groups) = index.Count(point, grouping);
            result.Add(new TimelinePoint(point, england, groups));
        }
        var warnings = Freshness.For(end, snapshot.DataAsOf, area, result[^1].England);
        return new Timeline(snapshot.DataAsOf, warnings, area, framework, groupBy, interval, start, end, Distributions.Denominator,
            index.Scale, result);
    }

    /// <summary>
    /// Each council's grade as at <c>f.From</c> against <c>f.To</c>: every council in operation on either day (in the
    /// region and list asked for), by name or by region as sorted; how many are not graded on a day; the area's scale.
    /// The grade and direction filters are the caller's (the movements endpoint, the statistics page).
    /// </summary>
    public static (List<CouncilMovement> Compared, int NotGraded, IReadOnlyList<string> Scale) Movements(
        DatasetSnapshot snapshot, MovementsFilter f)
    {
        var index = snapshot.Statistics.For(f.Area, null);
        var ranks = snapshot.Grades.ToDictionary(g => g.Code, g => g.Rank);
        var only = f.CouncilCodes?.ToHashSet();
        var councils = index.Shared.Councils;
        var compared = new List<CouncilMovement>();
        var notGraded = 0;
        foreach (var i in f.Sort == "region" ? index.Shared.ByRegion : Enumerable.Range(0, councils.Count))
        {
            var c = councils[i];
            if (!(c.InOperation(f.From) || c.InOperation(f.To)) || (f.Region is not null && c.RegionCode != f.Region.Code)
                || (only is not null && !only.Contains(c.Code))) continue;
            var (a, b) = (AsAt(index, i, f.From), AsAt(index, i, f.To));
            // Steps on the grade scale: grades share a rank where they share a place (adequate before
            // 2013, requires improvement since), so adequate → requires improvement is 0 steps.
            int? steps = a.Grade is { } ga && b.Grade is { } gb && ranks.TryGetValue(ga, out var ra) && ranks.TryGetValue(gb, out var rb)
                ? ra - rb : null;
            if (a.Status == "notGraded" || b.Status == "notGraded") notGraded++;
            compared.Add(new CouncilMovement(c.Council.Ref, c.Council.Item.Region, a, b, steps,
                steps switch { null => null, > 0 => "up", < 0 => "down", _ => "same" }));
        }
        return (compared, notGraded, index.Scale);
    }

    /// <summary>Every movement between consecutive graded inspections matching the filters, newest first, and the area's scale.</summary>
    public static (List<Transition> Movements, IReadOnlyList<string> Scale) Transitions(DatasetSnapshot snapshot, string area,
        DateOnly? from, DateOnly? to, string? fromGrade, string? toGrade, RegionRef? region)
    {
        var index = snapshot.Statistics.For(area, null);
        var movements = index.Transitions(TransitionsEndpoint.All).Where(t =>
            (from is null || t.To.Published >= from) && (to is null || t.To.Published <= to)
            && (fromGrade is null || t.From.Grade == fromGrade) && (toGrade is null || t.To.Grade == toGrade)
            && (region is null || t.Region.Code == region.Code)).ToList();
        return (movements, index.Scale);
    }

    /// <summary>The headline for a day: each family's counts, the latest full inspections, the recent priority actions.</summary>
    public static Summary Summary(DatasetSnapshot snapshot, DateOnly today)
    {
        var areas = new List<AreaCounts>();
        foreach (var family in snapshot.Vocabulary.Families)
        {
            var (c, _) = snapshot.Statistics.For(family, null).Count(today, snapshot.Statistics.Grouping("none"));
            areas.Add(new AreaCounts(family, c.Councils, c.Judged, c.NotInspected, c.NoReport, c.NotGraded, c.NotJudged, c.NotCovered,
                c.Unknown, c.Counts, c.Percentages));
        }
        var inspections = InspectionReader.LatestFull(snapshot, today, LatestInspections);
        var since = today.AddMonths(-12);
        // The focused visits of the last 12 months that named areas for priority action: letters after `since`, up to today.
        var (priority, _) = FocusedVisitReader.Query(snapshot,
            new FocusedVisitFilter { PriorityAction = true, From = since.AddDays(1), To = today }, Paging.All);
        var visits = priority.Select(v => new PriorityActionVisit(v.Id, v.Council, v.LetterDate, v.Focus, v.ReportUrl)).ToList();
        var warnings = Freshness.Warnings(today, snapshot.DataAsOf);
        warnings.AddRange(areas.Where(a => a.NotGraded > 0).Select(a => Freshness.NotGradedWarning(a.Area, a.NotGraded)));
        return new Summary(today, snapshot.DataAsOf, warnings, Distributions.Denominator, areas, inspections,
            new PriorityActionVisits(since.AddDays(1), today, visits));
    }
}
