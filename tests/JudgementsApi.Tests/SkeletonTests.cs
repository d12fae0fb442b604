namespace JudgementsApi.Tests;

public class SkeletonTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task LiveAndReadyAnswer200WithJson()
    {
        var live = await Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await Client.GetJsonAsync("/health/ready");
        Assert.Equal("healthy", ready.Str("status"));
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("database").Str("status"));
    }

    [Fact]
    public async Task FrameworksComeFromTheDatabase()
    {
        var body = await Client.GetJsonAsync("/v1/frameworks");
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
            var response = await Client.GetAsync(url);
            Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
        }
    }

    [Fact]
    public async Task AnUnknownVersionIs404ProblemListingTheSupportedOnes()
    {
        var problem = await Client.GetProblemAsync("/v2/frameworks", HttpStatusCode.NotFound);
        Assert.Equal("/problems/unsupported-version", problem.Str("type"));
        Assert.Equal(["v1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task UnknownPathsAndMethodsAreProblems()
    {
        await Client.GetProblemAsync("/v1/no-such-resource", HttpStatusCode.NotFound);
        await Client.GetProblemAsync("/nothing-here", HttpStatusCode.NotFound);
        var post = await Client.PostAsync("/v1/frameworks", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ProblemTypesExplainThemselves()
    {
        var problem = await Client.GetProblemAsync("/v1/frameworks?limit=-1", HttpStatusCode.BadRequest);
        var page = await Client.GetAsync(problem.Str("type"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("query parameters", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        var ui = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var doc = await Client.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.Equal("JudgementsApi", doc.GetProperty("info").Str("title"));
    }

    [Fact]
    public async Task OverlongRequestLinesAreRefusedWithAProblem()
    {
        var problem = await Client.GetProblemAsync("/v1/frameworks?q=" + new string('x', 5000), (HttpStatusCode)414);
        Assert.Equal("/problems/uri-too-long", problem.Str("type"));
    }

    [Fact]
    public async Task OverlongHeadersAreRefusedWithAProblemAndAPageForPeople()
    {
        var api = new HttpRequestMessage(HttpMethod.Get, "/v1/frameworks");
        api.Headers.Add("X-Padding", new string('x', 40 * 1024));
        var refused = await Client.SendAsync(api);
        Assert.Equal((HttpStatusCode)431, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/problems/headers-too-large", await refused.Content.ReadAsStringAsync());

        var page = new HttpRequestMessage(HttpMethod.Get, "/about");
        page.Headers.Add("X-Padding", new string('x', 40 * 1024));
        page.Headers.Accept.ParseAdd("text/html");
        refused = await Client.SendAsync(page);
        Assert.Equal((HttpStatusCode)431, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Request headers too large", await refused.Content.ReadAsStringAsync());

        // A long Accept within the limit is still served (a browser's, or the bloat probe's 28 KB).
        var accepted = new HttpRequestMessage(HttpMethod.Get, "/v1/frameworks");
        accepted.Headers.TryAddWithoutValidation("Accept", "application/json, " + new string('x', 28 * 1024));
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(accepted)).StatusCode);
    }
}
