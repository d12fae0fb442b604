namespace JudgementsApi.Tests.ReadApi;

public class InspectionsApiTests(ApiFactory api) : ApiTests(api)
{
    private static string? Grade(JsonElement inspection, string family) =>
        inspection.GetProperty("grades").TryGetProperty(family, out var g) ? g.GetString() : null;

    [Fact]
    public async Task DetailListsEveryJudgementWithItsGradeRankAndProvenance()
    {
        var inspection = await Client.GetJsonAsync("/v1/inspections/shropshire-2017-11-24");
        Assert.Equal("sif", inspection.Str("frameworkVersion"));
        Assert.Equal("2017-09-11", inspection.Str("startDate"));
        Assert.Equal("2017-10-05", inspection.Str("endDate"));
        Assert.StartsWith("https://", inspection.Str("reportUrl"));

        var judgements = inspection.GetProperty("judgements").EnumerateArray()
            .ToDictionary(j => j.GetProperty("area").Str("family"), j => j);
        Assert.Equal("good", judgements["overall_effectiveness"].GetProperty("grade").Str("code"));
        Assert.Equal(2, judgements["overall_effectiveness"].GetProperty("grade").GetProperty("rank").GetInt32());
        Assert.Equal("good", judgements["help_and_protection"].GetProperty("grade").Str("code"));
        Assert.Equal("requires_improvement", judgements["children_in_care"].GetProperty("grade").Str("code"));
        Assert.Equal("Requires improvement to be good", judgements["children_in_care"].GetProperty("grade").Str("label"));
        Assert.Equal("good", judgements["adoption_performance"].GetProperty("grade").Str("code"));
        Assert.Equal("requires_improvement", judgements["care_leavers"].GetProperty("grade").Str("code"));
        Assert.Equal("good", judgements["leadership"].GetProperty("grade").Str("code"));

        var provenance = inspection.GetProperty("provenance");
        Assert.Equal("report", provenance.Str("sourceKind"));
        Assert.Equal("80552_shropshire_2017-11-24.txt", provenance.Str("source"));
    }

    [Fact]
    public async Task AJudgementFromANewsDocumentSaysSo()
    {
        var inspection = await Client.GetJsonAsync("/v1/inspections/shropshire-2012-11-01");
        Assert.Equal("adequate", Grade(inspection, "overall_effectiveness"));
        Assert.Equal("month", inspection.Str("publishedPrecision"));
        Assert.Equal("news", inspection.GetProperty("provenance").Str("sourceKind"));
    }

    [Fact]
    public async Task AnUnknownGradeIsNullWithAReasonAndAnUngradedAreaIsAbsent()
    {
        var inspection = await Client.GetJsonAsync("/v1/inspections/city-of-london-2016-09-20");
        var adoption = inspection.GetProperty("judgements").EnumerateArray().Single(j => j.GetProperty("area").Str("family") == "adoption_performance");
        Assert.Equal(JsonValueKind.Null, adoption.GetProperty("grade").ValueKind);
        Assert.False(string.IsNullOrEmpty(adoption.Str("note")));
        Assert.Equal(JsonValueKind.Null, inspection.GetProperty("grades").GetProperty("adoption_performance").ValueKind);

        // ILACS 2018 grades children in care and care leavers together: no separate care_leavers key.
        var ilacs2018 = await Client.GetJsonAsync("/v1/inspections/telford-and-wrekin-2020-03-02");
        Assert.False(ilacs2018.GetProperty("grades").TryGetProperty("care_leavers", out _));
        Assert.Equal("outstanding", Grade(ilacs2018, "overall_effectiveness"));
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var page = await Client.GetDataAsync("/v1/inspections?region=west-midlands&framework=sif&limit=500");
        Assert.NotEmpty(page);
        Assert.All(page, i => Assert.Equal("sif", i.Str("frameworkVersion")));
        Assert.Contains(page, i => i.Str("id") == "telford-and-wrekin-2016-08-26");

        var westMidlands = (await Client.GetDataAsync("/v1/councils?region=E12000005&limit=500")).Select(c => c.Str("code")).ToHashSet();
        Assert.All(page, i => Assert.Contains(i.GetProperty("council").Str("code"), westMidlands));

        var shorts = await Client.GetDataAsync("/v1/inspections?council=893&type=short");
        Assert.Equal("shropshire-2022-03-25", Assert.Single(shorts).Str("id"));

        var ilacs = await Client.GetDataAsync("/v1/inspections?framework=ilacs&limit=500");
        Assert.All(ilacs, i => Assert.StartsWith("ilacs-", i.Str("frameworkVersion")));
    }

    [Fact]
    public async Task PublishedRangeAndGradeInAnyArea()
    {
        var items = await Client.GetDataAsync("/v1/inspections?publishedFrom=2025-01-01&publishedTo=2025-12-31&grade=inadequate&limit=500");
        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.StartsWith("2025-", i.Str("published"));
            Assert.Contains("inadequate", i.GetProperty("grades").EnumerateObject().Select(g => g.Value.GetString()));
        });

        var areaGrade = await Client.GetDataAsync("/v1/inspections?area=overall_effectiveness&grade=outstanding&limit=500");
        Assert.Contains(areaGrade, i => i.Str("id") == "telford-and-wrekin-2020-03-02");
        Assert.All(areaGrade, i => Assert.Equal("outstanding", Grade(i, "overall_effectiveness")));
    }

    [Fact]
    public async Task SortOrders()
    {
        var newest = (await Client.GetDataAsync("/v1/inspections?limit=100")).Select(i => i.Str("published")).ToList();
        Assert.Equal(newest.OrderDescending(), newest);
        var oldest = (await Client.GetDataAsync("/v1/inspections?sort=published&limit=100")).Select(i => i.Str("published")).ToList();
        Assert.Equal(oldest.Order(), oldest);
        var byCouncil = (await Client.GetDataAsync("/v1/inspections?sort=council&limit=100")).Select(i => i.GetProperty("council").Str("name")).ToList();
        Assert.Equal(byCouncil.Order(StringComparer.Ordinal), byCouncil);
    }

    [Fact]
    public async Task PagesLinkToEachOther()
    {
        var all = await Client.GetJsonAsync("/v1/inspections?limit=500");
        var total = all.GetProperty("meta").GetProperty("total").GetInt32();
        Assert.True(total > 450);

        var response = await Client.GetAsync("/v1/inspections?limit=10&offset=20");
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(10, Data(page).Count);
        Assert.Equal(total, page.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("/v1/inspections?limit=10&offset=30", page.GetProperty("links").Str("next"));
        Assert.Equal("/v1/inspections?limit=10&offset=10", page.GetProperty("links").Str("prev"));
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("</v1/inspections?limit=10&offset=30>; rel=\"next\"", link);
        Assert.Contains("rel=\"prev\"", link);
        Assert.Equal(Data(all).Skip(20).Take(10).Select(i => i.Str("id")), Data(page).Select(i => i.Str("id")));

        var last = await Client.GetJsonAsync($"/v1/inspections?limit=10&offset={total - 5}");
        Assert.Equal(5, Data(last).Count);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);

        var beyond = await Client.GetJsonAsync($"/v1/inspections?offset={total + 10}");
        Assert.Empty(Data(beyond));
        Assert.Equal(total, beyond.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DefaultPageIs50()
    {
        var page = await Client.GetJsonAsync("/v1/inspections");
        Assert.Equal(50, Data(page).Count);
        Assert.Equal(50, page.GetProperty("meta").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task UnknownInspectionIs404Problem()
    {
        var problem = await Client.GetProblemAsync("/v1/inspections/no-such-inspection", HttpStatusCode.NotFound);
        Assert.Contains("no-such-inspection", problem.Str("detail"));
    }
}
