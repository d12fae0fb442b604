namespace JudgementsApi.Tests.ReadApi;

/// <summary>GET /v1/improvements, an inspection's and a focused visit's points, and the tags, over HTTP.</summary>
public class ImprovementsApiTests(ApiFactory api) : ApiTests(api)
{
    private static int Total(JsonElement page) => page.GetProperty("meta").GetProperty("total").GetInt32();

    [Fact]
    public async Task EveryPointIsListedAndTheKindsAddUp()
    {
        var all = Total(await Client.GetJsonAsync("/v1/improvements?limit=1"));
        var inspections = Total(await Client.GetJsonAsync("/v1/improvements?kind=inspection&limit=1"));
        var visits = Total(await Client.GetJsonAsync("/v1/improvements?kind=focused_visit&limit=1"));
        Assert.Equal((4930, 3799, 1131), (all, inspections, visits));
        var tagged = 0;
        foreach (var tag in (await Client.GetJsonAsync("/v1/improvements/framework-tags")).EnumerateArray())
            tagged += Total(await Client.GetJsonAsync($"/v1/improvements?tag={tag.Str("code")}&limit=1"));
        Assert.Equal(all, tagged + Total(await Client.GetJsonAsync("/v1/improvements?tag=untagged&limit=1")));
    }

    [Fact]
    public async Task AnInspectionsPointsAreOfstedsWordsInTheReportsOrder()
    {
        var dorset = await Client.GetJsonAsync("/v1/inspections/dorset-2025-05-09/improvements");
        Assert.Equal(("E06000059", "2025-05-09", "ilacs-2023"),
            (dorset.GetProperty("council").Str("code"), dorset.Str("published"), dorset.Str("frameworkVersion")));
        var point = Assert.Single(dorset.GetProperty("points").EnumerateArray());
        Assert.Equal("The clarity and detail of the care leaver offer, including for care leavers who are parents.", point.Str("text"));
        Assert.Equal(("outcome_4", "(Outcome four, National Framework)"), (point.Str("frameworkTag"), point.Str("frameworkTagText")));
        Assert.Equal(("inspections/2532283_dorset_2025-05-09.txt", 41, 42),
            (point.Str("source"), point.GetProperty("lineFrom").GetInt32(), point.GetProperty("lineTo").GetInt32()));
        Assert.Contains("Open Government Licence", dorset.Str("attribution"));

        var calderdale = (await Client.GetJsonAsync("/v1/inspections/calderdale-2015-03-20/improvements"))
            .GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 17), calderdale.Select(p => p.GetProperty("position").GetInt32()));
        Assert.Equal(("Areas for improvement", "Adoption"), (calderdale[14].Str("listHeading"), calderdale[14].Str("areaHeading")));
        Assert.Equal(JsonValueKind.Null, calderdale[0].GetProperty("frameworkTag").ValueKind);
    }

    [Fact]
    public async Task AReportWithoutAListHasNoPointsAndAnUnknownOneIsNotFound()
    {
        var thurrock = await Client.GetJsonAsync("/v1/inspections/thurrock-2024-10-29/improvements");
        Assert.Empty(thurrock.GetProperty("points").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, thurrock.GetProperty("attribution").ValueKind);
        var missing = await Client.GetProblemAsync("/v1/inspections/nope/improvements", HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", missing.Str("type"));
        await Client.GetProblemAsync("/v1/focused-visits/nope/improvements", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFocusedVisitGivesItsPointsAndItsAreasForPriorityAction()
    {
        var visit = await Client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv/improvements");
        var own = await Client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv");
        Assert.Equal(own.GetProperty("priorityActions").GetRawText(), visit.GetProperty("priorityActions").GetRawText());
        Assert.NotEmpty(visit.GetProperty("priorityActions").GetProperty("areas").EnumerateArray());
        Assert.Equal("/v1/focused-visits/shropshire-2024-01-12-fv", visit.Str("visit"));
        var points = visit.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(("focused_visit", "shropshire-2024-01-12-fv"), (p.Str("kind"), p.Str("focusedVisitId"))));
    }

    [Fact]
    public async Task FiltersByCouncilRegionFrameworkTagAndDate()
    {
        var shropshire = await Client.GetDataAsync("/v1/improvements?council=shropshire&limit=500");
        Assert.NotEmpty(shropshire);
        Assert.All(shropshire, p => Assert.Equal("E06000051", p.GetProperty("council").Str("code")));
        var dates = shropshire.Select(p => p.Str("published")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);

        var outcome3 = await Client.GetDataAsync("/v1/improvements?tag=outcome_3&from=2025-01-01&to=2025-12-31&framework=ilacs&limit=500");
        Assert.NotEmpty(outcome3);
        Assert.All(outcome3, p => Assert.Equal(("outcome_3", "inspection"), (p.Str("frameworkTag"), p.Str("kind"))));
        Assert.All(outcome3, p => Assert.StartsWith("2025-", p.Str("published")));

        var sif = await Client.GetDataAsync("/v1/improvements?framework=sif&region=west-midlands&limit=500");
        Assert.NotEmpty(sif);
        Assert.All(sif, p => Assert.Equal("inspection", p.Str("kind")));
        Assert.All(sif, p => Assert.True(string.CompareOrdinal(p.Str("published"), "2019-06-30") < 0));
    }

    [Fact]
    public async Task TheCsvHasEveryMatchingRow()
    {
        var (response, body) = await Client.GetOkAsync("/v1/improvements?council=calderdale&format=csv", "text/csv");
        Assert.Contains("improvements.csv", response.Content.Headers.ContentDisposition?.ToString());
        var rows = Csv.Records(body);
        Assert.Equal(["kind", "inspection_id", "focused_visit_id", "council_code", "council_name", "published", "position", "text",
            "list_heading", "area_heading", "framework_tag", "framework_tag_text", "theme", "source", "line_from", "line_to"], rows[0]);
        var json = Total(await Client.GetJsonAsync("/v1/improvements?council=calderdale&limit=1"));
        Assert.Equal(json, rows.Count - 1);
    }

    [Fact]
    public async Task BadFiltersAreNamed()
    {
        var problem = await Client.GetProblemAsync("/v1/improvements?tag=outcome_9&kind=letter&framework=ofsted&from=2025-02-30&theme=x",
            HttpStatusCode.BadRequest);
        Assert.Equal(["framework", "from", "kind", "tag", "theme"], problem.ErrorParameters().Order());
        var statistics = await Client.GetProblemAsync("/v1/statistics/improvement-themes?groupBy=council&from=2025-01-01&to=2024-01-01",
            HttpStatusCode.BadRequest);
        Assert.Equal(["groupBy", "to"], statistics.ErrorParameters().Order());
    }

    [Fact]
    public async Task EveryPointHasOneThemeFromTheList()
    {
        var themes = (await Client.GetJsonAsync("/v1/improvements/themes")).EnumerateArray().ToList();
        Assert.Equal("other", themes[^1].Str("code"));
        Assert.Equal(Enumerable.Range(1, themes.Count), themes.Select(t => t.GetProperty("ruleOrder").GetInt32()));
        var sum = 0;
        foreach (var theme in themes) sum += Total(await Client.GetJsonAsync($"/v1/improvements?theme={theme.Str("code")}&limit=1"));
        Assert.Equal(4930, sum);
        // A person's override: Cambridgeshire 2024's "Placement and accommodation sufficiency …" is about sufficiency.
        var cambridgeshire = (await Client.GetJsonAsync("/v1/inspections/cambridgeshire-2024-05-16/improvements")).GetProperty("points");
        Assert.Equal(["workforce", "placement_sufficiency"], cambridgeshire.EnumerateArray().Take(2).Select(p => p.Str("theme")));
    }

    [Fact]
    public async Task ThemeStatisticsAnswerWhatShareOfInspectionsNamedAThemeAndLinkToThePoints()
    {
        var y2025 = await Client.GetJsonAsync("/v1/statistics/improvement-themes?from=2025-01-01&to=2025-12-31&kind=inspection");
        var all = Assert.Single(y2025.GetProperty("groups").EnumerateArray());
        var reports = all.GetProperty("reports").GetInt32();
        var workforce = all.GetProperty("themes").EnumerateArray().Single(t => t.Str("theme") == "workforce");
        var points = await Client.GetDataAsync(workforce.Str("points") + "&limit=500");
        Assert.Equal(workforce.GetProperty("pointCount").GetInt32(), points.Count);
        Assert.All(points, p => Assert.Equal(("workforce", "inspection"), (p.Str("theme"), p.Str("kind"))));
        var named = points.Select(p => p.Str("inspectionId")).Distinct().Count();
        Assert.Equal(named, workforce.GetProperty("reports").GetInt32());
        Assert.Equal(Math.Round((double)named / reports, 4), workforce.GetProperty("shareOfReports").GetDouble());
        var withPoints = (await Client.GetDataAsync("/v1/improvements?kind=inspection&from=2025-01-01&to=2025-12-31&limit=500"))
            .Select(p => p.Str("inspectionId")).Distinct().Count();
        Assert.Equal(withPoints, reports);

        var byYear = (await Client.GetJsonAsync("/v1/statistics/improvement-themes?groupBy=year"))
            .GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(4930, byYear.Sum(g => g.GetProperty("points").GetInt32()));
        Assert.Contains(byYear, g => g.Str("key") == "2014");
    }
}
