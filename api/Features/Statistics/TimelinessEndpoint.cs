using System.ComponentModel;

namespace JudgementsApi.Features.Statistics;

/// <summary>
/// How long Ofsted took: per year of publication and framework, the median and range of the days from the end of
/// each full inspection to its report's publication, and of the days since the council's previous full inspection
/// (both as each inspection's <c>timeliness</c> gives them). From the dates held; nothing predicted.
/// </summary>
/// <param name="Region">The region the inspections were restricted to (its slug), or null for England.</param>
/// <param name="Framework">The framework or version the inspections were restricted to, or null for all.</param>
public sealed record TimelinessStatistics(
    DateOnly? From, DateOnly? To, [property: ClosedSet(VocabularySet.RegionSlugs)] string? Region,
    [property: ClosedSet(VocabularySet.Frameworks)] string? Framework, IReadOnlyList<TimelinessGroup> Groups);

/// <summary>One year's full inspections under one framework.</summary>
/// <param name="Year">The year the reports were published.</param>
/// <param name="Framework">pre-2013, sif or ilacs.</param>
/// <param name="Inspections">Full inspections (not LSCB reviews) published that year under the framework.</param>
/// <param name="DaysToPublication">Days from the last day on site to publication, over the inspections whose dates give it.</param>
/// <param name="DaysSincePreviousFullInspection">Days from the council's previous full inspection's publication to this one's.</param>
public sealed record TimelinessGroup(
    int Year, [property: ClosedSet(VocabularySet.FrameworkIds)] string Framework, int Inspections, DayRange DaysToPublication,
    DayRange DaysSincePreviousFullInspection);

/// <summary>Median and range of a number of days; the three are null when no inspection gives the number.</summary>
/// <param name="Count">Inspections that give the number.</param>
/// <param name="Median">The middle value (the mean of the two middle values for an even count).</param>
public sealed record DayRange(int Count, double? Median, int? Min, int? Max);

public sealed record TimelinessQuery(
    [property: Description("Reports published on or after this day (YYYY-MM-DD)."), DateExample("2019-01-01")] string? From,
    [property: Description("Reports published on or before this day (YYYY-MM-DD)."), DateExample("2025-12-31")] string? To,
    [property: Description("Only councils in this region (ONS code or slug)."),
        VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("Only inspections under this framework (" + FrameworkSlugs.Listed + ") or version ("
        + FrameworkSlugs.VersionExample + ")."), VocabularyExample(FrameworkSlugs.Ilacs, VocabularySet.Frameworks)] string? Framework,
    [property: Description("json (default) or csv: one row per year and framework."), FormatExample] string? Format) : IQueryRecord
{
    public TimelinessFilter Filter { get; private set; } = new(null, null, null, null);

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var from = q.Date("from", From);
        var to = q.Date("to", To);
        q.Ordered("from", from, "to", to);
        var region = await q.RegionAsync("region", Region);
        var framework = q.OneOf("framework", Framework, [.. vocabulary.Frameworks.Concat(vocabulary.FrameworkVersions).Distinct()]);
        Filter = new TimelinessFilter(from, to, region, framework);
    }
}

public sealed record TimelinessFilter(DateOnly? From, DateOnly? To, RegionRef? Region, string? Framework);

public static class TimelinessEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder statistics) =>
        statistics.MapGet("/timeliness", Get).WithCsv()
            .WithName("GetTimeliness")
            .WithSummary("How long inspections took to publish, and how often councils were inspected")
            .WithDescription("""
                Per year of publication and framework, over full inspections (not LSCB reviews): the median and range of
                the days from the last day on site to the report's publication, and of the days since the council's
                previous full inspection was published (each inspection's `timeliness`). Counted from the dates the
                dataset holds: an inspection whose dates are missing or known only to the month is left out of that
                measure (`count` says how many give it). Nothing is predicted.
                """);

    private static async Task<Results<Ok<TimelinessStatistics>, CsvResult<TimelinessGroup>, ProblemHttpResult>> Get(
        [AsParameters] TimelinessQuery query, HttpContext http)
    {
        var statistics = Compute(await http.SnapshotAsync(), query.Filter);
        if (http.WantsCsv()) return new CsvResult<TimelinessGroup>("timeliness.csv", CsvColumns, statistics.Groups);
        return TypedResults.Ok(statistics);
    }

    public static TimelinessStatistics Compute(DatasetSnapshot snapshot, TimelinessFilter filter)
    {
        var groups = snapshot.OldestFirst
            .Where(i => i.FullInspection
                        && (filter.From is not { } from || i.Summary.Published >= from)
                        && (filter.To is not { } to || i.Summary.Published <= to)
                        && (filter.Region is not { } region || i.RegionCode == region.Code)
                        && (filter.Framework is not { } f || snapshot.InFramework(i.Summary.FrameworkVersion, f)))
            .GroupBy(i => (i.Summary.Published.Year, Framework: FrameworkOf(snapshot, i.Summary.FrameworkVersion)))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Framework, StringComparer.Ordinal)
            .Select(g => new TimelinessGroup(g.Key.Year, g.Key.Framework, g.Count(),
                Range(g.Select(i => i.Summary.Timeliness.DaysToPublication)),
                Range(g.Select(i => i.Summary.Timeliness.DaysSincePreviousFullInspection))))
            .ToList();
        return new TimelinessStatistics(filter.From, filter.To, filter.Region?.Slug, filter.Framework, groups);
    }

    private static string FrameworkOf(DatasetSnapshot snapshot, string version) =>
        snapshot.FrameworkVersions.TryGetValue(version, out var v) ? v.Framework : version;

    private static DayRange Range(IEnumerable<int?> days)
    {
        var sorted = days.OfType<int>().Order().ToArray();
        if (sorted.Length == 0) return new DayRange(0, null, null, null);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return new DayRange(sorted.Length, median, sorted[0], sorted[^1]);
    }

    private static readonly CsvColumn<TimelinessGroup>[] CsvColumns =
    [
        new("year", g => g.Year), new("framework", g => g.Framework), new("inspections", g => g.Inspections),
        new("days_to_publication_count", g => g.DaysToPublication.Count),
        new("days_to_publication_median", g => g.DaysToPublication.Median),
        new("days_to_publication_min", g => g.DaysToPublication.Min),
        new("days_to_publication_max", g => g.DaysToPublication.Max),
        new("days_since_previous_full_inspection_count", g => g.DaysSincePreviousFullInspection.Count),
        new("days_since_previous_full_inspection_median", g => g.DaysSincePreviousFullInspection.Median),
        new("days_since_previous_full_inspection_min", g => g.DaysSincePreviousFullInspection.Min),
        new("days_since_previous_full_inspection_max", g => g.DaysSincePreviousFullInspection.Max),
    ];
}
