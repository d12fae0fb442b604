namespace JudgementsApi.Tests.Statistics;

internal static class StatisticsAssertions
{
    public static int Int(this JsonElement e, string property) => e.GetProperty(property).GetInt32();

    public static int Count(this JsonElement counts, string grade) => counts.GetProperty("counts").GetProperty(grade).GetInt32();

    public static decimal? Percent(this JsonElement counts, string grade) =>
        counts.GetProperty("percentages").GetProperty(grade) is { ValueKind: JsonValueKind.Number } p ? p.GetDecimal() : null;

    /// <summary>The grades the counts list, in order.</summary>
    public static List<string> Grades(this JsonElement counts) =>
        counts.GetProperty("counts").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>
    /// What every block of counts must satisfy: the statuses add up to the councils, the grades to
    /// judged, each percentage is its count over judged to one decimal place, and both maps list the same grades.
    /// </summary>
    public static void AssertConsistent(JsonElement c)
    {
        Assert.Equal(c.Int("councils"), c.Int("judged") + c.Int("notInspected") + c.Int("noReport") + c.Int("notGraded") + c.Int("notJudged")
            + c.Int("notCovered") + c.Int("unknown"));
        Assert.Equal(c.Int("judged") * 2 < c.Int("councils"), c.GetProperty("baseUnderHalf").GetBoolean());
        var counts = c.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(c.Int("judged"), counts.Values.Sum());
        Assert.Equal(counts.Keys, c.GetProperty("percentages").EnumerateObject().Select(p => p.Name));
        foreach (var (grade, n) in counts)
        {
            var expected = c.Int("judged") == 0 ? (decimal?)null
                : Math.Round(100m * n / c.Int("judged"), 1, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, c.Percent(grade));
        }
    }

    /// <summary>The groups of a distribution add up to England, status by status and grade by grade.</summary>
    public static void AssertGroupsAddUp(JsonElement england, JsonElement groups)
    {
        var list = groups.EnumerateArray().ToList();
        if (list.Count == 0) return;
        foreach (var field in new[] { "councils", "judged", "notInspected", "noReport", "notGraded", "notJudged", "notCovered", "unknown" })
            Assert.Equal(england.Int(field), list.Sum(g => g.Int(field)));
        foreach (var grade in england.Grades())
            Assert.Equal(england.Count(grade), list.Sum(g => g.Count(grade)));
        foreach (var g in list) AssertConsistent(g);
    }

    public static Dictionary<string, JsonElement> CouncilsByCode(this JsonElement distribution) =>
        distribution.GetProperty("councils").EnumerateArray().ToDictionary(c => c.Str("code"));

    /// <summary>Today in England, as the API reckons it.</summary>
    public static DateOnly TodayInEngland(TimeProvider clock) => England.Today(clock);

    /// <summary>A CSV body's lines (header first), split on CRLF.</summary>
    public static string[] CsvLines(string body) => body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
