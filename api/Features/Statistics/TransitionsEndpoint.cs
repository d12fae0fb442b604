using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>
/// GET /v1/statistics/transitions: grade before and after, for consecutive graded full inspections.
/// </summary>
/// <remarks>
/// A council's series in an area is its full inspections whose framework version grades the area,
/// oldest first (published, then id); an inspection that does not grade the area (an ILACS 2026
/// inspection for overall effectiveness) is not in the series, so the pair spans it. A graded area
/// whose grade is unknown stays in the series and makes no pair on either side: we never skip over
/// it to pair the grades around it.
///
/// Successions: a council with exactly one predecessor continues that predecessor's series (its
/// first graded inspection pairs with the predecessor's last; for a split such as Northamptonshire
/// into North and West Northamptonshire, each successor pairs with Northamptonshire's last). A
/// council formed from two or more predecessors (Bournemouth, Christchurch and Poole, from
/// Bournemouth, Poole and part of Dorset County Council) starts a new series: no single earlier
/// judgement describes the merged service, and pairing each predecessor would count its first
/// inspection several times.
/// </remarks>
public static class TransitionsEndpoint
{
    internal static async Task<Results<Ok<Transitions>, CsvResult<Transition>, ProblemHttpResult>> Get(
        [AsParameters] TransitionsQuery query, [AsParameters] ListQuery paged, HttpContext http)
    {
        var (area, from, to, fromGrade, toGrade, region) = query.Filter;
        var paging = paged.Paging;
        var snapshot = await http.SnapshotAsync();
        var (movements, scale) = GradeStatistics.Transitions(snapshot, area, from, to, fromGrade, toGrade, region);

        var dataAsOf = snapshot.DataAsOf;
        var warnings = Freshness.Warnings(to, dataAsOf);
        if (http.WantsCsv())
            return new CsvResult<Transition>($"transitions-{area}.csv", [.. CsvColumns, new("data_as_of", _ => dataAsOf)], movements,
                warnings);

        var matrix = scale.ToDictionary(g => g, _ => scale.ToDictionary(h => h, _ => 0));
        foreach (var m in movements) matrix[m.From.Grade][m.To.Grade]++;
        var page = movements.Skip(paging.Offset).Take(paging.Limit).ToList();
        return TypedResults.Ok(new Transitions(dataAsOf, warnings, area, from, to, fromGrade, toGrade, region?.Code, scale, movements.Count,
            matrix.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Value), http.ToPage(page, movements.Count, paging)));
    }

    /// <summary>Every transition in the area, newest first (by the later inspection, then council), built once per version.</summary>
    internal static List<Transition> All(AreaIndex index)
    {
        var councils = index.Shared.Councils;
        var position = Enumerable.Range(0, councils.Count).ToDictionary(i => councils[i].Code, StringComparer.Ordinal);
        var series = Enumerable.Range(0, councils.Count).Select(i => index.Series(i).Where(r => r.Graded).ToList()).ToArray();
        var pairs = new List<(StandingRow Before, StandingRow After, bool AcrossSuccession)>();
        for (var i = 0; i < councils.Count; i++)
        {
            var own = series[i];
            for (var k = 1; k < own.Count; k++) pairs.Add((own[k - 1], own[k], false));
            if (own.Count == 0 || councils[i].Council.Predecessors is not [var only]) continue;
            var before = LastOfLineage(position[only.Code], series, councils, position, 0);
            if (before is not null && before.Published <= own[0].Published) pairs.Add((before, own[0], true));
        }
        TransitionEnd EndOf(StandingRow r) =>
            new(r.Id, councils[position[r.CouncilCode]].Council.Ref, r.Published, r.FrameworkVersion, r.Grade!);
        return pairs.Where(p => p.Before.Grade is not null && p.After.Grade is not null)
            .Select(p => (Council: councils[position[p.After.CouncilCode]].Council, p))
            .Select(x => new Transition(x.Council.Ref, x.Council.Item.Region, x.p.AcrossSuccession, EndOf(x.p.Before), EndOf(x.p.After)))
            .OrderByDescending(t => t.To.Published).ThenBy(t => t.Council.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Council.Code, StringComparer.Ordinal).ThenByDescending(t => t.From.Published)
            .ToList();
    }

    /// <summary>The last inspection of a council's series, or, if it has none, of its sole predecessor's.</summary>
    private static StandingRow? LastOfLineage(int council, List<StandingRow>[] series, IReadOnlyList<CouncilPeriod> councils,
        Dictionary<string, int> position, int depth)
    {
        if (series[council].Count > 0) return series[council][^1];
        if (depth > 20 || councils[council].Council.Predecessors is not [var only]) return null;
        return LastOfLineage(position[only.Code], series, councils, position, depth + 1);
    }

    private static readonly CsvColumn<Transition>[] CsvColumns =
    [
        new("council_code", t => t.Council.Code), new("council_name", t => t.Council.Name),
        new("region_code", t => t.Region.Code), new("region_name", t => t.Region.Name),
        new("across_succession", t => t.AcrossSuccession),
        new("from_council_code", t => t.From.Council.Code), new("from_inspection_id", t => t.From.InspectionId),
        new("from_published", t => t.From.Published), new("from_framework_version", t => t.From.FrameworkVersion),
        new("from_grade", t => t.From.Grade),
        new("to_inspection_id", t => t.To.InspectionId), new("to_published", t => t.To.Published),
        new("to_framework_version", t => t.To.FrameworkVersion), new("to_grade", t => t.To.Grade),
    ];
}
