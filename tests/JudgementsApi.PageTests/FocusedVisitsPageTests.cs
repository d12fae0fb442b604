namespace JudgementsApi.PageTests;

/// <summary>Checks the journalist pages share: axe at desktop and phone width, and nothing wider than the screen.</summary>
public static class WidthChecks
{
    public static async Task AccessibleAtBothWidthsAsync(PagesFixture app, string path, int status = 200)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await app.NewPageAsync(width, 900);
            var response = await page.GotoAsync(path);
            Assert.Equal(status, response!.Status);
            var violations = await PageChecks.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path} at {width}px:\n" + string.Join("\n", violations));
            var landmarks = await LandmarkViolationsAsync(page);
            Assert.True(landmarks.Count == 0, $"{path} at {width}px:\n" + string.Join("\n", landmarks));
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways at {width}px.");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>axe-core's landmark rules beyond WCAG's tags (landmark-unique is "moderate"): each landmark has its own name.</summary>
    public static async Task<List<string>> LandmarkViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique', " +
            "'landmark-one-main', 'landmark-no-duplicate-main', 'page-has-heading-one', 'heading-order', 'empty-table-header'] } }); " +
            "return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return json.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>The first field of each data line of a CSV whose first column holds no commas or quotes (ids, codes).</summary>
    public static List<string> FirstColumn(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
}

/// <summary>/focused-visits: every visit, findable by date, place, focus and outcome, citable, as CSV.</summary>
public sealed class FocusedVisitsPageTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    private static Task<string[]> RowIdsAsync(IPage page) =>
        page.Locator("#visits tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)");

    [Fact]
    public async Task Councils_given_areas_for_priority_action_in_a_2024_letter_are_two_clicks_from_home()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "every letter that named areas for priority action" }).ClickAsync(); // 1
        await page.WaitForURLAsync("**/focused-visits?priority=new");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Letter year" }).GetByRole(AriaRole.Link, new() { Name = "2024" }).ClickAsync(); // 2
        await page.WaitForURLAsync("**/focused-visits?*from=2024-01-01*");

        var api = (await app.JsonAsync("/v1/focused-visits?priorityAction=true&from=2024-01-01&to=2024-12-31&limit=500"))
            .GetProperty("data").EnumerateArray()
            .Where(v => v.GetProperty("priorityActions").GetProperty("kind").GetString() is "new" or "new_and_carried_over").ToList();
        Assert.NotEmpty(api);
        Assert.Equal(api.Select(v => v.GetProperty("id").GetString()!), await RowIdsAsync(page));
        var names = await page.Locator("#visits tbody th a").AllInnerTextsAsync();
        Assert.Equal(api.Select(v => v.GetProperty("council").GetProperty("name").GetString()!), names);

        // Each row quotes the letter's areas and links the letter (or Ofsted's page for the council).
        foreach (var v in api)
        {
            var row = page.Locator($"#visits tr[data-id='{v.GetProperty("id").GetString()}']");
            var text = await row.InnerTextAsync();
            foreach (var area in v.GetProperty("priorityActions").GetProperty("areas").EnumerateArray())
                Assert.Contains(area.GetProperty("text").GetString()!, text);
            Assert.Equal(v.GetProperty("link").GetString(), await row.Locator("td a").First.GetAttributeAsync("href"));
            Assert.Contains(v.GetProperty("focus").GetString()!, text);
        }
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_the_csv_holds_the_same_visits()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/focused-visits");
        var all = (await app.JsonAsync("/v1/focused-visits?limit=500")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(all.Select(v => v.GetProperty("id").GetString()!), await RowIdsAsync(page)); // every visit, newest first

        await page.Locator("#region").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands" });
        await page.Locator("#focus").SelectOptionAsync("care leavers");
        await page.Locator("#from").FillAsync("2019-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show visits" }).ClickAsync();
        await page.WaitForURLAsync("**/focused-visits?*region=west-midlands*");

        var expected = (await app.JsonAsync("/v1/focused-visits?region=west-midlands&from=2019-01-01&limit=500")).GetProperty("data")
            .EnumerateArray().Where(v => v.GetProperty("focus").GetString() == "care leavers").Select(v => v.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await RowIdsAsync(page));

        var csvHref = await page.GetByRole(AriaRole.Link, new() { Name = "these visits as CSV" }).GetAttributeAsync("href");
        using var csv = await app.Http.GetAsync(csvHref);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());
        var body = await csv.Content.ReadAsStringAsync();
        Assert.Equal(expected, WidthChecks.FirstColumn(body));
        using var apiCsv = await app.Http.GetAsync("/v1/focused-visits?region=west-midlands&format=csv");
        Assert.Equal((await apiCsv.Content.ReadAsStringAsync()).Split("\r\n")[0], body.Split("\r\n")[0]); // the API's columns
    }

    [Fact]
    public async Task A_council_page_links_its_visits_and_a_misspelt_council_is_answered_with_a_suggestion()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/shropshire");
        await page.GetByRole(AriaRole.Link, new() { Name = "Shropshire's focused visits as a list" }).ClickAsync();
        await page.WaitForURLAsync("**/focused-visits?council=shropshire");
        var api = (await app.JsonAsync("/v1/councils/shropshire/focused-visits?limit=500")).GetProperty("data");
        Assert.Equal(api.EnumerateArray().Select(v => v.GetProperty("id").GetString()!), await RowIdsAsync(page));

        var response = await page.GotoAsync("/focused-visits?council=Shrophire");
        Assert.Equal(400, response!.Status);
        Assert.Contains("did you mean Shropshire", await page.Locator(".govuk-error-summary").InnerTextAsync());
    }

    [Theory]
    [InlineData("/focused-visits", 200)]
    [InlineData("/focused-visits?priority=new&from=2024-01-01&to=2024-12-31", 200)]
    [InlineData("/focused-visits?from=yesterday&council=Nowhere", 400)]
    public async Task The_page_is_accessible_at_desktop_and_phone_width(string path, int status) =>
        await WidthChecks.AccessibleAtBothWidthsAsync(app, path, status);
}
