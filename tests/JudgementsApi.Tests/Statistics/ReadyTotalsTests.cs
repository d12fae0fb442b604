namespace JudgementsApi.Tests.Statistics;

/// <summary>The totals, base warnings and freshness every statistic carries.</summary>
public class ReadyTotalsTests(ApiFactory api) : ApiTests(api)
{
    private static void AssertTotals(JsonElement c)
    {
        var judged = c.Int("judged");
        var good = c.GetProperty("goodOrBetter");
        var ri = c.GetProperty("requiresImprovementOrWorse");
        var counts = c.GetProperty("counts");
        int N(string g) => counts.TryGetProperty(g, out var n) ? n.GetInt32() : 0;
        Assert.Equal(N("outstanding") + N("good"), good.Int("count"));
        Assert.Equal(N("requires_improvement") + N("inadequate"), ri.Int("count"));
        decimal? Pct(int n) => judged == 0 ? null : Math.Round(100m * n / judged, 1, MidpointRounding.AwayFromZero);
        Assert.Equal(Pct(good.Int("count")), good.GetProperty("percentage").ValueKind == JsonValueKind.Null ? null : good.GetProperty("percentage").GetDecimal());
        Assert.Equal(Pct(ri.Int("count")), ri.GetProperty("percentage").ValueKind == JsonValueKind.Null ? null : ri.GetProperty("percentage").GetDecimal());
        Assert.Equal(judged < 30, c.GetProperty("lowBase").GetBoolean());
        if (judged < 30) Assert.Contains("fewer than 30", c.Str("note"));
        else Assert.Equal(JsonValueKind.Null, c.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task DistributionsGiveGoodOrBetterAndRequiresImprovementOrWorse()
    {
        // Ofsted: at 31 March 2024, 60% of councils were good or outstanding (see DistributionTests).
        var body = await Client.GetJsonAsync("/v1/statistics/distribution?asOf=2024-03-31&groupBy=region");
        var england = body.GetProperty("england");
        AssertTotals(england);
        Assert.InRange(england.GetProperty("goodOrBetter").GetProperty("percentage").GetDecimal(), 59m, 61m);
        Assert.False(england.GetProperty("lowBase").GetBoolean());
        var regions = body.GetProperty("groups").EnumerateArray().ToList();
        Assert.All(regions, AssertTotals);
        // Every region but London (33 councils) has fewer than 30: its percentages rest on a low base and say so.
        Assert.Equal(["E12000007"], regions.Where(r => !r.GetProperty("lowBase").GetBoolean()).Select(r => r.Str("code")));
        var northEast = regions.Single(r => r.Str("code") == "E12000001");
        Assert.Equal($"Only {northEast.Int("judged")} councils are judged here (fewer than 30): one council moves a percentage by "
            + $"{Math.Round(100m / northEast.Int("judged"), 1, MidpointRounding.AwayFromZero):0.0} points; compare counts rather than percentages.",
            northEast.Str("note"));
    }

    [Fact]
    public async Task PreTwentyThirteenAdequateIsInNeitherTotal()
    {
        var england = (await Client.GetJsonAsync("/v1/statistics/distribution?asOf=2013-10-31")).GetProperty("england");
        AssertTotals(england);
        Assert.True(england.Count("adequate") > 0);
        Assert.Equal(england.Int("judged") - england.Count("adequate"),
            england.GetProperty("goodOrBetter").Int("count") + england.GetProperty("requiresImprovementOrWorse").Int("count"));
        Assert.True(england.GetProperty("lowBase").GetBoolean()); // very few councils had a report in the sources by then
    }

    [Fact]
    public async Task TimelineSummaryAndCsvCarryTheTotalsToo()
    {
        var timeline = await Client.GetJsonAsync("/v1/statistics/timeline?from=2023-01-01&to=2023-12-31&interval=quarter&groupBy=type");
        foreach (var p in timeline.GetProperty("points").EnumerateArray())
        {
            AssertTotals(p.GetProperty("england"));
            Assert.All(p.GetProperty("groups").EnumerateArray(), AssertTotals);
        }
        var summary = await Client.GetJsonAsync("/v1/statistics/summary");
        Assert.All(summary.GetProperty("areas").EnumerateArray(), AssertTotals);

        var lines = StatisticsAssertions.CsvLines(await Client.GetStringAsync("/v1/statistics/distribution?asOf=2024-03-31&format=csv"));
        var header = lines[0].Split(',').ToList();
        var row = lines[1].Split(',');
        var json = (await Client.GetJsonAsync("/v1/statistics/distribution?asOf=2024-03-31")).GetProperty("england");
        Assert.Equal(json.GetProperty("goodOrBetter").Int("count").ToString(), row[header.IndexOf("good_or_better_count")]);
        Assert.Equal(json.GetProperty("goodOrBetter").GetProperty("percentage").GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            row[header.IndexOf("good_or_better_percent")]);
        Assert.Equal("false", row[header.IndexOf("low_base")]);
    }

    [Theory]
    [InlineData("/v1/statistics/distribution")]
    [InlineData("/v1/statistics/timeline?interval=year")]
    [InlineData("/v1/statistics/transitions?to={today}")]
    [InlineData("/v1/statistics/summary")]
    [InlineData("/v1/statistics/movements?from=2020-01-01")]
    public async Task EveryStatisticStatesDataAsOfAndWarnsAfterIt(string url)
    {
        var dataAsOf = await Api.NewestPublicationAsync();
        var today = StatisticsAssertions.TodayInEngland(Api.Clock);
        Assert.True(today > DateOnly.Parse(dataAsOf)); // the seed data ends before today
        var body = await Client.GetJsonAsync(url.Replace("{today}", today.ToString("yyyy-MM-dd")));
        Assert.Equal(dataAsOf, body.Str("dataAsOf"));
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("may be missing"));
        Assert.Equal($"{today:yyyy-MM-dd} is after the newest publication in the dataset ({dataAsOf}): reports published since may be missing, "
            + "so figures after that day may be out of date.", warning.GetString());

        var csv = StatisticsAssertions.CsvLines(await Client.GetStringAsync(url.Replace("{today}", today.ToString("yyyy-MM-dd")) + (url.Contains('?') ? "&" : "?") + "format=csv"));
        var column = csv[0].Split(',').ToList().IndexOf("data_as_of");
        Assert.True(column >= 0, csv[0]);
    }

    [Fact]
    public async Task ADayBeforeTheNewestPublicationHasNoFreshnessWarning()
    {
        var body = await Client.GetJsonAsync("/v1/statistics/distribution?asOf=2024-03-31");
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(await Api.NewestPublicationAsync(), body.Str("dataAsOf"));
    }

    [Fact]
    public async Task OverallEffectivenessSaysWhichCouncilsItCannotCount()
    {
        // From April 2026 ILACS reports give no overall effectiveness judgement: today some councils' latest
        // full inspection is one, and "rated inadequate overall" leaves them out — the answer says so.
        var body = await Client.GetJsonAsync("/v1/statistics/distribution");
        var notGraded = body.GetProperty("england").Int("notGraded");
        Assert.True(notGraded > 0);
        Assert.Equal("overall_effectiveness", body.Str("area"));
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.StartsWith($"{notGraded} councils' latest full inspection does not grade overall_effectiveness"));
        // Another area counts them.
        var leadership = await Client.GetJsonAsync("/v1/statistics/distribution?area=leadership");
        Assert.Equal(0, leadership.GetProperty("england").Int("notGraded"));
        Assert.DoesNotContain(leadership.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("does not grade"));
    }
}
