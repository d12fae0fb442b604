using Microsoft.AspNetCore.Mvc.Testing;

namespace JudgementsApi.Tests.ReadApi;

/// <summary>GET /v1, the OpenAPI document at /openapi.json and /openapi.yaml, and one URL per version.</summary>
public class ApiIndexTests(ApiFactory api) : ApiTests(api)
{
    private readonly HttpClient _noRedirects = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheIndexLinksEveryResourceByOperationId()
    {
        var index = await Client.GetJsonAsync("/v1");
        Assert.Equal("v1", index.Str("version"));
        Assert.Equal("/openapi.json", index.GetProperty("openApi").Str("href"));
        var links = index.GetProperty("links");
        Assert.Equal("/v1/councils", links.GetProperty("ListCouncils").Str("href"));
        Assert.False(links.GetProperty("ListCouncils").GetProperty("templated").GetBoolean());
        Assert.Equal("/v1/councils/{id}", links.GetProperty("GetCouncil").Str("href"));
        Assert.True(links.GetProperty("GetCouncil").GetProperty("templated").GetBoolean());
        Assert.Equal("/v1", links.GetProperty("GetApiIndex").Str("href"));

        // Every operation of the OpenAPI document is linked, and nothing else.
        var doc = await Client.GetJsonAsync("/openapi.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/v1", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(op => op.Value.Str("operationId"))).Order(StringComparer.Ordinal);
        Assert.Equal(operations, links.EnumerateObject().Select(l => l.Name));
    }

    /// <summary>A link leads to a resource: 200, or 400 where a parameter is required (movements' `from`); never 404 or 5xx.</summary>
    [Fact]
    public async Task EveryUntemplatedLinkAnswers()
    {
        var links = (await Client.GetJsonAsync("/v1")).GetProperty("links").EnumerateObject()
            .Where(l => !l.Value.GetProperty("templated").GetBoolean()).ToList();
        Assert.True(links.Count > 10);
        foreach (var link in links)
        {
            var response = await _noRedirects.GetAsync(link.Value.Str("href"));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"{link.Name} {link.Value.Str("href")}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/openapi.json", "/swagger/v1/swagger.json")]
    [InlineData("/openapi.yaml", "/swagger/v1/swagger.yaml")]
    public async Task TheOpenApiDocumentIsServedWhereToolsLook(string path, string swagger)
    {
        var served = await Client.GetStringAsync(path);
        Assert.Equal(await Client.GetStringAsync(swagger), served);
        Assert.Contains("openapi", served);
    }

    [Theory]
    [InlineData("/V1", "/v1")]
    [InlineData("/v1.0", "/v1")]
    [InlineData("/V1/councils?limit=1", "/v1/councils?limit=1")]
    [InlineData("/v1.0/councils/shropshire/inspections", "/v1/councils/shropshire/inspections")]
    [InlineData("/V1.0/statistics/summary?area=overall_effectiveness", "/v1/statistics/summary?area=overall_effectiveness")]
    public async Task OtherSpellingsOfTheVersionRedirectPermanently(string path, string location)
    {
        var response = await _noRedirects.GetAsync(path);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/v10/councils")]
    [InlineData("/v2/councils")]
    public async Task OtherVersionsAreNotRedirected(string path) =>
        await Client.GetProblemAsync(path, HttpStatusCode.NotFound);
}
