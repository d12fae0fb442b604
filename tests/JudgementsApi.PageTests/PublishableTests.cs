namespace JudgementsApi.PageTests;

/// <summary>What a journalist or a developer takes away: social previews, embed code to copy, and a map keyboard users can pass.</summary>
public sealed class PublishableTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Theory]
    [InlineData("/councils/shropshire")]
    [InlineData("/compare?councils=shropshire,telford-and-wrekin")]
    [InlineData("/statistics")]
    public async Task Shared_links_show_a_title_a_description_and_a_preview_png(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        async Task<string> Meta(string selector) => (await page.Locator(selector).GetAttributeAsync("content"))!;
        Assert.Equal(await page.TitleAsync(), (await Meta("meta[property='og:title']")) + " – Children's services inspections");
        Assert.False(string.IsNullOrWhiteSpace(await Meta("meta[property='og:description']")));
        Assert.Equal("summary_large_image", await Meta("meta[name='twitter:card']"));
        var image = await Meta("meta[property='og:image']");
        Assert.StartsWith(app.BaseUrl + "/", image); // absolute, as Open Graph requires
        Assert.Equal(image, await Meta("meta[name='twitter:image']"));
        Assert.False(string.IsNullOrWhiteSpace(await Meta("meta[property='og:image:alt']")));

        using var response = await app.Http.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        using var bitmap = SkiaSharp.SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.True(bitmap is { Width: >= 300, Height: >= 100 }, $"{image} is not a picture worth sharing");
    }

    [Fact]
    public async Task Embed_this_council_copies_the_badge_and_widget_code_which_work()
    {
        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/councils/shropshire");
        await Assertions.Expect(page.Locator("#embed-heading")).ToHaveTextAsync("Embed this council");
        foreach (var (id, attribute) in new[] { ("badge-snippet", "src"), ("widget-snippet", "src") })
        {
            var code = await page.Locator($"#{id}").InnerTextAsync();
            await page.Locator($"button[data-copy={id}]").ClickAsync();
            await Assertions.Expect(page.Locator($"button[data-copy={id}]")).ToHaveTextAsync("Copied");
            Assert.Equal(code, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

            var url = System.Text.RegularExpressions.Regex.Match(code, $"{attribute}=\"([^\"]+)\"").Groups[1].Value;
            Assert.StartsWith(app.BaseUrl + "/", url);
            using var response = await app.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Shropshire", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Keyboard_users_can_skip_the_map_and_every_hexagon_names_its_council_and_grade()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var labels = await page.Locator("svg.app-hexmap a").EvaluateAllAsync<string[][]>(
            "els => els.map(a => [a.getAttribute('aria-label') ?? '', a.querySelector('title')?.textContent ?? ''])");
        Assert.Equal(153, labels.Length);
        var states = new[] { "Outstanding", "Good", "Requires improvement", "Inadequate", "Not graded", "Not inspected", "Grade not known",
                             "Not judged", "Not covered", "No report" };
        foreach (var l in labels)
            Assert.Matches("^[A-Z][^:]+: (" + string.Join("|", states) + ")", l[0]);

        // From the map's form, Tab reaches the skip link before any hexagon; following it, Tab leaves the map.
        await page.Locator("#map-form button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("Skip the map", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('svg.app-hexmap')"),
            "after skipping the map the next Tab must not land on a hexagon");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('#map-key').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"
            + " || document.querySelector('#map-key').contains(document.activeElement)"));
    }
}
