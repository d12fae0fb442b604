using JudgementsApi.Features;

namespace JudgementsApi.Tests.Integrations;

public class EmbedTests(ApiFactory api) : ApiTests(api)
{
    private Task<(HttpResponseMessage Response, string Html)> Page(string url) => Client.GetOkAsync(url, "text/html");

    [Fact]
    public async Task AnySiteMayFrameTheEmbedPage()
    {
        var (response, _) = await Page("/embed/councils/shropshire");
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", csp);
        Assert.DoesNotContain("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("frame-ancestors 'self'", csp);
    }

    [Fact]
    public async Task TheEmbedPageSetsNoCookiesRunsNoScriptAndHasNoInlineStyle()
    {
        var (response, html) = await Page("/embed/councils/shropshire");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Matches("""<link rel="stylesheet" href="/embed/embed.css" ?/?>""", html);

        var css = await Client.GetAsync("/embed/embed.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var stylesheet = await css.Content.ReadAsStringAsync();
        foreach (var grade in new[] { "outstanding", "good", "requires_improvement", "inadequate" })
            Assert.Contains($"background: {GradePalette.For(grade).Fill}", stylesheet);
    }

    [Fact]
    public async Task TheEmbedShowsTheGradesWithLinksToTheReportAndTheCouncilPageAndTheLicence()
    {
        var (_, html) = await Page("/embed/councils/E06000051");
        Assert.Contains("Overall effectiveness: <strong>Outstanding</strong>", html);
        Assert.Contains("""<span class="area">Care leavers</span> <strong>Good</strong>""", html);
        Assert.Contains("published 12 August 2025", html);
        var report = (await Client.GetJsonAsync("/v1/councils/shropshire")).GetProperty("latest").Str("reportUrl");
        Assert.Contains($"""href="{report}" """, html);
        Assert.Contains("""href="/councils/shropshire" """, html);
        Assert.Contains("Open Government Licence v3.0", html);
        Assert.Contains("target=\"_blank\" rel=\"noopener noreferrer\"", html);
    }

    [Fact]
    public async Task FormerCouncilsAndThe2026FrameworkAreStated()
    {
        var (_, cumbria) = await Page("/embed/councils/cumbria");
        Assert.Contains("Former council: replaced by", cumbria);
        Assert.Contains("""href="/councils/cumberland" """, cumbria);
        var (_, bedfordshire) = await Page("/embed/councils/bedfordshire");
        Assert.Contains("No inspection in this dataset", bedfordshire);

        var (_, brent) = await Page("/embed/councils/brent");
        Assert.DoesNotContain("Overall effectiveness:", brent);
        Assert.Contains("This framework makes no overall effectiveness judgement.", brent);
        Assert.Equal(4, brent.Split("<li class=\"grade-").Length - 1);
    }

    [Fact]
    public async Task EmbedPagesAreCached()
    {
        var (response, _) = await Page("/embed/councils/shropshire");
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AnUnknownCouncilIsA404CardThatMayBeFramedAndNamesResolveAsInTheApi()
    {
        var response = await Client.GetAsync("/embed/councils/shropshir");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 class=\"name\">Council not found</h1>", html);
        Assert.Contains("No council is called ‘shropshir’", html);
        Assert.Contains("""href="/councils/shropshire" """, html); // the closest council
        Assert.Contains("""href="/search?q=shropshir" """, html);
        Assert.Contains("frame-ancestors *", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // A name people write goes to the council's embed, as /v1/councils/{name} goes to the council.
        var (_, telford) = await Page("/embed/councils/Telford%20and%20Wrekin");
        Assert.Contains("""<h1 class="name"><a href="/councils/telford-and-wrekin" target="_blank" """, telford);
    }
}
