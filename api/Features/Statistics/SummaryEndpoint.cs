using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/summary: the headline for a reporter today.</summary>
public static class SummaryEndpoint
{
    public const int LatestInspections = 10;

    internal static async Task<Results<Ok<Summary>, CsvResult<AreaCounts>, ProblemHttpResult>> Get(
        [AsParameters] SummaryQuery query, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();

        var today = England.Today(http);
        var summary = Build(await http.SnapshotAsync(), vocabulary, today);
        if (http.WantsCsv())
            return new CsvResult<AreaCounts>($"summary-{today:yyyy-MM-dd}.csv", CsvColumns(today, summary.DataAsOf, vocabulary.Grades), summary.Areas,
                summary.Warnings);
        return TypedResults.Ok(summary);
    }

    /// <summary>The summary for a day, as the endpoint answers it (the home page shows the same).</summary>
    internal static Summary Build(DatasetSnapshot snapshot, Vocabulary vocabulary, DateOnly today)
    {
        var councils = Standings.Councils(snapshot);

        // Each family exactly as /statistics/distribution?area=<family> answers for today; the councils'
        // latest inspections are read once for all of them.
        var selections = vocabulary.Families.Select(f => new AreaSelection(f, true, null)).ToList();
        var maps = new List<Dictionary<string, string>>();
        foreach (var selection in selections) maps.Add(Standings.AreaByVersion(snapshot, selection));
        var latestByFamily = Standings.Latest(snapshot, null, today, maps);
        var areas = new List<AreaCounts>();
        for (var k = 0; k < selections.Count; k++)
        {
            var latest = latestByFamily[k];
            var scale = Standings.Complete(Standings.Scale(snapshot, selections[k]), latest.Values.Select(r => r.Grade), vocabulary.Grades);
            var counter = new Counter(councils, Grouping.For("none", vocabulary), scale);
            foreach (var row in latest.Values) counter.Apply(row);
            var (c, _) = counter.Count(today);
            areas.Add(new AreaCounts(selections[k].Area, c.Councils, c.Judged, c.NotInspected, c.NotGraded, c.NotJudged, c.NotCovered, c.Unknown, c.Counts, c.Percentages));
        }

        var dataAsOf = Freshness.DataAsOf(snapshot);
        var inspections = InspectionReader.LatestFull(snapshot, today, LatestInspections);

        var since = today.AddMonths(-12);
        // The focused visits of the last 12 months that named areas for priority action: letters after `since`, up to today.
        var (priority, _) = FocusedVisitReader.Query(snapshot,
            new FocusedVisitFilter { PriorityAction = true, From = since.AddDays(1), To = today }, Paging.All);
        var visits = priority.Select(v => new PriorityActionVisit(v.Id, v.Council, v.LetterDate, v.Focus, v.ReportUrl)).ToList();

        return new Summary(today, dataAsOf, SummaryWarnings(today, dataAsOf, areas), Distributions.Denominator, areas, inspections,
            new PriorityActionVisits(since.AddDays(1), today, visits));
    }

    private static List<string> SummaryWarnings(DateOnly today, DateOnly? dataAsOf, IEnumerable<AreaCounts> areas)
    {
        var warnings = Freshness.Warnings(today, dataAsOf);
        warnings.AddRange(areas.Where(a => a.NotGraded > 0).Select(a => Freshness.NotGradedWarning(a.Area, a.NotGraded)));
        return warnings;
    }

    /// <summary>One row per family; a grade column is empty where the grade is not on that family's scale.</summary>
    private static CsvColumn<AreaCounts>[] CsvColumns(DateOnly today, DateOnly? dataAsOf, IReadOnlyList<string> grades) =>
    [
        new("as_of", _ => today), new("area", a => a.Area), new("councils", a => a.Councils), new("judged", a => a.Judged),
        new("not_inspected", a => a.NotInspected), new("not_graded", a => a.NotGraded),
        new("not_judged", a => a.NotJudged), new("not_covered", a => a.NotCovered), new("unknown", a => a.Unknown),
        .. grades.Select(g => new CsvColumn<AreaCounts>($"{g}_count", a => a.Counts.TryGetValue(g, out var n) ? (object?)n : null)),
        .. grades.Select(g => new CsvColumn<AreaCounts>($"{g}_percent", a => a.Percentages.TryGetValue(g, out var p) ? p : null)),
        new("good_or_better_count", a => a.GoodOrBetter.Count), new("good_or_better_percent", a => a.GoodOrBetter.Percentage),
        new("requires_improvement_or_worse_count", a => a.RequiresImprovementOrWorse.Count),
        new("requires_improvement_or_worse_percent", a => a.RequiresImprovementOrWorse.Percentage),
        new("low_base", a => a.LowBase), new("data_as_of", _ => dataAsOf),
    ];
}
