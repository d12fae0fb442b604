namespace JudgementsApi.Tests.Statistics;

public class TimelineTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/timeline";

    [Fact]
    public async Task PointsAreTheEndsOfEachIntervalThenTo()
    {
        var body = await Client.GetJsonAsync($"{Url}?from=2018-11-15&to=2019-04-10&interval=month");
        Assert.Equal(["2018-11-30", "2018-12-31", "2019-01-31", "2019-02-28", "2019-03-31", "2019-04-10"],
            body.GetProperty("points").EnumerateArray().Select(p => p.Str("asOf")));
        Assert.Equal("2018-11-15", body.Str("from"));
        Assert.Equal("2019-04-10", body.Str("to"));
        Assert.Equal("month", body.Str("interval"));

        var quarters = await Client.GetJsonAsync($"{Url}?from=2018-11-15&to=2019-06-30&interval=quarter");
        Assert.Equal(["2018-12-31", "2019-03-31", "2019-06-30"], quarters.GetProperty("points").EnumerateArray().Select(p => p.Str("asOf")));
        var weeks = await Client.GetJsonAsync($"{Url}?from=2024-01-01&to=2024-01-20&interval=week");
        Assert.Equal(["2024-01-07", "2024-01-14", "2024-01-20"], weeks.GetProperty("points").EnumerateArray().Select(p => p.Str("asOf")));
    }

    [Fact]
    public async Task EachPointEqualsTheDistributionOnThatDay()
    {
        var timeline = await Client.GetJsonAsync($"{Url}?from=2016-01-01&to=2026-11-01&interval=year&groupBy=region&area=help_and_protection");
        var points = timeline.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(11, points.Count);
        foreach (var point in points)
        {
            var asOf = point.Str("asOf");
            var distribution = await Client.GetJsonAsync($"/v1/statistics/distribution?asOf={asOf}&groupBy=region&area=help_and_protection");
            Assert.Equal(distribution.GetProperty("england").GetRawText(), point.GetProperty("england").GetRawText());
            Assert.Equal(distribution.GetProperty("groups").GetRawText(), point.GetProperty("groups").GetRawText());
            StatisticsAssertions.AssertGroupsAddUp(point.GetProperty("england"), point.GetProperty("groups"));
        }
    }

    [Fact]
    public async Task DailyPointsFollowTheBcpMergerAndFrameworkFilterApplies()
    {
        var body = await Client.GetJsonAsync($"{Url}?from=2019-03-30&to=2019-04-02&interval=day");
        Assert.Equal([152, 152, 151, 151], body.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("england").Int("councils")));

        // Under SIF only, the judged count never falls as reports are published (SIF inspections ended in 2018,
        // and a council's later SIF re-inspection replaces, never removes, its judgement) — until councils close.
        var sif = await Client.GetJsonAsync($"{Url}?from=2013-11-30&to=2017-10-31&interval=month&framework=sif");
        var judged = sif.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("england").Int("judged")).ToList();
        Assert.Equal(judged.Order(), judged);
        Assert.Equal(142, judged[^1]);
        Assert.Equal("sif", sif.Str("framework"));
    }

    [Fact]
    public async Task DefaultsRunMonthlyFromTheFirstInspectionToToday()
    {
        var body = await Client.GetJsonAsync(Url);
        var points = body.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["dataAsOf", "warnings", "area", "framework", "groupBy", "interval", "from", "to", "denominator", "grades", "points"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["asOf", "england", "groups"], points[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2012-11-01", body.Str("from"));
        Assert.Equal(StatisticsAssertions.TodayInEngland(Api.Clock).ToString("yyyy-MM-dd"), body.Str("to"));
        Assert.Equal("2012-11-30", points[0].Str("asOf"));
        Assert.Equal(body.Str("to"), points[^1].Str("asOf"));
        Assert.Equal(["outstanding", "good", "adequate", "requires_improvement", "inadequate"], body.GetProperty("grades").EnumerateArray().Select(g => g.GetString()));
        // The first point: Shropshire's 2012 'adequate' (a press release dated November 2012) and nothing else.
        Assert.Equal(1, points[0].GetProperty("england").Int("judged"));
        Assert.Equal(1, points[0].GetProperty("england").Count("adequate"));
        Assert.All(points, p => StatisticsAssertions.AssertConsistent(p.GetProperty("england")));
    }

    [Fact]
    public async Task TooManyPointsIs400()
    {
        var problem = await Client.GetProblemAsync($"{Url}?from=2010-01-01&to=2020-01-01&interval=day", HttpStatusCode.BadRequest);
        Assert.Equal(["interval"], problem.ErrorParameters());
        Assert.Contains("600", problem.Str("detail"));
        // 600 points is still fine.
        var body = await Client.GetJsonAsync($"{Url}?from=2020-01-01&to={new DateOnly(2020, 1, 1).AddDays(599):yyyy-MM-dd}&interval=day");
        Assert.Equal(600, body.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task BadParametersAreOne400ListingEach()
    {
        var problem = await Client.GetProblemAsync(
            $"{Url}?from=2020-02-30&to=2019-01-01&interval=fortnight&area=nope&groupBy=ward&framework=x&limit=5",
            HttpStatusCode.BadRequest);
        Assert.Equal(["area", "framework", "from", "groupBy", "interval", "limit"], problem.ErrorParameters().Order());

        var reversed = await Client.GetProblemAsync($"{Url}?from=2020-01-01&to=2019-01-01", HttpStatusCode.BadRequest);
        Assert.Equal(["to"], reversed.ErrorParameters());
    }

    [Fact]
    public async Task CsvHasARowPerPointAndGroup()
    {
        var response = await Client.GetAsync($"{Url}?from=2020-01-01&to=2020-12-31&interval=quarter&groupBy=type&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("as_of,area,framework,group_type,group_code,group_name,councils,judged,not_inspected,no_report,not_graded,not_judged,not_covered,unknown,outstanding_count,", lines[0]);
        Assert.Equal(1 + 4 * (1 + 4), lines.Length);
        Assert.StartsWith("2020-03-31,overall_effectiveness,,england,E92000001,England,", lines[1]);
        Assert.StartsWith("2020-12-31,overall_effectiveness,,type,london_borough,London borough,", lines[^1]);
    }
}
