using System.IO.Compression;

namespace JudgementsApi.Tests.ReadApi;

/// <summary>gzip and Brotli for clients that ask: the same bytes once decoded, an ETag per coding, nothing compressed twice.</summary>
public class CompressionTests(ApiFactory api) : ApiTests(api)
{
    private static HttpRequestMessage Get(string url, string? acceptEncoding = null, string? accept = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return request;
    }

    internal static byte[] Decode(string? coding, byte[] body)
    {
        if (coding is null) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"unexpected Content-Encoding {coding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/v1/inspections?limit=50", null)]
    [InlineData("/v1/inspections?framework=sif", "text/csv")] // streamed CSV
    [InlineData("/v1/statistics/timeline?format=csv", null)]
    [InlineData("/v1/councils/shropshire/badge.svg", null)]
    [InlineData("/v1/feed.atom", null)]
    [InlineData("/councils/shropshire", null)]
    [InlineData("/embed/councils/shropshire", null)]
    public async Task GzipAndBrotliBodiesDecodeToExactlyTheIdentityBytes(string url, string? accept)
    {
        var identity = await Client.SendAsync(Get(url, accept: accept));
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        var plain = await identity.Content.ReadAsByteArrayAsync();
        Assert.True(plain.Length > 1024, $"{url} is {plain.Length} bytes: too small to show compression");

        var etags = new HashSet<string> { identity.Headers.ETag!.Tag };
        foreach (var (asked, coding) in new[] { ("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br"), ("br;q=0.5, gzip", "gzip") })
        {
            for (var time = 0; time < 2; time++) // the first compresses, the second is served from the cache
            {
                var response = await Client.SendAsync(Get(url, asked, accept));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal([coding], response.Content.Headers.ContentEncoding);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(body.Length < plain.Length, $"{url} in {coding}: {body.Length} bytes, not smaller than {plain.Length}");
                Assert.Equal(plain, Decode(coding, body));
                Assert.Contains("Accept-Encoding", response.Headers.Vary);
                Assert.Contains("Accept", response.Headers.Vary);
                Assert.Equal(identity.Content.Headers.ContentType, response.Content.Headers.ContentType);
                etags.Add(response.Headers.ETag!.Tag);
            }
        }
        Assert.Equal(3, etags.Count); // identity, gzip, br
    }

    [Fact]
    public async Task EachETagRevalidatesOnlyItsOwnCoding()
    {
        const string url = "/v1/councils?region=west-midlands";
        var gzip = (await Client.SendAsync(Get(url, "gzip"))).Headers.ETag!;
        var br = (await Client.SendAsync(Get(url, "br"))).Headers.ETag!;
        var plain = (await Client.SendAsync(Get(url))).Headers.ETag!;
        Assert.Distinct([gzip.Tag, br.Tag, plain.Tag]);
        Assert.False(gzip.IsWeak || br.IsWeak);

        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, "gzip", ifNoneMatch: gzip))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, "gzip, deflate, br", ifNoneMatch: br))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, ifNoneMatch: plain))).StatusCode);

        // A 304 for the gzip body must not be given to a request that would get Brotli, or identity.
        var other = await Client.SendAsync(Get(url, "br", ifNoneMatch: gzip));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(["br"], other.Content.Headers.ContentEncoding);
        Assert.Equal(br, other.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Get(url, ifNoneMatch: gzip))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Get(url, "gzip", ifNoneMatch: plain))).StatusCode);
    }

    [Fact]
    public async Task NoCodingAcceptedMeansIdentity()
    {
        const string url = "/v1/inspections?limit=20";
        var plain = await (await Client.SendAsync(Get(url))).Content.ReadAsByteArrayAsync();
        foreach (var asked in new[] { "identity", "deflate", "gzip;q=0, br;q=0", "*;q=0", "compress, zstd" })
        {
            var response = await Client.SendAsync(Get(url, asked));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(plain, await response.Content.ReadAsByteArrayAsync());
        }
        var any = await Client.SendAsync(Get(url, "*"));
        Assert.Equal(["br"], any.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/v1/regions")] // under 1 KB: compressing would save nothing
    [InlineData("/v1/dataset/download")] // a zip is compressed already
    public async Task SmallOrAlreadyCompressedBodiesGoAsTheyAre(string url)
    {
        var plain = await (await Client.SendAsync(Get(url))).Content.ReadAsByteArrayAsync();
        var response = await Client.SendAsync(Get(url, "gzip, br"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(plain, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/v1/dataset/download")]
    [InlineData("/statistics/timeline.png")]
    public async Task WhatIsSentAsItIsKeepsOneETagWhateverTheCodingAsked(string url)
    {
        var plain = await Client.SendAsync(Get(url));
        var asked = await Client.SendAsync(Get(url, "gzip, br"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Empty(asked.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, asked.Headers.ETag);
        Assert.DoesNotMatch("-(br|gz)\"$", asked.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(Get(url, "br", ifNoneMatch: plain.Headers.ETag))).StatusCode);
    }

    [Fact]
    public async Task HeadStarAndProblemsKeepWorkingWithACoding()
    {
        const string url = "/v1/councils/shropshire";
        var get = await Client.SendAsync(Get(url, "br"));
        var headRequest = Get(url, "br");
        headRequest.Method = HttpMethod.Head;
        var head = await Client.SendAsync(headRequest);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(["br"], head.Content.Headers.ContentEncoding);

        var star = Get(url, "br");
        star.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var notModified = await Client.SendAsync(star);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var missing = await Client.SendAsync(Get("/v1/councils/atlantis", "gzip, br"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(missing.Content.Headers.ContentEncoding);
        Assert.Contains("atlantis", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARealClientDecodesWhatKestrelSends()
    {
        await using var service = await ServiceProcess.ServeAsync(Api.DatabaseName);
        using var plainClient = new HttpClient { BaseAddress = service.BaseAddress };
        using var decoding = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = service.BaseAddress };
        foreach (var url in new[] { "/v1/inspections?format=csv", "/v1/councils?region=west-midlands" })
        {
            var plain = await plainClient.GetByteArrayAsync(url);
            for (var time = 0; time < 2; time++)
                Assert.Equal(plain, await decoding.GetByteArrayAsync(url));
        }
    }
}

/// <summary>Only requests that miss the output cache count against this limit: it shows which were compressed anew.</summary>
public sealed class CompressionCacheFactory() : RateLimitedApiFactory(Uncached)
{
    public const int Uncached = 3;
}

public class CompressionCacheTests(CompressionCacheFactory api) : ApiTests<CompressionCacheFactory>(api)
{
    [Fact]
    public async Task EachCodingIsCompressedOnceAndKeptInTheCache()
    {
        const string url = "/v1/inspections?limit=40";
        async Task<HttpResponseMessage> Send(string? coding)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (coding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            return await Client.SendAsync(request);
        }

        // Three misses (identity, gzip, br) use up the limit; every later request must come from the cache.
        var first = new Dictionary<string, byte[]>();
        foreach (var coding in new[] { "identity", "gzip", "br" })
        {
            var response = await Send(coding);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            first[coding] = await response.Content.ReadAsByteArrayAsync();
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.GetAsync("/v1/inspections?limit=41")).StatusCode);

        // The cache stores an entry just after the response ends: wait for it rather than race it.
        foreach (var (asked, entry) in new[] { ("br", "br"), ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("deflate, gzip;q=0.9", "gzip"), ("identity", "identity") })
        {
            var response = await SendUntilCachedAsync(() => Send(asked));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(first[entry], body); // the stored, already compressed bytes
            Assert.Equal(entry == "identity" ? [] : [entry], response.Content.Headers.ContentEncoding);
            Assert.Equal(first["identity"], CompressionTests.Decode(entry == "identity" ? null : entry, body));
        }
    }
}
