namespace JudgementsApi.Features.Statistics;

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
                The movements are paged (the matrix always counts all of them); CSV has one row per movement, all of them.
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
                answers "who went from inadequate to outstanding". The councils are paged (the counts cover all of
                them); CSV has one row per council, all of them.
                """);

        statistics.MapGet("/summary", SummaryEndpoint.Get).WithCsv()
            .WithName("GetStatisticsSummary")
            .WithSummary("Today's headline figures")
            .WithDescription("Counts per grade in each area family for the councils in operation today, the 10 latest full inspections, and the focused visits of the last 12 months that named areas for priority action.");

        TimelinessEndpoint.Map(statistics);

        return v1;
    }

    internal static IReadOnlyList<string> FrameworkNames(Vocabulary vocabulary) =>
        [.. vocabulary.Frameworks.Concat(vocabulary.FrameworkVersions).Distinct()];

    internal const string DefaultArea = "overall_effectiveness";
}
