namespace JudgementsApi.Tests.Hardening;

public sealed class RateLimitFactory() : RateLimitedApiFactory(Uncached, Exports)
{
    public const int Uncached = 4;
    public const int Exports = 2;
}

/// <summary>What costs is limited per client (requests that miss the cache, full CSV exports); what is cached never is.</summary>
public class RateLimitTests(RateLimitFactory api) : ApiTests<RateLimitFactory>(api)
{
    [Fact]
    public async Task RequestsThatMissTheCacheAreLimitedCachedOnesAndRevalidationsAreNot()
    {
        var first = await Client.GetAsync("/v1/councils/shropshire");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(RateLimitFactory.Uncached.ToString(), first.Headers.GetValues("RateLimit-Limit").Single());
        for (var i = 1; i < RateLimitFactory.Uncached; i++)
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/v1/inspections?limit={i}")).StatusCode);

        var limited = await Client.GetAsync("/v1/councils/telford-and-wrekin");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/problems/too-many-requests", await limited.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 3600);
        Assert.Equal("0", limited.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal($"{RateLimitFactory.Uncached};w=3600", limited.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Equal("1", limited.Headers.GetValues("api-supported-versions").Single());

        // Cached answers and 304s cost nothing and are never refused (once the entry is stored).
        Assert.Equal(HttpStatusCode.OK, await CachedStatusAsync("/v1/councils/shropshire"));
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/councils/shropshire")).StatusCode);
        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/inspections?limit=1");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Client.SendAsync(revalidate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task FullCsvExportsHaveTheirOwnLimit()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/inspections?format=csv&region=E12000005")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient("text/csv").GetAsync("/v1/focused-visits?region=E12000005")).StatusCode);
        var limited = await Client.GetAsync("/v1/councils?format=csv&region=E12000005");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("CSV exports", await limited.Content.ReadAsStringAsync());
        // The export already made is cached, and served again. The output cache stores an entry just
        // after the response ends, so a repeat sent at once can still miss it (and be limited); it
        // must be served once the entry is there.
        Assert.Equal(HttpStatusCode.OK, await CachedStatusAsync("/v1/inspections?format=csv&region=E12000005"));
    }

    private async Task<HttpStatusCode> CachedStatusAsync(string url) =>
        (await SendUntilCachedAsync(() => Client.GetAsync(url))).StatusCode;
}
