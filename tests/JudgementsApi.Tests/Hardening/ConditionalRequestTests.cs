using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests.Hardening;

/// <summary>The app on a real socket (Kestrel checks what a 304 may carry; the in-memory server does not), its log captured.</summary>
public sealed class LoggedKestrelFactory : ApiFactory
{
    public CapturedLogs Logs { get; } = new();

    public LoggedKestrelFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>
/// <c>If-None-Match: *</c> on a URL whose answer is in the output cache: a clean 304 (RFC 9110 13.1.2:
/// `*` matches any current representation) with nothing in the log. It used to throw twice per request
/// and drop the connection (issue 22).
/// </summary>
public class ConditionalRequestTests : IClassFixture<LoggedKestrelFactory>
{
    private readonly LoggedKestrelFactory _api;
    private readonly HttpClient _client;

    public ConditionalRequestTests(LoggedKestrelFactory api)
    {
        _api = api;
        api.StartServer();
        _client = api.CreateClient();
    }

    [Theory]
    [InlineData("/v1/councils/shropshire")]
    [InlineData("/v1/inspections?council=shropshire&format=csv")]
    [InlineData("/councils/shropshire")]
    [InlineData("/embed/councils/E06000051")]
    public async Task IfNoneMatchStarOnACachedUrlIsA304WithNothingLogged(string url)
    {
        var first = await _client.GetAsync(url); // now in the output cache
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(first.Headers.ETag, response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        // The connection survived: the same client goes on.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);

        var entries = _api.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
    }
}
