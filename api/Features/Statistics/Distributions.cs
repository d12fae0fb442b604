namespace JudgementsApi.Features.Statistics;

internal static class Distributions
{
    public const string Denominator = "councils with a grade in the area (judged): never those whose report says the area was not judged " +
        "(notJudged), did not cover it (notCovered), whose grade is unknown, or whose report is not in the sources (noReport)";
    public const string EnglandCode = "E92000001";
    public static readonly string[] GroupBys = ["none", "region", "type"];

    public static decimal? Percent(int count, int judged) =>
        judged == 0 ? null : Math.Round(100m * count / judged, 1, MidpointRounding.AwayFromZero) + 0.0m; // always one decimal place: 40.0, not 40

    /// <summary>A flat CSV row: England or one group on one day.</summary>
    internal sealed record CsvRow(DateOnly AsOf, string Area, string? Framework, string GroupType, string Code, string Name, GradeCounts Counts);

    public static IEnumerable<CsvRow> CsvRows(DateOnly day, string area, string? framework, string groupBy, GradeCounts england, IEnumerable<GroupCounts> groups) =>
        [new(day, area, framework, "england", EnglandCode, "England", england),
         .. groups.Select(g => new CsvRow(day, area, framework, groupBy, g.Code, g.Name, g.ToGradeCounts()))];

    public static IReadOnlyList<CsvColumn<CsvRow>> CsvColumns(IReadOnlyList<string> scale, DateOnly? dataAsOf) =>
    [
        new("as_of", r => r.AsOf), new("area", r => r.Area), new("framework", r => r.Framework),
        new("group_type", r => r.GroupType), new("group_code", r => r.Code), new("group_name", r => r.Name),
        new("councils", r => r.Counts.Councils), new("judged", r => r.Counts.Judged),
        new("not_inspected", r => r.Counts.NotInspected), new("no_report", r => r.Counts.NoReport), new("not_graded", r => r.Counts.NotGraded),
        new("not_judged", r => r.Counts.NotJudged), new("not_covered", r => r.Counts.NotCovered), new("unknown", r => r.Counts.Unknown),
        .. scale.Select(g => new CsvColumn<CsvRow>($"{g}_count", r => r.Counts.Counts[g])),
        .. scale.Select(g => new CsvColumn<CsvRow>($"{g}_percent", r => r.Counts.Percentages[g])),
        new("good_or_better_count", r => r.Counts.GoodOrBetter.Count), new("good_or_better_percent", r => r.Counts.GoodOrBetter.Percentage),
        new("requires_improvement_or_worse_count", r => r.Counts.RequiresImprovementOrWorse.Count),
        new("requires_improvement_or_worse_percent", r => r.Counts.RequiresImprovementOrWorse.Percentage),
        new("low_base", r => r.Counts.LowBase), new("base_under_half", r => r.Counts.BaseUnderHalf), new("data_as_of", _ => dataAsOf),
    ];

    /// <summary>
    /// A date parameter for a day the statistics can describe: not in the future (nothing is known
    /// yet) and not before the dataset's councils begin (no council list to count).
    /// </summary>
    public static DateOnly? ReadDay(QueryReader q, string name, string? raw, DateOnly today, DateOnly? earliest)
    {
        var day = q.Date(name, raw);
        if (day is not { } d) return null;
        if (d > today) { q.Add(name, $"{name} ({d:yyyy-MM-dd}) is in the future; the latest day is today, {today:yyyy-MM-dd}."); return null; }
        if (earliest is { } e && d < e)
        {
            q.Add(name, $"{name} ({d:yyyy-MM-dd}) is before the dataset's councils begin ({e:yyyy-MM-dd}).");
            return null;
        }
        return d;
    }
}
