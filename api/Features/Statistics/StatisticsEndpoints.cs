using System.ComponentModel;
using JudgementsApi.Infrastructure;

namespace JudgementsApi.Features.Statistics;

public sealed record DistributionQuery(
    [property: Description("The day (YYYY-MM-DD; default today): the councils in operation that day, each by its most recent full inspection published on or before it.")] string? AsOf,
    [property: Description("Judgement area: a family (overall_effectiveness, the default, counts SIF and ILACS judgements together; help_and_protection, children_in_care, care_leavers, leadership, adoption_performance, lscb_review …) or one area code.")] string? Area,
    [property: Description("none (default), region or type: also count each region or council type.")] string? GroupBy,
    [property: Description("Only judgements made under this framework (" + FrameworkSlugs.Listed + ") or version (" + FrameworkSlugs.VersionExample + "): each council's most recent full inspection under it; councils without one count as notInspected.")] string? Framework,
    [property: Description("councils: also list each council's standing.")] string? Include,
    [property: Description("json (default) or csv: one row for England and each group; with include=councils one row per council.")] string? Format);

public sealed record TimelineQuery(
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code.")] string? Area,
    [property: Description("First day (YYYY-MM-DD); default the publication of the first full inspection in the dataset.")] string? From,
    [property: Description("Last day (YYYY-MM-DD); default today.")] string? To,
    [property: Description("day, week (ending Sunday), month (default), quarter or year: one point at the end of each, the last being `to` itself.")] string? Interval,
    [property: Description("none (default), region or type.")] string? GroupBy,
    [property: Description("Only judgements made under this framework or version, as for the distribution.")] string? Framework,
    [property: Description("json (default) or csv: one row per point for England and each group.")] string? Format);

public sealed record TransitionsQuery(
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code.")] string? Area,
    [property: Description("The later inspection published on or after this day (YYYY-MM-DD).")] string? From,
    [property: Description("The later inspection published on or before this day (YYYY-MM-DD).")] string? To,
    [property: Description("Only movements from this grade.")] string? FromGrade,
    [property: Description("Only movements to this grade.")] string? ToGrade,
    [property: Description("Only councils in this region (ONS code or slug), by the council of the later inspection.")] string? Region,
    [property: Description("Movements per page, 1 to 500 (default 50); the matrix always counts all of them.")] string? Limit,
    [property: Description("Movements to skip.")] string? Offset,
    [property: Description("json (default) or csv: one row per movement (all of them).")] string? Format);

public sealed record MovementsQuery(
    [property: Description("The first day (YYYY-MM-DD), required: each council's grade as at this day.")] string? From,
    [property: Description("The second day (YYYY-MM-DD; default today): each council's grade as at this day.")] string? To,
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code. ILACS inspections from April 2026 give no overall effectiveness judgement: a council whose latest inspection is one is notGraded in it.")] string? Area,
    [property: Description("Only councils in this region (ONS code or slug).")] string? Region,
    [property: Description("Only these councils, comma-separated (at most 200): codes, slugs or names without a comma.")] string? Council,
    [property: Description("Only councils graded this on the first day.")] string? FromGrade,
    [property: Description("Only councils graded this on the second day.")] string? ToGrade,
    [property: Description("up, down or same: only councils graded on both days that moved so.")] string? Direction,
    [property: Description("council (by name, default), region, -steps (most improved first) or steps (most declined first); councils not graded on both days last.")] string? Sort,
    [property: Description("Councils per page, 1 to 500 (default 50); counts cover all of them.")] string? Limit,
    [property: Description("Councils to skip.")] string? Offset,
    [property: Description("json (default) or csv: one row per council (all of them).")] string? Format);

public sealed record SummaryQuery(
    [property: Description("json (default) or csv: one row per area family with its counts.")] string? Format);

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder v1)
    {
        // Defaults of "today" and the summary's 12-month window move at midnight, not only on import.
        var statistics = v1.MapGroup("/statistics").WithTags("Statistics").VariesByDay();

        statistics.MapGet("/distribution", DistributionEndpoint.Get).WithCsv()
            .WithName("GetGradeDistribution")
            .WithSummary("Councils by grade on a day")
            .WithDescription("""
                For every council in operation on `asOf`, its most recent full inspection published on or before
                that day and its grade in `area`: counts and percentages per grade for England (and each region or
                council type). Percentages are of the councils judged in the area. A council whose latest inspection
                does not grade the area is notGraded, one with no full inspection yet notInspected, a graded area
                whose grade is missing from the data unknown: an older inspection is never used instead. The default area is
                overall_effectiveness, which ILACS inspections from April 2026 no longer judge: those councils are notGraded
                and a warning says how many. `goodOrBetter` and `requiresImprovementOrWorse` are ready totals; `lowBase`
                marks counts of fewer than 30 judged councils. `dataAsOf` is the newest publication in the dataset; an
                `asOf` after it carries a warning that newer reports may be missing.
                """);

        statistics.MapGet("/timeline", TimelineEndpoint.Get).WithCsv()
            .WithName("GetGradeTimeline")
            .WithSummary("Councils by grade over time")
            .WithDescription($"The distribution at the end of each day, week, month, quarter or year from `from` to `to` (at most {TimelineEndpoint.MaxPoints} points).");

        statistics.MapGet("/transitions", TransitionsEndpoint.Get).WithCsv()
            .WithName("GetGradeTransitions")
            .WithSummary("How councils' grades moved between inspections")
            .WithDescription("""
                Each council's consecutive full inspections that grade the area, across frameworks (SIF to ILACS) and
                from a council to the single council that replaced it (Northamptonshire to North Northamptonshire):
                a from → to matrix and the movements. A council formed from two or more predecessors (BCP) starts
                afresh. Only pairs where both grades are known; `adequate` (before 2013) is its own grade, not
                `requires_improvement`. `from`/`to` bound the later inspection's publication date.
                """);

        statistics.MapGet("/movements", MovementsEndpoint.Get).WithCsv()
            .WithName("GetGradeMovements")
            .WithSummary("Who improved, who declined between two days")
            .WithDescription("""
                Every council in operation on `from` or `to`, with its grade in `area` as at each day (by the
                distribution's rule: its most recent full inspection published on or before the day) and the movement:
                `steps` up (positive) or down (negative) the grade scale, outstanding to inadequate; `adequate` (before
                2013) and `requires_improvement` share a place. A day on which a council was not graded (notInspected,
                notGraded, unknown, or notInOperation for a council that did not exist yet or any more) gives no steps:
                a new council does not inherit its predecessor's grade. `fromGrade=inadequate&toGrade=outstanding`
                answers "who went from inadequate to outstanding".
                """);

        statistics.MapGet("/summary", SummaryEndpoint.Get).WithCsv()
            .WithName("GetStatisticsSummary")
            .WithSummary("Today's headline figures")
            .WithDescription("Counts per grade in each area family for the councils in operation today, the 10 latest full inspections, and the focused visits of the last 12 months that named areas for priority action.");

        return v1;
    }

    internal static IReadOnlyList<string> FrameworkNames(Vocabulary vocabulary) =>
        [.. vocabulary.Frameworks.Concat(vocabulary.FrameworkVersions).Distinct()];

    internal static AreaSelection Selection(Vocabulary vocabulary, string area, string? framework) =>
        new(area, vocabulary.Families.Contains(area), framework);

    internal const string DefaultArea = "overall_effectiveness";
}
