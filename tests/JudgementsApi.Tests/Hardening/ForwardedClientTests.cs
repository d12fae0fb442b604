using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace JudgementsApi.Tests.Hardening;

/// <summary>
/// The app behind a proxy it trusts (10.0.0.1) with a budget of two uncached requests. The in-memory
/// server has no peer address, so each request names its peer in X-Test-Peer (set before the app's
/// own pipeline, as a socket would).
/// </summary>
public sealed class ForwardedClientFactory() : RateLimitedApiFactory(uncached: 2)
{
    public const string Proxy = "10.0.0.1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:TrustedProxies", $"{Proxy}, 192.168.50.0/24");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, go) =>
            {
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(http.Request.Headers["X-Test-Peer"].FirstOrDefault() ?? Proxy);
                return go(http);
            });
            next(app);
        };
    }
}

/// <summary>Behind the trusted proxy each forwarded client has its own budget; nobody else can claim one.</summary>
public class ForwardedClientTests(ForwardedClientFactory api) : ApiTests<ForwardedClientFactory>(api)
{
    private Task<HttpResponseMessage> GetAsync(string url, string peer, string? forwardedFor = null, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (accept is not null) request.Headers.Add("Accept", accept);
        return Client.SendAsync(request);
    }

    [Fact]
    public async Task TwoClientsBehindTheProxyHaveSeparateBudgets()
    {
        for (var i = 1; i <= 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/v1/inspections?limit={i}", ForwardedClientFactory.Proxy, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await GetAsync("/v1/inspections?limit=3", ForwardedClientFactory.Proxy, "198.51.100.1")).StatusCode);

        // Another client through the same proxy (or the second trusted network) still has its own two.
        var other = await GetAsync("/v1/inspections?limit=4", "192.168.50.7", "198.51.100.2");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("1", other.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task AnUntrustedPeerCannotClaimAnotherAddress()
    {
        // Not a proxy we trust: its X-Forwarded-For is ignored, so changing it buys no new budget.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/v1/councils?limit=1", "203.0.113.9", "198.51.100.11")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/v1/councils?limit=2", "203.0.113.9", "198.51.100.12")).StatusCode);
        var spoofed = await GetAsync("/v1/councils?limit=3", "203.0.113.9", "198.51.100.13");
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
        Assert.Equal("application/problem+json", spoofed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagesAndEmbedsCountTooAndPeopleGetAPage()
    {
        const string client = "198.51.100.21";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/councils/shropshire", ForwardedClientFactory.Proxy, client, "text/html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/embed/councils/shropshire", ForwardedClientFactory.Proxy, client, "text/html")).StatusCode);
        var limited = await GetAsync("/councils/telford-and-wrekin", ForwardedClientFactory.Proxy, client, "text/html");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync());
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task FeedLinksFollowTheForwardedScheme()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/feed.atom");
        request.Headers.Add("X-Test-Peer", ForwardedClientFactory.Proxy);
        request.Headers.Add("X-Forwarded-For", "198.51.100.31");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var feed = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("href=\"https://localhost/", feed);
        Assert.DoesNotContain("href=\"http://localhost/", feed);
    }
}
