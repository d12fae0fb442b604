namespace JudgementsApi.Tests;

public class SkeletonTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task LiveAndReadyAnswer200WithJson()
    {
        var live = await _client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await _client.GetJsonAsync("/health/ready");
        Assert.Equal("healthy", ready.Str("status"));
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("database").Str("status"));
    }

    [Fact]
    public async Task FrameworksComeFromTheDatabase()
    {
        var body = await _client.GetJsonAsync("/v1/frameworks");
        var slugs = body.GetProperty("data").EnumerateArray().Select(f => f.Str("slug")).ToList();
        Assert.Contains("sif", slugs);
        Assert.Contains("ilacs", slugs);
        Assert.Equal(slugs.Count, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task EveryResponseNamesTheSupportedVersions()
    {
        foreach (var url in new[] { "/v1/frameworks", "/v1/frameworks/no-such-framework", "/health/live", "/v9/frameworks" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
        }
    }

    [Fact]
    public async Task AnUnknownVersionIs404ProblemListingTheSupportedOnes()
    {
        var problem = await _client.GetProblemAsync("/v2/frameworks", HttpStatusCode.NotFound);
        Assert.Equal("/problems/unsupported-version", problem.Str("type"));
        Assert.Equal(["v1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task UnknownPathsAndMethodsAreProblems()
    {
        await _client.GetProblemAsync("/v1/no-such-resource", HttpStatusCode.NotFound);
        await _client.GetProblemAsync("/nothing-here", HttpStatusCode.NotFound);
        var post = await _client.PostAsync("/v1/frameworks", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProblemTypesExplainThemselves()
    {
        var problem = await _client.GetProblemAsync("/v1/frameworks?limit=-1", HttpStatusCode.BadRequest);
        var page = await _client.GetAsync(problem.Str("type"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("query parameters", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        var ui = await _client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var doc = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.Equal("JudgementsApi", doc.GetProperty("info").Str("title"));
    }

    [Fact]
    public async Task OverlongRequestLinesAreRefusedWithAProblem()
    {
        var problem = await _client.GetProblemAsync("/v1/frameworks?q=" + new string('x', 5000), (HttpStatusCode)414);
        Assert.Equal("/problems/uri-too-long", problem.Str("type"));
    }
}
