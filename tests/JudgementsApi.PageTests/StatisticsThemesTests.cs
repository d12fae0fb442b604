namespace JudgementsApi.PageTests;

/// <summary>"What Ofsted asks councils to improve" on the statistics page: the API's counts, each linked to its points.</summary>
public sealed class StatisticsThemesTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task Themes_by_year_equal_the_api_and_each_count_links_to_its_points()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/statistics");
        var api = (await app.JsonAsync("/v1/statistics/improvement-themes?groupBy=year")).GetProperty("groups").EnumerateArray().ToList();
        Assert.True(api.Count >= 10);
        var cells = 0;
        foreach (var group in api)
        {
            var year = group.GetProperty("key").GetString();
            Assert.Equal(group.GetProperty("points").GetInt32().ToString(),
                await page.Locator($"#themes-table tr[data-theme=all] td >> nth={api.IndexOf(group)}").InnerTextAsync());
            foreach (var theme in group.GetProperty("themes").EnumerateArray())
            {
                var cell = page.Locator($"#themes-table tr[data-theme={theme.GetProperty("theme").GetString()}] td[data-year='{year}']");
                Assert.Equal(theme.GetProperty("pointCount").GetInt32().ToString(), await cell.InnerTextAsync());
                cells++;
            }
        }
        Assert.True(cells > 50);
    }

    [Fact]
    public async Task A_region_narrows_the_counts_and_a_count_opens_exactly_its_points()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/statistics");
        await page.Locator("#themeRegion").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show themes" }).ClickAsync();
        await page.WaitForURLAsync("**themeRegion=west-midlands*");
        Assert.Contains("West Midlands", await page.Locator("#themes-table caption").InnerTextAsync());

        var links = page.Locator("#themes-table tbody td a");
        Assert.True(await links.CountAsync() > 10);
        foreach (var i in new[] { 0, 5, 10 })
        {
            var link = links.Nth(i);
            var count = int.Parse(await link.InnerTextAsync());
            var href = (await link.GetAttributeAsync("href"))!;
            Assert.Contains("region=west-midlands", href);
            Assert.EndsWith("&format=csv", href);
            var json = await app.JsonAsync(href.Replace("&format=csv", "") + "&limit=1");
            Assert.Equal(count, json.GetProperty("meta").GetProperty("total").GetInt32());
            using var csv = await app.Http.GetAsync(href);
            Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        }
    }
}
