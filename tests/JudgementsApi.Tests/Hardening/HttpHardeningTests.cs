namespace JudgementsApi.Tests.Hardening;

/// <summary>Strict input, conditional requests and the headers every response carries.</summary>
public class HttpHardeningTests(ApiFactory api) : ApiTests(api)
{
    [Theory]
    [InlineData("/v1/councils?codes=%00")]
    [InlineData("/v1/inspections?council=a%00b")]
    [InlineData("/v1/focused-visits?council=shropshire%00")]
    [InlineData("/v1/councils?q=%00")]
    [InlineData("/v1/councils?codes=%ED%A0%80")]
    [InlineData("/v1/inspections?council=%ED%A0%80x")]
    [InlineData("/v1/councils?q=%C3%28")]
    [InlineData("/v1/inspections?council=shrop%FFshire")]
    public async Task ANulOrBrokenCharacterAnywhereIsA400Problem(string url)
    {
        await Client.GetProblemAsync(url, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IfNoneMatchStarMatchesOnlyARepresentationThatExists()
    {
        async Task<HttpResponseMessage> Star(string url)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            return await Client.SendAsync(request);
        }

        var existing = await Star("/v1/councils/shropshire");
        Assert.Equal(HttpStatusCode.NotModified, existing.StatusCode);
        Assert.NotNull(existing.Headers.ETag);
        Assert.Empty(await existing.Content.ReadAsByteArrayAsync());

        var unknown = await Star("/v1/councils/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("atlantis", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Star("/v1/inspections?grade=excellent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Star("/v1/nothing-here")).StatusCode);
    }

    public static TheoryData<string, string, int> EveryKindOfResponse => new()
    {
        { "GET", "/v1/councils/shropshire", 200 },
        { "GET", "/v1/councils/atlantis", 404 },
        { "DELETE", "/v1/councils/shropshire", 405 },
        { "POST", "/v1/councils", 405 },
        { "GET", "/v1/councils?q=" + new string('a', 5000), 414 },
        { "GET", "/v1/inspections?grade=excellent", 400 },
        { "OPTIONS", "/v1/councils", 204 },
        { "GET", "/health/live", 200 },
        { "GET", "/problems/not-found", 200 },
        { "GET", "/swagger/index.html", 200 },
    };

    [Theory]
    [MemberData(nameof(EveryKindOfResponse))]
    public async Task EveryResponseCarriesTheVersionAndSecurityHeaders(string method, string url, int status)
    {
        var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }
    }

    [Fact]
    public async Task TheRealServerSendsNoServerBanner()
    {
        await using var service = await ServiceProcess.ServeAsync(Api.DatabaseName);
        using var client = new HttpClient { BaseAddress = service.BaseAddress };
        var response = await client.GetAsync("/v1/regions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/v1/councils/shropshire/badge.svg")]
    [InlineData("/statistics/timeline.svg")]
    public async Task AnSvgMayRunNoScriptWhenOpenedAsADocument(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ResponseHeaders.SvgPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public void KestrelClosesIdleConnectionsAfter30SecondsAndCapsHowManyAreOpen()
    {
        var options = Api.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>();
        var limits = options.Value.Limits;
        Assert.Equal(TimeSpan.FromSeconds(30), limits.KeepAliveTimeout);
        Assert.Equal(2000, limits.MaxConcurrentConnections);
        // Twice the app's own limits, so that what exceeds ours gets a problem body from the app.
        Assert.Equal(2 * RequestLimits.MaxHeadersLength, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(16 * 1024, limits.MaxRequestLineSize);
    }

    [Fact]
    public async Task ACorsPreflightCarriesTheVersionHeader()
    {
        var answer = await Client.PreflightAsync("/v1/councils");
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Equal("1", answer.Headers.GetValues("api-supported-versions").Single());
    }

    [Fact]
    public async Task OptionsWithoutAPreflightSaysWhatIsAllowed()
    {
        var answer = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/v1/councils/shropshire"));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], answer.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task SwaggerUiAndProblemPagesWorkUnderTheirPolicy()
    {
        // The policy allows no inline script or style: the pages must not need any.
        foreach (var url in new[] { "/swagger/index.html", "/problems/invalid-parameter" })
        {
            var html = await Client.GetStringAsync(url);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotContain(" style=\"", html);
        }
    }
}

/// <summary>An unexpected failure (here a table gone from under the app) is a 500 problem with the same headers.</summary>
public class InternalErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A500CarriesTheVersionHeaderAndNoDetail()
    {
        var client = api.CreateClient();
        await using (var admin = api.OpenDatabase())
            await admin.ExecuteAsync("DROP TABLE framework_version_areas CASCADE");
        var response = await client.GetAsync("/v1/dataset/download"); // the download is the one answer still read from the database
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("/problems/internal-error", body);
        Assert.DoesNotContain("framework_version_areas", body);
    }
}
