namespace JudgementsApi.Tests.ReadApi;

public class FocusedVisitsApiTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task AllFocusedVisitsWithAreasForPriorityAction()
    {
        var visits = await Client.GetDataAsync("/v1/focused-visits?priorityAction=true&limit=500");
        Assert.True(visits.Count >= 20);
        Assert.All(visits, v => Assert.True(v.GetProperty("priorityAction").GetBoolean()));
        Assert.Contains(visits, v => v.Str("id") == "shropshire-2024-01-12-fv");

        var without = await Client.GetJsonAsync("/v1/focused-visits?priorityAction=false&limit=1");
        var all = await Client.GetJsonAsync("/v1/focused-visits?limit=1");
        Assert.Equal(371, all.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(371, visits.Count + without.GetProperty("meta").GetProperty("total").GetInt32());
    }

    /// <summary>#26 item 8: Dudley's letter is dated "21 January 2019" but was published on 21 January 2020.</summary>
    [Fact]
    public async Task ACorrectedDateSaysSoWithTheLettersPrintedWordsInJsonCsvAndTheDownload()
    {
        var dudley = Assert.Single((await Client.GetJsonAsync("/v1/focused-visits/dudley-2020-01-21-fv")).GetProperty("corrections").EnumerateArray());
        Assert.Equal(("letter_date", "21 January 2019"), (dudley.Str("field"), dudley.Str("printed")));
        Assert.Contains("2020", dudley.Str("reason"));
        var darlington = Assert.Single((await Client.GetJsonAsync("/v1/focused-visits/darlington-2023-11-28-fv")).GetProperty("corrections")
            .EnumerateArray());
        Assert.Equal(("visit_start", "24 October 2022 to 25 October 2023"), (darlington.Str("field"), darlington.Str("printed")));
        var plain = await Client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv");
        Assert.Empty(plain.GetProperty("corrections").EnumerateArray());

        var (_, body) = await Client.GetOkAsync("/v1/focused-visits?format=csv", "text/csv");
        var records = Csv.Records(body);
        var header = records[0];
        var corrected = records.Skip(1).Where(r => r.Count == header.Count && r[header.IndexOf("corrected")] != "")
            .Select(r => (r[header.IndexOf("id")], r[header.IndexOf("corrected")], r[header.IndexOf("printed")])).Order().ToList();
        Assert.Equal([("darlington-2023-11-28-fv", "visit_start", "24 October 2022 to 25 October 2023"),
            ("dudley-2020-01-21-fv", "letter_date", "21 January 2019"), ("north-somerset-2025-11-06-fv", "letter_date", "6 November 20205")],
            corrected);

        using var zip = new System.IO.Compression.ZipArchive(await Client.GetStreamAsync("/v1/dataset/download"));
        using var reader = new StreamReader(zip.GetEntry("data/focused_visits.csv")!.Open());
        var download = Csv.Records(await reader.ReadToEndAsync());
        var dh = download[0];
        var row = download.Single(r => r[0] == "dudley-2020-01-21-fv");
        Assert.Equal(("letter_date", "21 January 2019", dudley.Str("reason")),
            (row[dh.IndexOf("corrected")], row[dh.IndexOf("printed")], row[dh.IndexOf("correction_reason")]));
    }

    /// <summary>#26 item 9: beside the short topic, the letter's own sentence for what the visit looked at.</summary>
    [Fact]
    public async Task AVisitKeepsTheLettersOwnWordsForItsFocus()
    {
        var visits = await Client.GetDataAsync("/v1/focused-visits?limit=500");
        Assert.Equal(371, visits.Count);
        Assert.All(visits, v => Assert.False(string.IsNullOrWhiteSpace(v.Str("focusText")), v.Str("id")));
        var coventry = visits.Single(v => v.Str("id") == "coventry-2018-02-22-fv");
        Assert.Equal("the front door (contact, referral and assessment)", coventry.Str("focus"));
        Assert.StartsWith("Inspectors looked at the local authority's arrangements for contacts and referrals", coventry.Str("focusText"));

        var (_, body) = await Client.GetOkAsync("/v1/focused-visits?council=coventry&format=csv", "text/csv");
        var records = Csv.Records(body);
        var row = records.Single(r => r.Count > 1 && r[0] == "coventry-2018-02-22-fv");
        Assert.Equal(coventry.Str("focusText"), row[records[0].IndexOf("focus_text")]);
    }

    [Fact]
    public async Task AVisitHasItsDatesInspectorsAndFocus()
    {
        var visit = await Client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv");
        Assert.Equal("E06000051", visit.GetProperty("council").Str("code"));
        Assert.Equal("2024-01-12", visit.Str("letterDate"));
        Assert.NotEmpty(visit.GetProperty("inspectors").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(visit.Str("focus")));
        Assert.True(DateOnly.Parse(visit.Str("visitEnd")) < DateOnly.Parse(visit.Str("letterDate")));
    }

    [Fact]
    public async Task FiltersByCouncilRegionAndLetterDate()
    {
        var shropshire = await Client.GetDataAsync("/v1/focused-visits?council=E06000051");
        Assert.All(shropshire, v => Assert.Equal("E06000051", v.GetProperty("council").Str("code")));
        Assert.Contains(shropshire, v => v.Str("letterDate") == "2024-08-30");

        var y2024 = await Client.GetDataAsync("/v1/focused-visits?from=2024-01-01&to=2024-12-31&region=west-midlands&limit=500");
        Assert.All(y2024, v => Assert.StartsWith("2024-", v.Str("letterDate")));
        Assert.Contains(y2024, v => v.Str("id") == "shropshire-2024-08-30-fv");
    }

    [Fact]
    public async Task BadFiltersAreNamed()
    {
        var problem = await Client.GetProblemAsync("/v1/focused-visits?priorityAction=maybe&from=2024-02-30&to=2023-01-01", HttpStatusCode.BadRequest);
        Assert.Equal(["from", "priorityAction"], problem.ErrorParameters().Order());
        var unknown = await Client.GetProblemAsync("/v1/focused-visits/nope", HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", unknown.Str("type"));
    }

    [Fact]
    public async Task ABadQueryIsAnsweredBeforeTheResourceIsLookedUp()
    {
        // A resource by id takes no query: a parameter on it is unknown, whether or not the visit exists.
        var onOne = await Client.GetProblemAsync("/v1/focused-visits/nope?limit=5", HttpStatusCode.BadRequest);
        Assert.Equal(["limit"], onOne.ErrorParameters());
        // A bad page on a council that does not exist is still the 400, not a 404 or a redirect.
        var noCouncil = await Client.GetProblemAsync("/v1/councils/atlantis/focused-visits?limit=0", HttpStatusCode.BadRequest);
        Assert.Equal(["limit"], noCouncil.ErrorParameters());
        var byName = await Client.GetProblemAsync("/v1/councils/Telford%20and%20Wrekin/focused-visits?offset=-1&format=xml", HttpStatusCode.BadRequest);
        Assert.Equal(["format", "offset"], byName.ErrorParameters().Order());
    }

    [Fact]
    public async Task ACouncilsFocusedVisitsAreTheFilteredListPagedOrAsCsv()
    {
        var all = await Client.GetDataAsync("/v1/focused-visits?council=shropshire&limit=500");
        Assert.NotEmpty(all);
        var page = await Client.GetJsonAsync("/v1/councils/shropshire/focused-visits?limit=1");
        Assert.Equal(all.Count, page.GetProperty("meta").GetProperty("total").GetInt64());
        Assert.Equal(all[0].Str("id"), Data(page)[0].Str("id"));

        var csv = await Client.GetAsync("/v1/councils/shropshire/focused-visits?format=csv&limit=1");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("shropshire-focused-visits.csv", csv.Content.Headers.ContentDisposition?.ToString());
        // Every visit, not one page: the same rows as the whole filtered list.
        var filtered = await Client.GetStringAsync("/v1/focused-visits?council=shropshire&format=csv");
        Assert.Equal(filtered, await csv.Content.ReadAsStringAsync());
    }
}
