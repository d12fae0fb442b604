namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/summary: the headline for a reporter today.</summary>
public static class SummaryEndpoint
{
    internal static async Task<Results<Ok<Summary>, CsvResult<AreaCounts>, ProblemHttpResult>> Get(
        [AsParameters] SummaryQuery query, HttpContext http)
    {
        var today = England.Today(http);
        var snapshot = await http.SnapshotAsync();
        var summary = GradeStatistics.Summary(snapshot, today);
        if (http.WantsCsv())
            return new CsvResult<AreaCounts>($"summary-{today:yyyy-MM-dd}.csv", CsvColumns(today, summary.DataAsOf, snapshot.Vocabulary.Grades),
                summary.Areas, summary.Warnings);
        return TypedResults.Ok(summary);
    }

    /// <summary>One row per family; a grade column is empty where the grade is not on that family's scale.</summary>
    private static CsvColumn<AreaCounts>[] CsvColumns(DateOnly today, DateOnly? dataAsOf, IReadOnlyList<string> grades) =>
    [
        new("as_of", _ => today), new("area", a => a.Area), new("councils", a => a.Councils), new("judged", a => a.Judged),
        new("not_inspected", a => a.NotInspected), new("no_report", a => a.NoReport), new("not_graded", a => a.NotGraded),
        new("not_judged", a => a.NotJudged), new("not_covered", a => a.NotCovered), new("unknown", a => a.Unknown),
        .. grades.Select(g => new CsvColumn<AreaCounts>($"{g}_count", a => a.Counts.TryGetValue(g, out var n) ? (object?)n : null)),
        .. grades.Select(g => new CsvColumn<AreaCounts>($"{g}_percent", a => a.Percentages.TryGetValue(g, out var p) ? p : null)),
        new("good_or_better_count", a => a.GoodOrBetter.Count), new("good_or_better_percent", a => a.GoodOrBetter.Percentage),
        new("requires_improvement_or_worse_count", a => a.RequiresImprovementOrWorse.Count),
        new("requires_improvement_or_worse_percent", a => a.RequiresImprovementOrWorse.Percentage),
        new("low_base", a => a.LowBase), new("base_under_half", a => a.BaseUnderHalf), new("data_as_of", _ => dataAsOf),
    ];
}
