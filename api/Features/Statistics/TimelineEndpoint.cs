namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/timeline: the distribution at the end of each interval.</summary>
public static class TimelineEndpoint
{
    public const int MaxPoints = 600;

    internal static async Task<Results<Ok<Timeline>, CsvResult<Distributions.CsvRow>, ProblemHttpResult>> Get(
        [AsParameters] TimelineQuery query, HttpContext http)
    {
        var (area, groupBy, framework, interval, start, end, points) = query.Filter;
        var timeline = GradeStatistics.Timeline(await http.SnapshotAsync(), area, framework, groupBy, interval, start, end, points);
        if (!http.WantsCsv()) return TypedResults.Ok(timeline);
        return new CsvResult<Distributions.CsvRow>(
            $"timeline-{area}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}-{interval}{(framework is null ? "" : "-" + framework)}.csv",
            Distributions.CsvColumns([.. timeline.Grades], timeline.DataAsOf),
            timeline.Points.SelectMany(p => Distributions.CsvRows(p.AsOf, area, framework, groupBy, p.England, p.Groups)), timeline.Warnings);
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
