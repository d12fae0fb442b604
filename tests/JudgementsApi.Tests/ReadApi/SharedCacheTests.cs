namespace JudgementsApi.Tests.ReadApi;

/// <summary>
/// What a shared cache (nginx, a CDN) needs to serve every client right: the CORS headers do not depend
/// on Origin, so an answer stored for a plain request serves a browser too; a replayed answer is dated
/// when it is sent, with its full max-age.
/// </summary>
public class SharedCacheTests(ApiFactory api) : ApiTests(api)
{
    public static TheoryData<string> Answers => new()
    {
        "/v1/councils/shropshire",
        "/v1/councils?region=west-midlands&format=csv",
        "/v1/feed.atom",
        "/v1/councils/shropshire/badge.svg",
        "/v1/councils/atlantis",
        "/v1/inspections?grade=excellent",
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task EveryAnswerIsOpenToAnyOriginWhetherOrNotTheRequestNamesOne(string url)
    {
        var plain = await Client.GetAsync(url);
        var fromPage = new HttpRequestMessage(HttpMethod.Get, url);
        fromPage.Headers.Add("Origin", "https://news.example");
        var cors = await Client.SendAsync(fromPage);

        Assert.Equal(plain.StatusCode, cors.StatusCode);
        foreach (var response in new[] { plain, cors })
        {
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
            Assert.DoesNotContain("Origin", response.Headers.Vary);
        }
        Assert.Equal(plain.Headers.GetValues("Access-Control-Expose-Headers"), cors.Headers.GetValues("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task ANotModifiedAnswerIsOpenToAnyOriginToo()
    {
        var first = await Client.GetAsync("/v1/councils/shropshire");
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var again = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal("*", again.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task APreflightMayBeReusedForADay()
    {
        var answer = await Client.PreflightAsync("/v1/councils");
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("86400", answer.Headers.GetValues("Access-Control-Max-Age").Single());
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task AReplayedAnswerIsDatedNowWithItsFullMaxAge()
    {
        var first = await Client.GetAsync("/v1/frameworks/sif");
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.Equal(Api.Clock.GetUtcNow(), first.Headers.Date);

        // Nine and a half minutes on, the output cache still holds the entry (it is keyed on the dataset version).
        Api.Clock.Advance(TimeSpan.FromSeconds(570));
        var again = await Client.GetAsync("/v1/frameworks/sif");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(Api.Clock.GetUtcNow(), again.Headers.Date);
        Assert.Null(again.Headers.Age);
        Assert.Equal("public, max-age=300", again.Headers.CacheControl?.ToString());

        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/frameworks/sif");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(Api.Clock.GetUtcNow(), revalidated.Headers.Date);
    }

    /// <summary>Real Kestrel, its output cache answering the second request: a plain request first, then one from a page.</summary>
    [Fact]
    public async Task TheRealServersCachedAnswerToAPageIsOpenToIt()
    {
        await using var service = await ServiceProcess.ServeAsync(Api.DatabaseName);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var plain = await client.GetAsync("/v1/councils/shropshire/badge.svg");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("*", plain.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var fromPage = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/badge.svg");
        fromPage.Headers.Add("Origin", "https://news.example");
        var cached = await client.SendAsync(fromPage);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(plain.Headers.ETag, cached.Headers.ETag);
        Assert.Equal("*", cached.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.DoesNotContain("Origin", cached.Headers.Vary);
        Assert.Null(cached.Headers.Age);
        Assert.NotNull(cached.Headers.Date);
    }
}
