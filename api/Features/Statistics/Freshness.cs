namespace JudgementsApi.Features.Statistics;

/// <summary>How recent the data is, and the warnings every statistic carries with its figures.</summary>
internal static class Freshness
{
    /// <summary>The newest publication in the dataset: an inspection report or a focused-visit letter.</summary>
    public static DateOnly? DataAsOf(DatasetSnapshot snapshot) => snapshot.DataAsOf;

    /// <summary>Warnings for figures as at <paramref name="day"/>: a day after the newest publication may miss newer reports.</summary>
    public static List<string> Warnings(DateOnly? day, DateOnly? dataAsOf)
    {
        var warnings = new List<string>();
        if (day is { } d && dataAsOf is { } a && d > a)
            warnings.Add($"{d:yyyy-MM-dd} is after the newest publication in the dataset ({a:yyyy-MM-dd}): reports published since may be missing, so figures after that day may be out of date.");
        return warnings;
    }

    /// <summary>
    /// Said wherever councils count as notGraded: their latest full inspection does not grade the area
    /// (ILACS inspections from April 2026 give no overall effectiveness judgement), so "rated X" in
    /// this area leaves them out.
    /// </summary>
    public static string NotGradedWarning(string area, int notGraded) =>
        $"{notGraded} council{(notGraded == 1 ? "'s" : "s'")} latest full inspection does not grade {area} (ILACS inspections from April 2026 give no overall effectiveness judgement): {(notGraded == 1 ? "it counts" : "they count")} as notGraded, outside the percentages. Choose another area (leadership, help_and_protection …) to count {(notGraded == 1 ? "it" : "them")}.";

    /// <summary>Said wherever councils count as noReport: they are outside the percentages, which rest on fewer councils.</summary>
    public static string NoReportWarning(int noReport) =>
        $"{noReport} council{(noReport == 1 ? " was" : "s were")} in operation but the report{(noReport == 1 ? "" : "s")} " +
        "their grade rested on " +
        "(before November 2013, or of a former council) are not in the sources: they count as noReport, outside the percentages.";

    /// <summary>The warnings of counts on a day: freshness, councils the area does not grade, councils without a report here.</summary>
    public static List<string> For(DateOnly day, DateOnly? dataAsOf, string area, GradeCounts england)
    {
        var warnings = Warnings(day, dataAsOf);
        if (england.NotGraded > 0) warnings.Add(NotGradedWarning(area, england.NotGraded));
        if (england.NoReport > 0) warnings.Add(NoReportWarning(england.NoReport));
        return warnings;
    }
}
