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
    private static readonly DateOnly End = new(9999, 12, 31);

    private sealed record Pair(StandingRow Before, StandingRow After, bool AcrossSuccession);

    internal static async Task<Results<Ok<Transitions>, CsvResult<Transition>, ProblemHttpResult>> Get(
        [AsParameters] TransitionsQuery query, [AsParameters] ListQuery paged, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (area, from, to, fromGrade, toGrade, region) = query.Filter;
        var paging = paged.Paging;

        var snapshot = await http.SnapshotAsync();
        var (movements, scale) = Movements(snapshot, vocabulary, area, from, to, fromGrade, toGrade, region);

        var dataAsOf = Freshness.DataAsOf(snapshot);
        var warnings = Freshness.Warnings(to, dataAsOf);
        if (http.WantsCsv())
            return new CsvResult<Transition>($"transitions-{area}.csv", [.. CsvColumns, new("data_as_of", _ => dataAsOf)], movements, warnings);

        var matrix = scale.ToDictionary(g => g, g => (IReadOnlyDictionary<string, int>)scale.ToDictionary(h => h,
            h => movements.Count(m => m.From.Grade == g && m.To.Grade == h)));
        var page = movements.Skip(paging.Offset).Take(paging.Limit).ToList();
        return TypedResults.Ok(new Transitions(dataAsOf, warnings, area, from, to, fromGrade, toGrade, region?.Code, scale, movements.Count, matrix,
            http.ToPage(page, movements.Count, paging)));
    }

    /// <summary>Every movement matching the filters, newest first, and the area's scale (the statistics page lists the same).</summary>
    internal static (List<Transition> Movements, List<string> Scale) Movements(DatasetSnapshot snapshot, Vocabulary vocabulary,
        string area, DateOnly? from, DateOnly? to, string? fromGrade, string? toGrade, RegionRef? region)
    {
        var selection = StatisticsEndpoints.Selection(vocabulary, area, null);
        var councils = Standings.Councils(snapshot).ToDictionary(c => c.Code);
        var predecessors = snapshot.Councils.SelectMany(c => c.Predecessors.Select(p => (Predecessor: p.Code, Successor: c.Code)))
            .OrderBy(s => s.Predecessor, StringComparer.Ordinal).ThenBy(s => s.Successor, StringComparer.Ordinal)
            .GroupBy(s => s.Successor).ToDictionary(g => g.Key, g => g.Select(s => s.Predecessor).ToList());
        var history = Standings.History(snapshot, selection, End);
        var series = history.Where(h => h.Graded).GroupBy(h => h.CouncilCode).ToDictionary(g => g.Key, g => g.ToList());

        var pairs = new List<Pair>();
        foreach (var (_, list) in series)
            for (var i = 1; i < list.Count; i++) pairs.Add(new Pair(list[i - 1], list[i], false));
        foreach (var (successor, preds) in predecessors)
        {
            if (preds.Count != 1 || !series.TryGetValue(successor, out var own)) continue;
            var before = LastOfLineage(preds[0], series, predecessors, 0);
            if (before is not null && before.Published <= own[0].Published) pairs.Add(new Pair(before, own[0], true));
        }

        var scale = Standings.Complete(Standings.Scale(snapshot, selection), history.Select(h => h.Grade), vocabulary.Grades);
        var regions = vocabulary.Regions.ToDictionary(r => r.Code);
        CouncilRef Ref(string code) => new(code, councils[code].Name, councils[code].Slug);
        TransitionEnd EndOf(StandingRow r) => new(r.Id, Ref(r.CouncilCode), r.Published, r.FrameworkVersion, r.Grade!);

        var movements = pairs
            .Where(p => p.Before.Grade is not null && p.After.Grade is not null)
            .Where(p => from is null || p.After.Published >= from)
            .Where(p => to is null || p.After.Published <= to)
            .Where(p => fromGrade is null || p.Before.Grade == fromGrade)
            .Where(p => toGrade is null || p.After.Grade == toGrade)
            .Where(p => region is null || councils[p.After.CouncilCode].RegionCode == region.Code)
            .Select(p => new Transition(Ref(p.After.CouncilCode), regions[councils[p.After.CouncilCode].RegionCode], p.AcrossSuccession,
                EndOf(p.Before), EndOf(p.After)))
            .OrderByDescending(t => t.To.Published).ThenBy(t => t.Council.Name, StringComparer.Ordinal).ThenBy(t => t.Council.Code, StringComparer.Ordinal)
            .ThenByDescending(t => t.From.Published)
            .ToList();

        return (movements, scale);
    }

    /// <summary>The last inspection of a council's series, or, if it has none, of its sole predecessor's.</summary>
    private static StandingRow? LastOfLineage(string code, Dictionary<string, List<StandingRow>> series,
        Dictionary<string, List<string>> predecessors, int depth)
    {
        if (series.TryGetValue(code, out var list)) return list[^1];
        if (depth > 20 || !predecessors.TryGetValue(code, out var preds) || preds.Count != 1) return null;
        return LastOfLineage(preds[0], series, predecessors, depth + 1);
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
