using JudgementsApi.Tests.Client;

namespace JudgementsApi.Tests;

/// <summary>The app on a real socket (Kestrel), for clients that cannot use the in-memory server.</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);
}

/// <summary>
/// A client generated from the committed openapi.yaml by NSwag (at build time, see the test
/// project's GenerateApiClient target) calls the running app over HTTP: the contract is one
/// that a standard tool turns into working code.
/// </summary>
public class ApiClientTests : IClassFixture<KestrelApiFactory>
{
    private readonly JudgementsClient _client;

    public ApiClientTests(KestrelApiFactory api)
    {
        api.StartServer();
        var http = api.CreateClient();
        Assert.StartsWith("http://", http.BaseAddress!.ToString()); // a real socket, not the in-memory server
        _client = new JudgementsClient(http);
    }

    [Fact]
    public async Task GetsACouncilByItsOnsCode()
    {
        var council = await _client.GetCouncilAsync("E06000051");
        Assert.Equal("Shropshire", council.Name);
        Assert.Equal("shropshire", council.Slug);
    }

    [Fact]
    public async Task ListsInspectionsWithTypedFilters()
    {
        var page = await _client.ListInspectionsAsync(council: "shropshire", region: null, framework: Framework3.Ilacs, type: null,
            publishedFrom: null, publishedTo: null, area: null, grade: null, sort: Sort.Published, limit: 2, offset: 0,
            format: null, bom: null);
        Assert.Equal(2, page.Data.Count);
        Assert.True(page.Meta.Total >= 2);
        Assert.All(page.Data, i => Assert.StartsWith("Ilacs", i.FrameworkVersion.ToString())); // a typed enum: Ilacs2018…
        Assert.All(page.Data, i => Assert.Equal("shropshire", i.Council.Slug));
        Assert.True(page.Data.First().Published <= page.Data.Last().Published);
    }

    [Fact]
    public async Task AProblemResponseBecomesATypedException()
    {
        var error = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _client.GetFrameworkAsync("no-such-framework"));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("/problems/not-found", error.Result.Type);
    }
}
