using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JudgementsApi.PageTests;

/// <summary>The embed inside a partner's page: an iframe on another origin, as a council's or a newspaper's site holds it.</summary>
public sealed class EmbedPageTests(PagesFixture app) : IClassFixture<PagesFixture>, IAsyncLifetime
{
    /// <summary>
    /// A partner's page on another origin (its own Kestrel on another loopback port) that frames the embed. A page the
    /// browser's router answered would count as public, and Chromium refuses a public page a frame on a private address.
    /// </summary>
    private async Task<IPage> PartnerPageAsync(string embedPath)
    {
        var partner = WebApplication.Create();
        partner.Urls.Add("http://127.0.0.1:0");
        partner.MapGet("/", () => Results.Content("<!doctype html><html lang=\"en\"><title>Partner</title><body>" +
            $"<iframe title=\"Ofsted ratings\" src=\"{app.BaseUrl}{embedPath}\" width=\"320\" height=\"260\"></iframe></body></html>",
            "text/html; charset=utf-8"));
        await partner.StartAsync();
        _partners.Add(partner);
        var page = await app.NewPageAsync(360, 640);
        await page.GotoAsync(partner.Urls.First());
        return page;
    }

    private readonly List<WebApplication> _partners = [];

    public async Task InitializeAsync() => await Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var partner in _partners) await partner.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_council_is_a_readable_card_inside_the_frame()
    {
        using var response = await app.Http.GetAsync("/embed/councils/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());

        var page = await PartnerPageAsync("/embed/councils/atlantis");
        var frame = page.FrameLocator("iframe");
        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync("Council not found");
        await Assertions.Expect(frame.Locator("main")).ToContainTextAsync("No council is called ‘atlantis’");
        var search = frame.GetByRole(AriaRole.Link, new() { Name = "Search for a council" });
        Assert.Equal("/search?q=atlantis", await search.GetAttributeAsync("href"));
        await PageChecks.ScreenshotAsync(page, "embed-not-found");
    }

    [Fact]
    public async Task A_misspelt_council_names_the_closest_councils()
    {
        var page = await PartnerPageAsync("/embed/councils/shropshir");
        var suggestions = await page.FrameLocator("iframe").Locator(".suggestions a").AllInnerTextsAsync();
        Assert.Contains("Shropshire", suggestions);
    }

    [Fact]
    public async Task A_council_named_as_people_write_it_shows_its_widget()
    {
        var page = await PartnerPageAsync("/embed/councils/Telford%20and%20Wrekin");
        await Assertions.Expect(page.FrameLocator("iframe").Locator("h1")).ToHaveTextAsync("Telford and Wrekin");
        await PageChecks.ScreenshotAsync(page, "embed-telford-and-wrekin");
    }
}
