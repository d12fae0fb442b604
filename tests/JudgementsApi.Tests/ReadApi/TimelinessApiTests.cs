namespace JudgementsApi.Tests.ReadApi;

/// <summary>
/// Timeliness from the dates held (#26 item 6): an inspection's days to publication and since the council's previous
/// full inspection, a council's days since its last full inspection and last visit of any kind as at today (the
/// fixture's clock: 30 November 2026), and /v1/statistics/timeliness.
/// </summary>
public class TimelinessApiTests(ApiFactory api) : ApiTests(api)
{
    private static int? Int(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private static string? Text(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static (int?, string?, int?) Timeliness(JsonElement inspection)
    {
        var t = inspection.GetProperty("timeliness");
        return (Int(t, "daysToPublication"), Text(t, "previousFullInspectionId"), Int(t, "daysSincePreviousFullInspection"));
    }

    [Fact]
    public async Task AnInspectionCountsDaysToPublicationAndSinceTheCouncilsPreviousFullInspection()
    {
        // On site until 4 July 2025, published 12 August; the previous full inspection was published 25 March 2022.
        Assert.Equal((39, "shropshire-2022-03-25", 1236), Timeliness(await Client.GetJsonAsync("/v1/inspections/shropshire-2025-08-12")));
        // The previous one (the 2012 rating from the news) is known only to the month: named, but no count of days.
        Assert.Equal((50, "shropshire-2012-11-01", null), Timeliness(await Client.GetJsonAsync("/v1/inspections/shropshire-2017-11-24")));
        Assert.Equal((null, null, null), Timeliness(await Client.GetJsonAsync("/v1/inspections/shropshire-2012-11-01")));

        var list = await Client.GetDataAsync("/v1/councils/shropshire/inspections");
        Assert.Equal((39, "shropshire-2022-03-25", 1236), Timeliness(list.Single(i => i.Str("id") == "shropshire-2025-08-12")));
    }

    [Fact]
    public async Task TheInspectionsCsvCarriesTheSameDays()
    {
        var (_, body) = await Client.GetOkAsync("/v1/councils/shropshire/inspections?format=csv", "text/csv");
        var records = Csv.Records(body);
        var header = records[0];
        var row = records.Single(r => r[header.IndexOf("id")] == "shropshire-2025-08-12");
        Assert.Equal(("39", "shropshire-2022-03-25", "1236"), (row[header.IndexOf("days_to_publication")],
            row[header.IndexOf("previous_full_inspection_id")], row[header.IndexOf("days_since_previous_full_inspection")]));
    }

    [Fact]
    public async Task ACouncilCountsDaysSinceItsLastFullInspectionAndItsLastVisitOfAnyKind()
    {
        var slough = (await Client.GetJsonAsync("/v1/councils/slough")).GetProperty("timeliness");
        Assert.Equal("2026-11-30", slough.Str("asOf"));
        Assert.Equal(("slough-2023-03-17", "2023-03-17", 1354),
            (slough.Str("lastFullInspectionId"), slough.Str("lastFullInspectionPublished"), slough.GetProperty("daysSinceLastFullInspection").GetInt32()));
        // The focused visit of January 2026 came after it.
        Assert.Equal(("focused_visit", "slough-2026-01-12-fv", "2026-01-12", 322), (slough.Str("lastVisitKind"), slough.Str("lastVisitId"),
            slough.Str("lastVisitPublished"), slough.GetProperty("daysSinceLastVisit").GetInt32()));

        // A council with no report in the sources has neither.
        var poole = (await Client.GetJsonAsync("/v1/councils/poole")).GetProperty("timeliness");
        Assert.All(["lastFullInspectionId", "daysSinceLastFullInspection", "lastVisitKind", "lastVisitId", "daysSinceLastVisit"],
            name => Assert.Equal(JsonValueKind.Null, poole.GetProperty(name).ValueKind));
    }

    [Fact]
    public async Task TheStatisticsGiveTheMedianAndRangeOfTheInspectionsOwnDays()
    {
        var stats = await Client.GetJsonAsync("/v1/statistics/timeliness?framework=ilacs&from=2025-01-01&to=2025-12-31");
        var group = Assert.Single(stats.GetProperty("groups").EnumerateArray());
        Assert.Equal((2025, "ilacs"), (group.GetProperty("year").GetInt32(), group.Str("framework")));

        var inspections = (await Client.GetDataAsync("/v1/inspections?framework=ilacs&publishedFrom=2025-01-01&publishedTo=2025-12-31&limit=500"))
            .Where(i => i.Str("type") != "lscb_review").ToList();
        Assert.Equal(inspections.Count, group.GetProperty("inspections").GetInt32());
        var days = inspections.Select(i => Int(i.GetProperty("timeliness"), "daysToPublication")).OfType<int>().Order().ToList();
        var range = group.GetProperty("daysToPublication");
        Assert.Equal(days.Count, range.GetProperty("count").GetInt32());
        var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
        Assert.Equal((median, days[0], days[^1]),
            (range.GetProperty("median").GetDouble(), range.GetProperty("min").GetInt32(), range.GetProperty("max").GetInt32()));
        Assert.True(days[0] > 0 && days[^1] < 200, $"days to publication from {days[0]} to {days[^1]}");
    }

    [Fact]
    public async Task TheStatisticsGroupEveryYearAndFrameworkAndTheCsvAgrees()
    {
        var groups = (await Client.GetJsonAsync("/v1/statistics/timeliness")).GetProperty("groups").EnumerateArray().ToList();
        var keys = groups.Select(g => (g.GetProperty("year").GetInt32(), g.Str("framework"))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Contains((2018, "sif"), keys);
        Assert.Contains((2018, "ilacs"), keys);
        var totalInspections = (await Client.GetJsonAsync("/v1/inspections?limit=1")).GetProperty("meta").GetProperty("total").GetInt32();
        var lscb = (await Client.GetJsonAsync("/v1/inspections?type=lscb_review&limit=1")).GetProperty("meta").GetProperty("total").GetInt32();
        Assert.Equal(totalInspections - lscb, groups.Sum(g => g.GetProperty("inspections").GetInt32()));

        var (_, body) = await Client.GetOkAsync("/v1/statistics/timeliness?format=csv", "text/csv");
        var records = Csv.Records(body);
        Assert.Equal(["year", "framework", "inspections", "days_to_publication_count", "days_to_publication_median",
            "days_to_publication_min", "days_to_publication_max", "days_since_previous_full_inspection_count",
            "days_since_previous_full_inspection_median", "days_since_previous_full_inspection_min",
            "days_since_previous_full_inspection_max"], records[0]);
        Assert.Equal(keys.Select(k => $"{k.Item1},{k.Item2}"), records.Skip(1).Where(r => r.Count > 1).Select(r => $"{r[0]},{r[1]}"));
    }

    [Fact]
    public async Task TheStatisticsFilterByRegionAndRefuseBadInput()
    {
        var westMidlands = (await Client.GetJsonAsync("/v1/statistics/timeliness?region=west-midlands")).GetProperty("groups");
        var all = (await Client.GetJsonAsync("/v1/statistics/timeliness")).GetProperty("groups");
        Assert.True(westMidlands.EnumerateArray().Sum(g => g.GetProperty("inspections").GetInt32())
                    < all.EnumerateArray().Sum(g => g.GetProperty("inspections").GetInt32()));

        var problem = await Client.GetProblemAsync("/v1/statistics/timeliness?framework=nope&from=2025-01-01&to=2024-01-01",
            HttpStatusCode.BadRequest);
        var names = problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("parameter")).ToList();
        Assert.Contains("framework", names);
        Assert.Contains("to", names);
    }
}

/// <summary>A council's days since its last visit are counted to today, so they move at midnight.</summary>
public class CouncilTimelinessDayTests(ClockFactory api) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task TheDaysGrowByOneAtMidnightAndTheETagChanges()
    {
        var client = api.CreateClient();
        var first = await client.GetAsync("/v1/councils/slough");
        var days = (await client.GetJsonAsync("/v1/councils/slough")).GetProperty("timeliness").GetProperty("daysSinceLastVisit").GetInt32();

        api.Clock.Advance(TimeSpan.FromDays(1));

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/slough");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(revalidate)).StatusCode);
        var next = (await client.GetJsonAsync("/v1/councils/slough")).GetProperty("timeliness").GetProperty("daysSinceLastVisit").GetInt32();
        Assert.Equal(days + 1, next);
    }
}
