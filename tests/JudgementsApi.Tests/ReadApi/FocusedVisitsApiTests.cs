using System.Net;
using System.Text.Json;
using JudgementsApi.Tests.Infrastructure;

namespace JudgementsApi.Tests.ReadApi;

public class FocusedVisitsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static List<JsonElement> Data(JsonElement page) => page.GetProperty("data").EnumerateArray().ToList();

    [Fact]
    public async Task AllFocusedVisitsWithAreasForPriorityAction()
    {
        var visits = Data(await _client.GetJsonAsync("/v1/focused-visits?priorityAction=true&limit=500"));
        Assert.True(visits.Count >= 20);
        Assert.All(visits, v => Assert.True(v.GetProperty("priorityAction").GetBoolean()));
        Assert.Contains(visits, v => v.Str("id") == "shropshire-2024-01-12-fv");

        var without = await _client.GetJsonAsync("/v1/focused-visits?priorityAction=false&limit=1");
        var all = await _client.GetJsonAsync("/v1/focused-visits?limit=1");
        Assert.Equal(371, all.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(371, visits.Count + without.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AVisitHasItsDatesInspectorsAndFocus()
    {
        var visit = await _client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv");
        Assert.Equal("E06000051", visit.GetProperty("council").Str("code"));
        Assert.Equal("2024-01-12", visit.Str("letterDate"));
        Assert.NotEmpty(visit.GetProperty("inspectors").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(visit.Str("focus")));
        Assert.True(DateOnly.Parse(visit.Str("visitEnd")) < DateOnly.Parse(visit.Str("letterDate")));
    }

    [Fact]
    public async Task FiltersByCouncilRegionAndLetterDate()
    {
        var shropshire = Data(await _client.GetJsonAsync("/v1/focused-visits?council=E06000051"));
        Assert.All(shropshire, v => Assert.Equal("E06000051", v.GetProperty("council").Str("code")));
        Assert.Contains(shropshire, v => v.Str("letterDate") == "2024-08-30");

        var y2024 = Data(await _client.GetJsonAsync("/v1/focused-visits?from=2024-01-01&to=2024-12-31&region=west-midlands&limit=500"));
        Assert.All(y2024, v => Assert.StartsWith("2024-", v.Str("letterDate")));
        Assert.Contains(y2024, v => v.Str("id") == "shropshire-2024-08-30-fv");
    }

    [Fact]
    public async Task BadFiltersAreNamed()
    {
        var problem = await _client.GetProblemAsync("/v1/focused-visits?priorityAction=maybe&from=2024-02-30&to=2023-01-01", HttpStatusCode.BadRequest);
        Assert.Equal(["from", "priorityAction"], problem.ErrorParameters().Order());
        var unknown = await _client.GetProblemAsync("/v1/focused-visits/nope", HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", unknown.Str("type"));
    }
}
