using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace JudgementsApi.Tests.ReadApi;

/// <summary>What every endpoint shares: CSV, caching, CORS, negotiation and error rules.</summary>
public class HttpContractTests(ApiFactory api) : ApiTests(api)
{
    public static TheoryData<string> Collections =>
    [
        "/v1/councils", "/v1/councils/shropshire/inspections", "/v1/councils/shropshire/focused-visits",
        "/v1/councils/shropshire/neighbours", "/v1/inspections", "/v1/focused-visits", "/v1/frameworks", "/v1/grades", "/v1/regions",
    ];

    /// <summary>JSON is written by serializers generated at build time: a response type left out of ApiJsonContext would fall back to reflection unnoticed.</summary>
    [Fact]
    public void EveryJsonResponseTypeHasAGeneratedSerializer()
    {
        var declared = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(m => m.Type is { } t && t != typeof(void) && t != typeof(string) && m.ContentTypes.Any(c => c.EndsWith("json")))
            .Select(m => m.Type!).Distinct().ToList();
        Assert.Contains(typeof(JudgementsApi.Features.Inspections.InspectionDetail), declared);
        Assert.Empty(declared.Where(t => ApiJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.Name));
    }

    private static List<string> CsvLines(string body) => body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task EveryCollectionAnswersCsvByAcceptOrFormat(string url)
    {
        var byAccept = await Api.CreateClient("text/csv").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, byAccept.StatusCode);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv\"", byAccept.Content.Headers.ContentDisposition?.ToString());
        var byFormat = await Client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "format=csv");
        Assert.Equal(await byAccept.Content.ReadAsStringAsync(), await byFormat.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CsvHoldsEveryMatchingRowNotOnePage()
    {
        var total = (await Client.GetJsonAsync("/v1/inspections?limit=1")).GetProperty("meta").GetProperty("total").GetInt32();
        var csv = CsvLines(await Client.GetStringAsync("/v1/inspections?format=csv&limit=5"));
        Assert.Equal(total + 1, csv.Count);
        var header = csv[0].Split(',');
        Assert.Equal(["id", "council_code", "council_name"], header.Take(3));
        Assert.Contains("overall_effectiveness", header);
        Assert.Contains("care_leavers", header);
    }

    [Fact]
    public async Task CsvRowsAreFlatGradesPerArea()
    {
        var lines = CsvLines(await Client.GetStringAsync("/v1/councils?format=csv&codes=shropshire"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("E06000051", Cell("code"));
        Assert.Equal("shropshire-2025-08-12", Cell("latest_inspection_id"));
        Assert.Equal("outstanding", Cell("overall_effectiveness"));
        Assert.Equal("good", Cell("care_leavers"));
        Assert.Equal("", Cell("lscb_review")); // not graded by ILACS: empty, not "unknown"
    }

    [Fact]
    public async Task CsvQuotesFieldsThatNeedIt()
    {
        var lines = CsvLines(await Client.GetStringAsync("/v1/councils?format=csv&codes=E06000058"));
        Assert.Contains("\"Bournemouth, Christchurch and Poole\"", lines[1]);
    }

    [Theory]
    [InlineData("/v1/inspections?format=csv&framework=sif")]
    [InlineData("/v1/councils?region=west-midlands")]
    public async Task ACachedResponseIsTheSameAsTheFirst(string url)
    {
        var first = await Client.GetByteArrayAsync(url);
        var second = await Client.GetByteArrayAsync(url);
        var third = await Client.GetByteArrayAsync(url);
        Assert.True(first.Length > 1000);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public async Task ETagsAreStrongAndAnswer304()
    {
        var first = await Client.GetAsync("/v1/councils/shropshire");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        var other = await Client.GetAsync("/v1/councils/telford-and-wrekin");
        Assert.NotEqual(etag, other.Headers.ETag);
        var csv = await Api.CreateClient("text/csv").GetAsync("/v1/councils");
        var json = await Client.GetAsync("/v1/councils");
        Assert.NotEqual(csv.Headers.ETag, json.Headers.ETag);
    }

    [Fact]
    public async Task HeadAnswersWithTheHeadersOfGet()
    {
        var get = await Client.GetAsync("/v1/councils/shropshire");
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/councils/shropshire"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task ErrorsAreNotCached()
    {
        var response = await Client.GetAsync("/v1/councils/nowhere");
        Assert.Null(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task CorsIsOpenForReads()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire");
        request.Headers.Add("Origin", "https://news.example");
        var response = await Client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        var answer = await Client.PreflightAsync("/v1/councils");
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Theory]
    [InlineData("/v1/councils", "application/xml")]
    [InlineData("/v1/councils/shropshire", "text/csv")]
    [InlineData("/v1/inspections/shropshire-2017-11-24", "image/png")]
    public async Task AnAcceptTheEndpointCannotProduceIs406(string url, string accept)
    {
        var response = await Api.CreateClient(accept).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task JsonIsTheDefaultForWildcardsAndQualityOrder()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv;q=0.5, application/json");
        var response = await client.GetAsync("/v1/councils");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var any = await Api.CreateClient("*/*").GetAsync("/v1/councils");
        Assert.Equal("application/json", any.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EveryBadParameterIsNamedWithTheAcceptedValues()
    {
        var problem = await Client.GetProblemAsync(
            "/v1/inspections?grade=excellent&area=vibes&region=atlantis&type=surprise&publishedFrom=2025-02-30&limit=9999&colour=blue&council=nowhere",
            HttpStatusCode.BadRequest);
        Assert.Equal("/problems/invalid-parameter", problem.Str("type"));
        Assert.Equal(["area", "colour", "council", "grade", "limit", "publishedFrom", "region", "type"], problem.ErrorParameters().Order());
        var grade = problem.GetProperty("errors").EnumerateArray().Single(e => e.Str("parameter") == "grade");
        Assert.Contains("requires_improvement", grade.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        var unknown = problem.GetProperty("errors").EnumerateArray().Single(e => e.Str("parameter") == "colour");
        Assert.Contains("publishedFrom", unknown.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [InlineData("/v1/councils?limit=0")]
    [InlineData("/v1/councils?offset=-1")]
    [InlineData("/v1/councils?status=dead")]
    [InlineData("/v1/councils?type=parish")]
    [InlineData("/v1/councils?codes=shropshire,atlantis")]
    [InlineData("/v1/councils?format=xml")]
    [InlineData("/v1/inspections?publishedFrom=2025-06-01&publishedTo=2025-01-01")]
    [InlineData("/v1/inspections?sort=random")]
    [InlineData("/v1/inspections?framework=ofsted-2030")]
    [InlineData("/v1/councils/shropshire/inspections?includePredecessors=yes")]
    [InlineData("/v1/councils/shropshire?limit=5")]
    public async Task BadParametersAre400Problems(string url)
    {
        var problem = await Client.GetProblemAsync(url, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorParameters());
    }

    [Theory]
    [InlineData("/v1/councils/'; DROP TABLE councils; --")]
    [InlineData("/v1/councils?q=%25%27%22%5C")]
    [InlineData("/v1/councils?q=%00")]
    [InlineData("/v1/inspections/%E2%9C%93")]
    [InlineData("/v1/inspections?council=%F0%9F%98%80")]
    [InlineData("/v1/councils?codes=,,,")]
    [InlineData("/v1/councils?limit=99999999999999999999")]
    [InlineData("/v1/inspections?publishedFrom=0001-01-01&publishedTo=9999-12-31")]
    [InlineData("/v1/focused-visits?from=-2024-01-01")]
    [InlineData("/v1/councils?region=&type=&q=")]
    public async Task HostileInputNeverCausesA500(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
