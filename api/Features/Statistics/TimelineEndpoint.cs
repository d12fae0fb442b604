namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/timeline: the distribution at the end of each interval.</summary>
public static class TimelineEndpoint
{
    public const int MaxPoints = 600;
    internal static async Task<Results<Ok<Timeline>, CsvResult<Distributions.CsvRow>, ProblemHttpResult>> Get(
        [AsParameters] TimelineQuery query, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (area, groupBy, framework, interval, start, end, points) = query.Filter;

        var snapshot = await http.SnapshotAsync();
        var councils = Standings.Councils(snapshot);
        var timeline = Compute(snapshot, vocabulary, councils, area, framework, groupBy, interval, start, end, points);
        var result = timeline.Points;
        List<string> scale = [.. timeline.Grades];

        if (http.WantsCsv())
            return new CsvResult<Distributions.CsvRow>(
                $"timeline-{area}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}-{interval}{(framework is null ? "" : "-" + framework)}.csv",
                Distributions.CsvColumns(scale, timeline.DataAsOf),
                result.SelectMany(p => Distributions.CsvRows(p.AsOf, area, framework, groupBy, p.England, p.Groups)), timeline.Warnings);
        return TypedResults.Ok(timeline);
    }

    /// <summary>The distribution at each point, as the endpoint answers it (the statistics page charts the same).</summary>
    internal static Timeline Compute(DatasetSnapshot snapshot, Vocabulary vocabulary, IReadOnlyList<CouncilPeriod> councils,
        string area, string? framework, string groupBy, string interval, DateOnly start, DateOnly end, IReadOnlyList<DateOnly> points)
    {
        var selection = StatisticsEndpoints.Selection(vocabulary, area, framework);
        var scale = Standings.Scale(snapshot, selection);
        // One query for every full inspection up to the last point, replayed oldest first: at each point
        // every council's latest inspection so far is the one last applied (never one query per point).
        var history = Standings.History(snapshot, selection, end);
        scale = Standings.Complete(scale, history.Select(h => h.Grade), vocabulary.Grades);
        var counter = new Counter(councils, Grouping.For(groupBy, vocabulary), scale);
        var result = new List<TimelinePoint>(points.Count);
        var next = 0;
        foreach (var point in points)
        {
            for (; next < history.Count && history[next].CountsFrom <= point; next++) counter.Apply(history[next]);
            var (england, groups) = counter.Count(point);
            result.Add(new TimelinePoint(point, england, groups));
        }

        var dataAsOf = Freshness.DataAsOf(snapshot);
        var warnings = Freshness.Warnings(end, dataAsOf);
        if (result[^1].England.NotGraded > 0) warnings.Add(Freshness.NotGradedWarning(area, result[^1].England.NotGraded));
        return new Timeline(dataAsOf, warnings, area, framework, groupBy, interval, start, end, Distributions.Denominator, scale, result);
    }

    /// <summary>
    /// The last day of each day, week (Monday to Sunday), calendar month, quarter or year that ends within [from, to], then `to`
    /// itself if it is not such a day (the interval so far). Stops once past <paramref name="max"/>.
    /// </summary>
    internal static List<DateOnly> Points(DateOnly from, DateOnly to, string interval, int max)
    {
        var points = new List<DateOnly>();
        for (var end = EndOf(from, interval); end < to; end = EndOf(end.AddDays(1), interval))
        {
            points.Add(end);
            if (points.Count > max) return points;
        }
        points.Add(to);
        return points;
    }

    internal static DateOnly EndOf(DateOnly day, string interval) => interval switch
    {
        "day" => day,
        "week" => day.AddDays((7 - (int)day.DayOfWeek) % 7), // weeks end on Sunday
        "year" => new DateOnly(day.Year, 12, 31),
        "quarter" => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1),
        _ => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1),
    };
}
