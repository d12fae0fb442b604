namespace JudgementsApi.PageTests;

/// <summary>/councils: every council in operation, filtered and sorted; the counts elsewhere link to it.</summary>
public sealed class CouncilsListPageTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    private static readonly string[] Areas = ["overall_effectiveness", "help_and_protection", "children_in_care", "care_leavers", "leadership"];

    private static Task<string[]> RowCodesAsync(IPage page) =>
        page.Locator("#councils tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");

    private async Task<List<JsonElement>> StandingsAsync(string area, string query = "") =>
        (await app.JsonAsync($"/v1/statistics/distribution?area={area}&include=councils{query}")).GetProperty("councils").EnumerateArray().ToList();

    [Fact]
    public async Task West_midlands_councils_rated_outstanding_come_from_the_filters()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Councils", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Councils");
        Assert.Equal(153, (await RowCodesAsync(page)).Length); // every council in operation today

        await page.Locator("#region").SelectOptionAsync(new SelectOptionValue { Label = "West Midlands" });
        await page.Locator("#grade").SelectOptionAsync(new SelectOptionValue { Label = "Outstanding" });
        await page.Locator("#area").SelectOptionAsync(new SelectOptionValue { Label = "Overall effectiveness" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show councils" }).ClickAsync();
        await page.WaitForURLAsync("**/councils?*grade=outstanding*");

        var expected = (await StandingsAsync("overall_effectiveness"))
            .Where(c => c.GetProperty("region").GetProperty("slug").GetString() == "west-midlands" && c.GetProperty("grade").GetString() == "outstanding")
            .Select(c => c.GetProperty("code").GetString()!).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await RowCodesAsync(page)).Order());
        Assert.Contains("E06000051", expected); // Shropshire, outstanding in 2025
    }

    [Fact]
    public async Task Inadequate_in_any_area_includes_councils_inspected_under_the_2026_framework()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils?grade=inadequate");
        var expected = new HashSet<string>();
        foreach (var area in Areas)
            expected.UnionWith((await StandingsAsync(area)).Where(c => c.GetProperty("grade").ValueKind == JsonValueKind.String
                && c.GetProperty("grade").GetString() == "inadequate").Select(c => c.GetProperty("code").GetString()!));
        Assert.Equal(expected.Order(), (await RowCodesAsync(page)).Order());
        Assert.Contains("E08000009", expected); // Trafford: inadequate for help and protection and leadership, 2026, no overall grade
        Assert.Equal("Not graded under this framework",
            await page.Locator("#councils tr[data-code=E08000009] td[data-area=overall_effectiveness]").InnerTextAsync());
    }

    [Fact]
    public async Task Columns_sort_both_ways_by_following_their_headers()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils?region=london");
        await page.Locator("#councils thead").GetByRole(AriaRole.Link, new() { Name = "Days since" }).ClickAsync();
        await page.WaitForURLAsync("**sort=days*");
        var days = await page.Locator("#councils tbody [data-count=days]").AllInnerTextsAsync();
        var numbers = days.Where(d => d.Length > 0).Select(int.Parse).ToList();
        Assert.True(numbers.Count > 20);
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal("ascending", await page.Locator("#councils thead th", new() { HasText = "Days since" }).GetAttributeAsync("aria-sort"));

        await page.Locator("#councils thead").GetByRole(AriaRole.Link, new() { Name = "Days since" }).ClickAsync();
        await page.WaitForURLAsync("**sort=-days*");
        var descending = (await page.Locator("#councils tbody [data-count=days]").AllInnerTextsAsync()).Where(d => d.Length > 0).Select(int.Parse).ToList();
        Assert.Equal(numbers.OrderDescending(), descending);
    }

    [Fact]
    public async Task Counts_on_the_home_and_statistics_pages_link_to_the_councils_behind_them()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var cell = page.Locator("#counts-help_and_protection [data-grade=inadequate] a");
        var count = int.Parse(await cell.InnerTextAsync());
        await cell.ClickAsync();
        await page.WaitForURLAsync("**/councils?*grade=inadequate*");
        Assert.Equal(count, (await RowCodesAsync(page)).Length);

        // "Not graded" says why and lists them: the 2026 framework has no overall judgement.
        await page.GotoAsync("/");
        var api = (await app.JsonAsync("/v1/statistics/distribution?area=overall_effectiveness")).GetProperty("england");
        var notGraded = api.GetProperty("notGraded").GetInt32();
        Assert.True(notGraded > 0);
        Assert.Contains("2026 framework", await page.Locator("#not-graded").InnerTextAsync());
        await page.Locator("#not-graded a").First.ClickAsync();
        await page.WaitForURLAsync("**grade=notGraded*");
        Assert.Equal(notGraded, (await RowCodesAsync(page)).Length);

        await page.GotoAsync("/statistics");
        var region = page.Locator("#region-table tr[data-code=E12000005] [data-grade=good] a"); // West Midlands
        var good = int.Parse(await region.InnerTextAsync());
        await region.ClickAsync();
        await page.WaitForURLAsync("**/councils?*region=E12000005*");
        Assert.Equal(good, (await RowCodesAsync(page)).Length);
    }

    [Fact]
    public async Task The_list_as_csv_has_the_same_councils_in_the_same_order_with_grade_and_state_apart()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils?grade=notGraded&sort=-days");
        var codes = await RowCodesAsync(page);
        Assert.NotEmpty(codes);
        using var response = await app.Http.GetAsync(await page.Locator("#councils-csv").GetAttributeAsync("href"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList(); // no council name here holds a comma
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(codes, rows.Select(r => Cell(r, "council_code")));

        // Trafford (2026 framework): no overall grade, its state says why; a grade never shares a column with a state.
        var trafford = rows.Single(r => Cell(r, "council_code") == "E08000009");
        Assert.Equal(("", "notGraded"), (Cell(trafford, "overall_effectiveness_grade"), Cell(trafford, "overall_effectiveness_status")));
        Assert.Equal(("inadequate", "graded"), (Cell(trafford, "leadership_grade"), Cell(trafford, "leadership_status")));
        foreach (var area in Areas)
            Assert.All(rows, r => Assert.DoesNotContain(Cell(r, $"{area}_grade"), new[] { "notGraded", "notInspected", "noReport", "notJudged" }));

        using var wrong = await app.Http.GetAsync("/councils.csv?grade=splendid");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("text/html", wrong.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/councils", 200)]
    [InlineData("/councils?grade=inadequate&sort=-days", 200)]
    [InlineData("/councils?asOf=1999-01-01&grade=splendid", 400)]
    public async Task The_page_is_accessible_at_desktop_and_phone_width(string path, int status) =>
        await WidthChecks.AccessibleAtBothWidthsAsync(app, path, status);
}

/// <summary>The statistics page's movements mean what /v1/statistics/movements means.</summary>
public sealed class MovementsPageTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task Inadequate_to_outstanding_since_2018_names_the_same_councils_as_the_api()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Statistics" }).ClickAsync();
        await page.Locator("#from").FillAsync("2018-01-01");
        await page.Locator("#fromGrade").SelectOptionAsync("inadequate");
        await page.Locator("#toGrade").SelectOptionAsync("outstanding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show movements" }).ClickAsync();
        await page.WaitForURLAsync("**fromGrade=inadequate*");

        var api = (await app.JsonAsync("/v1/statistics/movements?from=2018-01-01&fromGrade=inadequate&toGrade=outstanding&limit=500"))
            .GetProperty("movements").GetProperty("data").EnumerateArray().Select(m => m.GetProperty("council").GetProperty("code").GetString()!).Order().ToList();
        Assert.True(api.Count >= 2, "more than one council went from inadequate to outstanding since 2018");
        var shown = await page.Locator("#improved li[data-code]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(api, shown.Order());
        Assert.Contains($"{api.Count} improved", await page.Locator("#moves-summary").InnerTextAsync());

        using var csv = await app.Http.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "these movements as CSV" }).GetAttributeAsync("href"));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "council_code");
        Assert.Equal(api, lines.Skip(1).Select(l => l.Split(',')[column]).Order());
    }

    [Fact]
    public async Task The_statistics_page_is_accessible_at_desktop_and_phone_width_with_movements_chosen() =>
        await WidthChecks.AccessibleAtBothWidthsAsync(app, "/statistics?from=2018-01-01&fromGrade=inadequate&toGrade=outstanding");
}
