using Microsoft.AspNetCore.OutputCaching;

namespace JudgementsApi.Tests.Hardening;

/// <summary>
/// One client cannot grow the caches: a query parameter the endpoint does not bind and the raw Accept
/// header are not part of any key (issue 22: unique junk queries and 28 KB Accept headers took the
/// process from 123 MB to 3.9 GB).
/// </summary>
public class CacheBoundTests(ApiFactory api) : ApiTests(api)
{
    private static readonly string Pad = new('x', 3900);

    /// <summary>About 28 KB of media ranges, distinct per request, that still accept anything.</summary>
    private static string LongAccept(int i) =>
        "text/html;q=0.9, " + string.Join(", ", Enumerable.Range(0, 1400).Select(n => $"application/x-{i}-{n}")) + ", */*;q=0.1";

    private CountedOutputCacheStore Store => (CountedOutputCacheStore)Api.Services.GetRequiredService<IOutputCacheStore>();

    private async Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await Client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync(); // the whole body: the request (and its caching) is over
        return response;
    }

    [Theory]
    [InlineData("/embed/councils/E06000051", HttpStatusCode.OK)]
    [InlineData("/about", HttpStatusCode.OK)]
    [InlineData("/councils/shropshire", HttpStatusCode.OK)]
    [InlineData("/v1/councils", HttpStatusCode.BadRequest)] // the API refuses unknown parameters
    public async Task JunkQueriesAndLongAcceptHeadersAddNoCacheEntries(string url, HttpStatusCode junkStatus)
    {
        var plain = await GetAsync(url, "*/*");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var entries = Store.Count;
        Assert.True(entries > 0);

        for (var i = 0; i < 60; i++)
        {
            var junk = await GetAsync($"{url}?z{i}=1&pad={Pad}", LongAccept(i));
            Assert.Equal(junkStatus, junk.StatusCode);
            if (junkStatus == HttpStatusCode.OK) Assert.Equal(plain.Headers.ETag, junk.Headers.ETag);
            else Assert.Null(junk.Headers.ETag);
        }
        Assert.Equal(entries, Store.Count);
    }

    [Fact]
    public async Task AcceptHeadersThatChooseTheSameRepresentationShareOneEntryAndETag()
    {
        var json = await GetAsync("/v1/councils?limit=3", "application/json");
        var entries = Store.Count;
        for (var i = 0; i < 30; i++)
        {
            var same = await GetAsync("/v1/councils?limit=3", LongAccept(i));
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Equal(json.Headers.ETag, same.Headers.ETag);
        }
        Assert.Equal(entries, Store.Count);

        var csv = await GetAsync("/v1/councils?limit=3", "text/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(json.Headers.ETag, csv.Headers.ETag);
        Assert.Equal(entries + 1, Store.Count);
    }

    [Fact]
    public async Task A406QuotesOnlyTheStartOfALongAcceptHeader()
    {
        var refused = await GetAsync("/v1/councils", LongAccept(0).Replace("*/*", "image/png"));
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.InRange((await refused.Content.ReadAsByteArrayAsync()).Length, 1, 2048);
    }

    [Fact]
    public async Task AnEntryIsCountedWithItsKeySoLongKeysCannotOutgrowTheLimit()
    {
        using var store = new CountedOutputCacheStore(sizeLimit: 100_000);
        var body = new byte[10];
        for (var i = 0; i < 1000; i++)
            await store.SetAsync($"{i}:{Pad}", body, null, TimeSpan.FromHours(1), CancellationToken.None);
        // Counted by the body alone (the platform's store) all 1,000 would fit in 100 KB; each costs ~8 KB with its key.
        Assert.InRange(store.Count, 1, 100_000 / (2 * Pad.Length));
    }
}
