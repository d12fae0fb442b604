namespace JudgementsApi.Tests.ReadApi;

public class CouncilsApiTests(ApiFactory api) : ApiTests(api)
{
    [Theory]
    [InlineData("E06000051")]
    [InlineData("893")]
    [InlineData("shropshire")]
    [InlineData("E10000026")] // Shropshire's former (county) ONS code
    [InlineData("SHROPSHIRE")]
    public async Task EveryIdentifierFormNamesTheSameCouncil(string id)
    {
        var council = await Client.GetJsonAsync($"/v1/councils/{id}");
        Assert.Equal("E06000051", council.Str("code"));
        Assert.Equal("893", council.Str("laCode"));
        Assert.Equal("shropshire", council.Str("slug"));
        Assert.Equal("E12000005", council.GetProperty("region").Str("code"));
        Assert.True(council.GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task ShropshiresLatestGradesAreThoseOfIts2025Inspection()
    {
        var latest = (await Client.GetJsonAsync("/v1/councils/shropshire")).GetProperty("latest");
        Assert.Equal("shropshire-2025-08-12", latest.Str("id"));
        Assert.Equal("2025-08-12", latest.Str("published"));
        Assert.Equal("ilacs-2023", latest.Str("frameworkVersion"));
        var grades = latest.GetProperty("grades");
        Assert.Equal("outstanding", grades.Str("overall_effectiveness"));
        Assert.Equal("good", grades.Str("care_leavers"));
    }

    [Fact]
    public async Task DetailCarriesLineageNeighboursAndCounts()
    {
        var north = await Client.GetJsonAsync("/v1/councils/north-northamptonshire");
        var predecessor = Assert.Single(north.GetProperty("predecessors").EnumerateArray());
        Assert.Equal("E10000021", predecessor.Str("code"));
        Assert.Equal("2021-04-01", predecessor.Str("date"));

        var northants = await Client.GetJsonAsync("/v1/councils/E10000021");
        Assert.False(northants.GetProperty("current").GetBoolean());
        Assert.Equal(["E06000061", "E06000062"], northants.GetProperty("successors").EnumerateArray().Select(s => s.Str("code")).Order());

        var shropshire = await Client.GetJsonAsync("/v1/councils/shropshire");
        Assert.Contains("E10000026", shropshire.GetProperty("formerCodes").EnumerateArray().Select(c => c.GetString()));
        var ranks = shropshire.GetProperty("statisticalNeighbours").EnumerateArray().Select(n => n.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, ranks.Count), ranks);
        Assert.True(shropshire.GetProperty("counts").GetProperty("inspections").GetInt32() >= 4);
        Assert.True(shropshire.GetProperty("counts").GetProperty("focusedVisits").GetInt32() >= 3);
    }

    [Fact]
    public async Task TheListHoldsThe153CurrentCouncilsByDefault()
    {
        var page = await Client.GetJsonAsync("/v1/councils?limit=500");
        Assert.Equal(153, page.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.All(Data(page), c => Assert.True(c.GetProperty("current").GetBoolean()));

        var former = await Client.GetDataAsync("/v1/councils?status=former&limit=500");
        Assert.Contains(former, c => c.Str("slug") == "northamptonshire");
        Assert.All(former, c => Assert.False(c.GetProperty("current").GetBoolean()));

        var all = await Client.GetJsonAsync("/v1/councils?status=all&limit=1");
        Assert.Equal(153 + former.Count, all.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("E12000005")]
    [InlineData("west-midlands")]
    public async Task RegionFilterTakesCodeOrSlug(string region)
    {
        var councils = await Client.GetDataAsync($"/v1/councils?region={region}&limit=500");
        Assert.Equal(14, councils.Count); // the West Midlands' 14 councils with children's services
        Assert.All(councils, c => Assert.Equal("E12000005", c.GetProperty("region").Str("code")));
        Assert.Contains(councils, c => c.Str("slug") == "shropshire");
    }

    [Fact]
    public async Task TypeFilterKeepsOnlyThatType()
    {
        var councils = await Client.GetDataAsync("/v1/councils?type=london_borough&limit=500");
        Assert.Equal(33, councils.Count); // 32 boroughs and the City of London
        Assert.All(councils, c => Assert.Equal("london_borough", c.Str("type")));
    }

    [Theory]
    [InlineData("telford & wrekin")]
    [InlineData("TELFORD AND")]
    [InlineData("wrékin")]
    public async Task NameSearchIgnoresCaseAccentsAndAmpersands(string q)
    {
        var councils = await Client.GetDataAsync($"/v1/councils?q={Uri.EscapeDataString(q)}");
        Assert.Equal("E06000020", Assert.Single(councils).Str("code"));
    }

    [Fact]
    public async Task CodesGiveASideBySideComparisonInAnyIdentifierForm()
    {
        var councils = await Client.GetDataAsync("/v1/councils?codes=shropshire,894,E06000019");
        Assert.Equal(["E06000019", "E06000020", "E06000051"], councils.Select(c => c.Str("code")).Order());
    }

    [Fact]
    public async Task AreaAndGradeFilterOnTheLatestJudgement()
    {
        var councils = await Client.GetDataAsync("/v1/councils?area=overall_effectiveness&grade=outstanding&limit=500");
        Assert.NotEmpty(councils);
        Assert.Contains(councils, c => c.Str("slug") == "shropshire");
        Assert.All(councils, c => Assert.Equal("outstanding", c.GetProperty("latest").GetProperty("grades").Str("overall_effectiveness")));
    }

    [Fact]
    public async Task NeighboursStartWithTheCouncilThenFollowDfEOrder()
    {
        var detail = await Client.GetJsonAsync("/v1/councils/893");
        var expected = detail.GetProperty("statisticalNeighbours").EnumerateArray().Select(n => n.Str("code")).ToList();
        var rows = await Client.GetDataAsync("/v1/councils/893/neighbours");
        Assert.Equal(0, rows[0].GetProperty("rank").GetInt32());
        Assert.Equal("E06000051", rows[0].GetProperty("council").Str("code"));
        Assert.Equal(expected, rows.Skip(1).Select(r => r.GetProperty("council").Str("code")));
        Assert.All(rows, r => Assert.True(r.GetProperty("council").TryGetProperty("latest", out _)));
    }

    [Fact]
    public async Task HistoryIsNewestFirstAndCanIncludePredecessors()
    {
        var own = await Client.GetDataAsync("/v1/councils/shropshire/inspections");
        var dates = own.Select(i => i.Str("published")).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Contains("shropshire-2017-11-24", own.Select(i => i.Str("id")));

        // The sources hold no report of Northamptonshire; its successors' 2022 reports cite its 2019 judgement
        // ("…Northamptonshire County Council, were judged inadequate in 2019"), which their histories take in.
        var alone = await Client.GetDataAsync("/v1/councils/north-northamptonshire/inspections");
        Assert.NotEmpty(alone);
        Assert.All(alone, i => Assert.Equal("E06000061", i.GetProperty("council").Str("code")));
        var withPredecessors = await Client.GetDataAsync("/v1/councils/north-northamptonshire/inspections?includePredecessors=true");
        var inherited = Assert.Single(withPredecessors, i => i.GetProperty("council").Str("code") == "E10000021");
        Assert.Equal("Northamptonshire", inherited.GetProperty("council").Str("name"));
        Assert.Equal("inadequate", inherited.GetProperty("grades").Str("overall_effectiveness"));
        Assert.Equal("cited", inherited.Str("sourceKind"));
        Assert.Equal(alone.Count + 1, withPredecessors.Count);
        Assert.Equal("northamptonshire-2019", withPredecessors[^1].Str("id")); // the oldest comes last
    }

    [Fact]
    public async Task FocusedVisitsOfACouncil()
    {
        var visits = await Client.GetDataAsync("/v1/councils/shropshire/focused-visits");
        var january = visits.Single(v => v.Str("letterDate") == "2024-01-12");
        Assert.True(january.GetProperty("priorityAction").GetBoolean());
        var august = visits.Single(v => v.Str("letterDate") == "2024-08-30");
        Assert.False(august.GetProperty("priorityAction").GetBoolean());
    }

    [Theory]
    [InlineData("/v1/councils/E09999999")]
    [InlineData("/v1/councils/nowhere/inspections")]
    [InlineData("/v1/councils/999/neighbours")]
    [InlineData("/v1/councils/atlantis/focused-visits")]
    public async Task UnknownCouncilsAre404Problems(string url)
    {
        var problem = await Client.GetProblemAsync(url, HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", problem.Str("type"));
    }

    [Fact]
    public async Task RegionsListTheNineWithTheirCouncilCounts()
    {
        var regions = await Client.GetDataAsync("/v1/regions");
        Assert.Equal(9, regions.Count);
        Assert.Equal(153, regions.Sum(r => r.GetProperty("councils").GetInt32()));
    }
}
