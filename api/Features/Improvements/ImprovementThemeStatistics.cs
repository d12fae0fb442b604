using System.ComponentModel;

namespace JudgementsApi.Features.Improvements;

/// <summary>
/// How often each theme was named, per group. <c>reports</c> counts the reports of the group that list
/// points (inspection reports with a list of what must improve, and focused-visit letters with one);
/// a theme's <c>shareOfReports</c> is the share of those reports that name it at least once.
/// </summary>
/// <param name="GroupBy">none, year, region or framework (ilacs, sif, or focused_visit for letters).</param>
public sealed record ImprovementThemeStatistics(
    DateOnly? From, DateOnly? To, [property: ClosedSet(typeof(ImprovementQuery), nameof(ImprovementQuery.Kinds))] string? Kind,
    [property: ClosedSet(typeof(ImprovementThemeQuery), nameof(ImprovementThemeQuery.Groupings))] string GroupBy,
    IReadOnlyList<ThemeGroup> Groups);

/// <param name="Key">The group: all, a year, a region code, or a framework.</param>
/// <param name="Reports">Reports in the group that list points: the denominator of each shareOfReports.</param>
public sealed record ThemeGroup(string Key, string Label, int Reports, int Points, IReadOnlyList<ThemeCount> Themes);

/// <param name="ShareOfReports">Reports naming the theme ÷ reports in the group (0 to 1, four decimals).</param>
/// <param name="Points">A link to the points behind the count (GET /v1/improvements).</param>
public sealed record ThemeCount(
    [property: ClosedSet(VocabularySet.Themes)] string Theme, string Name, int PointCount, int Councils, int Reports,
    double ShareOfReports, string Points);

public sealed record ImprovementThemeQuery(
    [property: Description("Published (a letter: dated) on or after (YYYY-MM-DD)."), DateExample("2025-01-01")] string? From,
    [property: Description("Published (a letter: dated) on or before (YYYY-MM-DD)."), DateExample("2025-12-31")] string? To,
    [property: Description("inspection or focused_visit (default: both)."),
     OneOfExample("inspection", typeof(ImprovementQuery), nameof(ImprovementQuery.Kinds))] string? Kind,
    [property: Description("none (default), year, region or framework."),
     OneOfExample("year", typeof(ImprovementThemeQuery), nameof(ImprovementThemeQuery.Groupings))] string? GroupBy)
    : IQueryRecord
{
    public static readonly string[] Groupings = ["none", "year", "region", "framework"];

    public ImprovementFilter Filter { get; private set; } = new();
    public string Grouping { get; private set; } = "none";

    public ValueTask ReadAsync(QueryReader q)
    {
        var from = q.Date("from", From);
        var to = q.Date("to", To);
        q.Ordered("from", from, "to", to);
        Filter = new ImprovementFilter { Kind = q.OneOf("kind", Kind, ImprovementQuery.Kinds), From = from, To = to };
        Grouping = q.OneOf("groupBy", GroupBy, Groupings) ?? "none";
        return ValueTask.CompletedTask;
    }
}

public static class ImprovementThemeCounts
{
    public static ImprovementThemeStatistics Count(DatasetSnapshot snapshot, ImprovementFilter filter, string grouping)
    {
        var regions = snapshot.Regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        (string Key, string Label) GroupOf(SnapshotImprovement p) => grouping switch
        {
            "year" => (p.Item.Published.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Item.Published.Year.ToString(
                System.Globalization.CultureInfo.InvariantCulture)),
            "region" => (p.RegionCode, regions.GetValueOrDefault(p.RegionCode, p.RegionCode)),
            "framework" => p.FrameworkVersion is { } v && snapshot.FrameworkVersions.TryGetValue(v, out var fv)
                ? (fv.Framework, fv.Framework) : ("focused_visit", "focused visits"),
            _ => ("all", "All reports"),
        };
        var groups = ImprovementReader.Matching(snapshot, filter).GroupBy(GroupOf)
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key.Key, g.Key.Label, g.ToList(), snapshot.Improvements.Themes, Link(filter, grouping, g.Key.Key)))
            .ToList();
        return new ImprovementThemeStatistics(filter.From, filter.To, filter.Kind, grouping, groups);
    }

    private static ThemeGroup Group(string key, string label, List<SnapshotImprovement> points, IReadOnlyList<ImprovementTheme> themes,
        Func<string, string> link)
    {
        static string Report(SnapshotImprovement p) => p.Item.InspectionId ?? p.Item.FocusedVisitId!;
        var reports = points.Select(Report).Distinct(StringComparer.Ordinal).Count();
        var counts = themes.Select(t =>
        {
            var named = points.Where(p => p.Item.Theme == t.Code).ToList();
            var byReport = named.Select(Report).Distinct(StringComparer.Ordinal).Count();
            var councils = named.Select(p => p.Item.Council.Code).Distinct(StringComparer.Ordinal).Count();
            return new ThemeCount(t.Code, t.Name, named.Count, councils, byReport, reports == 0 ? 0 : Math.Round((double)byReport / reports, 4), link(t.Code));
        }).Where(c => c.PointCount > 0).OrderByDescending(c => c.Reports).ThenBy(c => c.Theme, StringComparer.Ordinal).ToList();
        return new ThemeGroup(key, label, reports, points.Count, counts);
    }

    /// <summary>The /v1/improvements query that lists a count's points (a year's group narrows the dates to that year).</summary>
    private static Func<string, string> Link(ImprovementFilter f, string grouping, string key) => theme =>
    {
        var query = new List<string> { $"theme={theme}" };
        var (from, to) = (f.From, f.To);
        if (grouping == "year")
        {
            var year = int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
            from = from is { } a && a.Year == year ? a : new DateOnly(year, 1, 1);
            to = to is { } b && b.Year == year ? b : new DateOnly(year, 12, 31);
        }
        if (grouping == "region") query.Add($"region={key}");
        if (grouping == "framework") query.Add(key == "focused_visit" ? "kind=focused_visit" : $"framework={key}");
        if (f.Kind is { } kind && grouping != "framework") query.Add($"kind={kind}");
        if (from is { } x) query.Add($"from={x:yyyy-MM-dd}");
        if (to is { } y) query.Add($"to={y:yyyy-MM-dd}");
        return "/v1/improvements?" + string.Join("&", query);
    };
}
