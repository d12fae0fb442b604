namespace JudgementsApi.Tests.Statistics;

/// <summary>
/// The past labelled truly: a council in operation whose grade on a day rests on a report the sources
/// lack is noReport (with the reason), outside the percentages; only a council formed since the dataset's
/// coverage began (November 2013) and not yet inspected is notInspected.
/// </summary>
public class NoReportTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/distribution";

    [Fact]
    public async Task At31March2019TheFormerCouncilsWithoutReportsAreNoReportNeverNotInspected()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2019-03-31&include=councils");
        var councils = body.GetProperty("councils").EnumerateArray().ToList();
        var noReport = councils.Where(c => c.Str("status") == "noReport").ToList();
        Assert.Equal(["Bournemouth", "Cumbria", "Dorset County Council", "Northamptonshire", "Poole"],
            noReport.Select(c => c.Str("name")).Order(StringComparer.Ordinal));
        Assert.All(noReport, c => Assert.Contains("former council", c.Str("reason")));
        Assert.DoesNotContain(councils, c => c.Str("status") == "notInspected");
        Assert.All(councils.Where(c => c.Str("status") != "noReport"), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("reason").ValueKind));

        // Outside the denominator, and said so.
        var england = body.GetProperty("england");
        Assert.Equal(5, england.Int("noReport"));
        Assert.Equal(england.Int("councils") - 5, england.Int("judged"));
        Assert.False(england.GetProperty("baseUnderHalf").GetBoolean());
        Assert.Contains("noReport", body.Str("denominator"));
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("5 councils were in operation"));
        StatisticsAssertions.AssertConsistent(england);
    }

    [Fact]
    public async Task Before2013ACouncilWithoutAReportHereIsNoReportAndTheBaseIsMarked()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2013-06-30&include=councils&groupBy=region");
        var england = body.GetProperty("england");
        Assert.Equal(0, england.Int("notInspected"));
        Assert.True(england.Int("noReport") > 100);
        Assert.True(england.GetProperty("baseUnderHalf").GetBoolean());
        Assert.All(body.GetProperty("councils").EnumerateArray().Where(c => c.Str("status") == "noReport"),
            c => Assert.StartsWith("Before 1 November 2013", c.Str("reason")));
        StatisticsAssertions.AssertGroupsAddUp(england, body.GetProperty("groups"));

        var csv = StatisticsAssertions.CsvLines(await Client.GetStringAsync($"{Url}?asOf=2013-06-30&format=csv"));
        var header = csv[0].Split(',').ToList();
        var row = csv[1].Split(',');
        Assert.Equal(england.Int("noReport").ToString(), row[header.IndexOf("no_report")]);
        Assert.Equal("true", row[header.IndexOf("base_under_half")]);
    }

    [Fact]
    public async Task TheHomeMapAt30June2013SaysNoReportNeverNotInspectedYet()
    {
        var html = await Client.GetStringAsync("/?asOf=2013-06-30");
        // Each hexagon is labelled "<council>: <state>"; the key may still explain "Not inspected yet".
        Assert.DoesNotMatch(": Not inspected yet", html);
        Assert.Matches("<title>[^<:]+: No report in this dataset</title>", html);
    }

    [Fact]
    public async Task ACouncilFormedSinceTheCoverageBeganIsNotInspectedUntilItsFirstReport()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2019-04-01&include=councils");
        var bcp = body.CouncilsByCode()["E06000058"];
        Assert.Equal("notInspected", bcp.Str("status"));
        Assert.Equal(JsonValueKind.Null, bcp.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task MovementsGiveTheReasonOnTheDayWithoutAReport()
    {
        var body = await Client.GetJsonAsync("/v1/statistics/movements?from=2019-03-31&to=2024-03-31&council=bournemouth,northamptonshire");
        var rows = body.GetProperty("movements").GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, m => Assert.Equal(("noReport", "notInOperation"), (m.GetProperty("from").Str("status"), m.GetProperty("to").Str("status"))));
        Assert.All(rows, m => Assert.Contains("former council", m.GetProperty("from").Str("reason")));
    }
}
