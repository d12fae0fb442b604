namespace JudgementsApi.Tests.Statistics;

public class SummaryTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/summary";

    [Fact]
    public async Task EachAreaFamilyMatchesTodaysDistribution()
    {
        var body = await Client.GetJsonAsync(Url);
        var today = StatisticsAssertions.TodayInEngland(Api.Clock).ToString("yyyy-MM-dd");
        Assert.Equal(today, body.Str("asOf"));
        Assert.Equal(["asOf", "dataAsOf", "warnings", "denominator", "areas", "latestInspections", "priorityActionVisits"], body.EnumerateObject().Select(p => p.Name));
        var areas = body.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(["area", "councils", "judged", "notInspected", "noReport", "notGraded", "notJudged", "notCovered", "unknown", "counts", "percentages",
            "goodOrBetter", "requiresImprovementOrWorse", "lowBase", "note", "baseUnderHalf"],
            areas[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"],
            areas.Take(5).Select(a => a.Str("area")));
        foreach (var area in areas)
        {
            var england = (await Client.GetJsonAsync($"/v1/statistics/distribution?asOf={today}&area={area.Str("area")}")).GetProperty("england");
            foreach (var field in new[] { "councils", "judged", "notInspected", "noReport", "notGraded", "notJudged", "notCovered", "unknown" })
                Assert.Equal(england.Int(field), area.Int(field));
            Assert.Equal(england.GetProperty("counts").GetRawText(), area.GetProperty("counts").GetRawText());
            Assert.Equal(england.GetProperty("percentages").GetRawText(), area.GetProperty("percentages").GetRawText());
            StatisticsAssertions.AssertConsistent(area);
        }
        Assert.Equal(153, areas[0].Int("councils"));
    }

    [Fact]
    public async Task TheLatestTenFullInspectionsNewestFirst()
    {
        var body = await Client.GetJsonAsync(Url);
        var latest = body.GetProperty("latestInspections").EnumerateArray().ToList();
        Assert.Equal(10, latest.Count);
        var dates = latest.Select(i => i.Str("published")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("lancashire-2026-08-20", latest[0].Str("id"));
        Assert.DoesNotContain(latest, i => i.Str("type") == "lscb_review");
        // The same as the newest page of the inspection list.
        var list = await Client.GetJsonAsync("/v1/inspections?limit=10");
        Assert.Equal(list.GetProperty("data").EnumerateArray().Select(i => i.Str("id")), latest.Select(i => i.Str("id")));
    }

    /// <summary>
    /// The twelve months end today by the app's clock (ApiFactory.DefaultNow, 30 November 2026), so
    /// Slough's January 2026 letter is inside them whatever day the tests run; DayBoundaryTests moves
    /// the clock to 2027, when it falls outside.
    /// </summary>
    [Fact]
    public async Task PriorityActionVisitsOfTheLastTwelveMonths()
    {
        var body = await Client.GetJsonAsync(Url);
        var block = body.GetProperty("priorityActionVisits");
        var today = StatisticsAssertions.TodayInEngland(Api.Clock);
        Assert.Equal(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd"), block.Str("from"));
        Assert.Equal(today.ToString("yyyy-MM-dd"), block.Str("to"));
        var visits = block.GetProperty("visits").EnumerateArray().ToList();
        Assert.All(visits, v =>
        {
            Assert.InRange(DateOnly.Parse(v.Str("letterDate")), today.AddMonths(-12).AddDays(1), today);
            Assert.False(string.IsNullOrEmpty(v.Str("focus")));
            Assert.False(string.IsNullOrEmpty(v.GetProperty("council").Str("name")));
        });
        // Cross-check against the focused-visit list.
        var all = await Client.GetJsonAsync($"/v1/focused-visits?priorityAction=true&from={block.Str("from")}&to={block.Str("to")}&limit=500");
        Assert.Equal(all.GetProperty("data").EnumerateArray().Select(v => v.Str("id")).Order(StringComparer.Ordinal),
            visits.Select(v => v.Str("id")).Order(StringComparer.Ordinal));
        Assert.Contains("slough-2026-01-12-fv", visits.Select(v => v.Str("id")));
    }

    [Fact]
    public async Task CsvHasARowPerAreaFamily()
    {
        var response = await Client.GetAsync($"{Url}?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal("as_of,area,councils,judged,not_inspected,no_report,not_graded,not_judged,not_covered,unknown," +
                     "outstanding_count,good_count,adequate_count,requires_improvement_count,inadequate_count," +
                     "outstanding_percent,good_percent,adequate_percent,requires_improvement_percent,inadequate_percent," +
                     "good_or_better_count,good_or_better_percent,requires_improvement_or_worse_count,requires_improvement_or_worse_percent," +
                     "low_base,base_under_half,data_as_of", lines[0]);
        var json = await Client.GetJsonAsync(Url);
        Assert.Equal(1 + json.GetProperty("areas").GetArrayLength(), lines.Length);
        Assert.Contains(lines, l => l.Contains(",overall_effectiveness,153,"));
        // help_and_protection has no 'adequate' on any scale: that column is empty, not 0.
        var help = lines.Single(l => l.Contains(",help_and_protection,")).Split(',');
        Assert.Equal("", help[12]);
    }

    [Fact]
    public async Task UnknownParametersAre400()
    {
        var problem = await Client.GetProblemAsync($"{Url}?asOf=2020-01-01", HttpStatusCode.BadRequest);
        Assert.Equal(["asOf"], problem.ErrorParameters());
    }
}
