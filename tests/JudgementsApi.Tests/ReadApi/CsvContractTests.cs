namespace JudgementsApi.Tests.ReadApi;

/// <summary>CSV that keeps the JSON's meaning: grades and statuses in their own columns, the warnings, a BOM for Excel on request.</summary>
public class CsvContractTests(ApiFactory api) : ApiTests(api)
{
    private async Task<List<Dictionary<string, string>>> RowsAsync(string url)
    {
        var records = Csv.Records(await Client.GetStringAsync(url));
        return records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task AGradeColumnHoldsOnlyGradesAndItsStatusColumnSaysWhyThereIsNone()
    {
        var grades = (await Client.GetJsonAsync("/v1/grades")).GetProperty("data").EnumerateArray().Select(g => g.Str("code")).ToHashSet();
        var rows = await RowsAsync("/v1/inspections?format=csv");
        Assert.All(rows, r => Assert.True(r["overall_effectiveness"] == "" || grades.Contains(r["overall_effectiveness"]), r["id"]));
        Assert.All(rows, r => Assert.Equal(r["overall_effectiveness"] != "", r["overall_effectiveness_status"] == "graded"));

        // ILACS from April 2026 gives no overall effectiveness judgement: the JSON has no key for it.
        var brent = rows.Single(r => r["id"] == "brent-2026-06-17");
        Assert.Equal(("", "not_graded"), (brent["overall_effectiveness"], brent["overall_effectiveness_status"]));
        var json = await Client.GetJsonAsync("/v1/inspections/brent-2026-06-17");
        Assert.False(json.GetProperty("grades").TryGetProperty("overall_effectiveness", out _));

        var councils = await RowsAsync("/v1/councils?format=csv&codes=brent");
        Assert.Equal(("", "not_graded"), (councils[0]["overall_effectiveness"], councils[0]["overall_effectiveness_status"]));
    }

    [Fact]
    public async Task TheStatisticsCsvCarriesTheJsonsWarnings()
    {
        var json = await Client.GetJsonAsync("/v1/statistics/distribution");
        var warnings = json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("notGraded"));

        var csv = await Client.GetAsync("/v1/statistics/distribution?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var headers = csv.Headers.GetValues("Warning").ToList();
        Assert.Equal(warnings.Count, headers.Count);
        Assert.All(headers, h => Assert.StartsWith("299 - \"", h));
        Assert.Contains(headers, h => h.Contains("latest full inspection does not grade overall_effectiveness"));
    }

    [Fact]
    public async Task BomTrueStartsTheCsvWithAByteOrderMarkForExcel()
    {
        var plain = await Client.GetByteArrayAsync("/v1/councils?format=csv");
        var excel = await Client.GetByteArrayAsync("/v1/councils?format=csv&bom=true");
        Assert.NotEqual(0xEF, plain[0]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, excel[..3]);
        Assert.Equal(plain, excel[3..]);
        await Client.GetProblemAsync("/v1/councils?format=csv&bom=maybe", HttpStatusCode.BadRequest);
        await Client.GetProblemAsync("/v1/councils/shropshire?bom=true", HttpStatusCode.BadRequest); // not a CSV resource
    }

    [Fact]
    public async Task AnEmptyOffsetIsA400()
    {
        var problem = await Client.GetProblemAsync("/v1/councils?offset=", HttpStatusCode.BadRequest);
        Assert.Equal("offset", problem.GetProperty("errors")[0].Str("parameter"));
    }
}
