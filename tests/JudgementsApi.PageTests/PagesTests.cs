using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace JudgementsApi.PageTests;

/// <summary>Each page in a real browser: it loads, passes axe-core's WCAG 2.2 AA rules, stays small, and is photographed.</summary>
public sealed class EveryPageTests(PagesFixture app, ITestOutputHelper output) : IClassFixture<PagesFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "home", "/" },
        { "home-2018", "/?asOf=2018-06-30&area=help_and_protection" },
        { "council-shropshire", "/councils/shropshire" },
        { "council-telford-and-wrekin", "/councils/telford-and-wrekin" },
        { "council-north-northamptonshire", "/councils/north-northamptonshire" },
        { "compare", "/compare?councils=shropshire,telford-and-wrekin,herefordshire,bcp" },
        { "statistics", "/statistics" },
        { "about", "/about" },
        { "search", "/search?q=North" },
        { "error-date", "/?asOf=2001-01-01" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_is_accessible_small_and_photographed_at_desktop_and_mobile_width(string name, string path)
    {
        foreach (var (width, height, suffix) in new[] { (1280, 900, "desktop"), (375, 812, "mobile") })
        {
            var page = await app.NewPageAsync(width, height);
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(name == "error-date" ? 400 : 200, response!.Status);
            var body = await response.BodyAsync();
            // The statistics page carries each chart twice (a wide drawing and one for phones) and the movements and
            // themes tables: 300 KB before compression; every other page 150 KB.
            var limit = name == "statistics" ? 300 : 150;
            Assert.True(body.Length < limit * 1024, $"{path} is {body.Length} bytes of HTML+SVG; the limit is {limit} KB.");
            Assert.Equal("text/html; charset=utf-8", response.Headers["content-type"]);

            var violations = await PageChecks.AxeViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path} at {width}px:\n" + string.Join("\n", violations));

            // Nothing wider than the screen except inside the scrolling table and chart boxes.
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways at {width}px.");

            var shot = await PageChecks.ScreenshotAsync(page, $"{name}-{suffix}");
            output.WriteLine($"Screenshot: {shot}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Pages_are_cached_like_the_api_and_answer_304_to_their_etag()
    {
        using var first = await app.Http.GetAsync("/councils/shropshire");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/councils/shropshire");
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task An_unknown_council_is_a_404_page()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/councils/no-such-council");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
    }
}

/// <summary>The home page: the map, the date control, the counts and the search.</summary>
public sealed class HomePageTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    private static async Task<Dictionary<string, string>> HexesAsync(IPage page) =>
        (await page.Locator("svg.app-hexmap a").EvaluateAllAsync<string[][]>("els => els.map(a => [a.dataset.code, a.getAttribute('href')])"))
        .ToDictionary(x => x[0], x => x[1]);

    [Fact]
    public async Task The_map_has_a_hex_for_every_current_council_linking_to_its_page()
    {
        var councils = await app.JsonAsync("/v1/councils?limit=500");
        var expected = councils.GetProperty("data").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => "/councils/" + c.GetProperty("slug").GetString());
        Assert.Equal(153, expected.Count);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var hexes = await HexesAsync(page);
        Assert.Equal(expected.OrderBy(e => e.Key), hexes.OrderBy(h => h.Key));

        await page.Locator("svg.app-hexmap a[data-code=E06000020]").ClickAsync(); // Telford and Wrekin
        await page.WaitForURLAsync("**/councils/telford-and-wrekin");
        Assert.Equal("Telford and Wrekin", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Counts_and_map_colours_equal_the_api()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var area in new[] { "overall_effectiveness", "help_and_protection", "children_in_care", "care_leavers", "leadership" })
        {
            var api = (await app.JsonAsync($"/v1/statistics/distribution?area={area}")).GetProperty("england");
            var row = page.Locator($"#counts-{area}");
            Assert.Equal(api.GetProperty("judged").GetInt32().ToString(), await row.Locator("[data-count=judged]").InnerTextAsync());
            Assert.Equal(api.GetProperty("notInspected").GetInt32().ToString(), await row.Locator("[data-count=notInspected]").InnerTextAsync());
            foreach (var grade in api.GetProperty("counts").EnumerateObject())
            {
                var cell = row.Locator($"[data-grade={grade.Name}]");
                if (await cell.CountAsync() == 0) { Assert.Equal(0, grade.Value.GetInt32()); continue; } // a column of zeros is not shown
                var percent = api.GetProperty("percentages").GetProperty(grade.Name).GetDecimal();
                Assert.Equal($"{grade.Value.GetInt32()} ({percent:0.0}%)", await cell.InnerTextAsync());
            }
        }

        // Each hex names the grade the API gives that council.
        var standings = (await app.JsonAsync("/v1/statistics/distribution?include=councils")).GetProperty("councils");
        var labels = (await page.Locator("svg.app-hexmap a").EvaluateAllAsync<string[][]>("els => els.map(a => [a.dataset.code, a.getAttribute('aria-label')])"))
            .ToDictionary(x => x[0], x => x[1]);
        foreach (var c in standings.EnumerateArray())
        {
            var label = labels[c.GetProperty("code").GetString()!];
            var expected = c.GetProperty("status").GetString() switch
            {
                "graded" => Regex.Replace(c.GetProperty("grade").GetString()!.Replace('_', ' '), "^.", m => m.Value.ToUpperInvariant()),
                "notGraded" => "Not graded under this framework",
                "notInspected" => "Not inspected yet",
                "noReport" => "No report in this dataset",
                _ => "Grade not known",
            };
            Assert.StartsWith($"{c.GetProperty("name").GetString()}: {expected}", label);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_date_control_redraws_the_map_as_at_that_date(bool javaScript)
    {
        var page = await app.NewPageAsync(javaScript: javaScript);
        await page.GotoAsync("/");
        await page.Locator("#asOf").FillAsync("2018-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the map" }).ClickAsync();
        await page.WaitForURLAsync("**/?asOf=2018-06-30*");
        await Assertions.Expect(page.Locator("#map-heading")).ToContainTextAsync("30 June 2018");

        var hexes = await HexesAsync(page);
        var api = await app.JsonAsync("/v1/statistics/distribution?asOf=2018-06-30&include=councils");
        var inOperation = api.GetProperty("councils").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).Order().ToList();
        Assert.Equal(inOperation, hexes.Keys.Order().ToList());
        Assert.Contains("E10000021", hexes.Keys);      // Northamptonshire, before its split
        Assert.Contains("E06000028", hexes.Keys);      // Bournemouth, before BCP
        Assert.DoesNotContain("E06000061", hexes.Keys); // North Northamptonshire did not exist yet
        Assert.Equal(api.GetProperty("england").GetProperty("judged").GetInt32().ToString(),
            await page.Locator("#counts-overall_effectiveness [data-count=judged]").InnerTextAsync());
    }

    [Theory]
    [InlineData("2013-01-01")]
    [InlineData("2019-03-31")] // the last day of Bournemouth, Poole and Dorset County Council
    [InlineData("2019-04-01")] // BCP and Dorset take their hexes
    [InlineData("2021-03-31")]
    [InlineData("2021-04-01")] // Northamptonshire split in two
    [InlineData("2023-03-31")]
    [InlineData("2023-04-01")] // Cumbria split in two
    public async Task On_any_day_each_council_in_operation_has_its_own_hex(string day)
    {
        var html = await app.Http.GetStringAsync($"/?asOf={day}");
        var hexes = Regex.Matches(html, "data-code=\"(\\w+)\"><path d=\"([^\"]+)\"").Select(m => (Code: m.Groups[1].Value, Shape: m.Groups[2].Value)).ToList();
        var api = (await app.JsonAsync($"/v1/statistics/distribution?asOf={day}&include=councils")).GetProperty("councils");
        Assert.Equal(api.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).Order(), hexes.Select(h => h.Code).Order());
        Assert.Equal(hexes.Count, hexes.Select(h => h.Shape).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CouncilNameExamples.NamesPeopleUse), MemberType = typeof(CouncilNameExamples))]
    [InlineData("E06000051", "shropshire")]
    public async Task The_search_box_finds_a_council_by_the_names_people_type(string typed, string slug)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        // The page's scripts settle first (a busy machine once lost the submission to them), then
        // the search is submitted as a person does, and the browser follows the redirect.
        // (site.js marks the body when it has run: a wait for network idle timed out on a loaded machine.)
        await page.WaitForFunctionAsync("() => document.body.classList.contains('govuk-frontend-supported')");
        await page.Locator("#q").FillAsync(typed);
        await page.RunAndWaitForNavigationAsync(() => page.Locator("#q").PressAsync("Enter"),
            new() { UrlString = $"**/councils/{slug}" });
        var council = await app.JsonAsync($"/v1/councils/{slug}");
        Assert.Equal(council.GetProperty("name").GetString(), await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_search_with_several_matches_lists_them()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search?q=north");
        var names = await page.Locator("#results a").AllInnerTextsAsync();
        Assert.Contains("North Yorkshire", names);
        Assert.Contains("North Northamptonshire", names);
    }

    [Fact]
    public async Task Navigation_reaches_every_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var (link, heading) in new[] { ("Statistics", "Statistics: Overall effectiveness"), ("Compare", "Compare councils"), ("About the data", "About the data"), ("Map", "How are councils' children's services rated?") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        }
    }
}

/// <summary>Council pages tell each council's whole story, as the API holds it.</summary>
public sealed class CouncilPageTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    private static async Task<List<(string Kind, string Id, string Text)>> TimelineAsync(IPage page) =>
        (await page.Locator("#timeline > li").EvaluateAllAsync<string[][]>("els => els.map(e => [e.dataset.kind, e.dataset.id, e.innerText])"))
        .Select(x => (x[0], x[1], x[2])).ToList();

    [Fact]
    public async Task Shropshire_tells_its_story_from_adequate_to_outstanding()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/shropshire");
        var timeline = await TimelineAsync(page);
        string Grade(string id, string area) => page.Locator($"#timeline li[data-id='{id}'] li[data-area={area}] .app-grade").InnerTextAsync().Result;

        var story = timeline.Select(t => t.Id).ToList();
        Assert.Equal(["shropshire-2012-11-01", "shropshire-2017-11-24", "shropshire-2019-09-27-fv", "shropshire-2022-03-25",
                      "shropshire-2024-01-12-fv", "shropshire-2024-08-30-fv", "shropshire-2025-08-12"], story);
        Assert.Equal("Adequate", Grade("shropshire-2012-11-01", "overall_effectiveness"));
        Assert.StartsWith("November 2012", timeline[0].Text);
        Assert.Equal("Good", Grade("shropshire-2017-11-24", "overall_effectiveness"));
        Assert.Equal("Good", Grade("shropshire-2022-03-25", "overall_effectiveness"));
        Assert.Equal("Requires improvement", Grade("shropshire-2022-03-25", "help_and_protection"));
        var priority = timeline.Single(t => t.Id == "shropshire-2024-01-12-fv").Text;
        Assert.StartsWith("23 November 2023: Focused visit", priority);
        Assert.Contains("Letter published 12 January 2024", priority);
        Assert.Contains("Areas for priority action", priority);
        var july = timeline.Single(t => t.Id == "shropshire-2024-08-30-fv").Text;
        Assert.StartsWith("30 July 2024: Focused visit", july);
        Assert.Contains("No areas for priority action", july);
        Assert.Equal("Outstanding", Grade("shropshire-2025-08-12", "overall_effectiveness"));
        Assert.Equal("Outstanding", await page.Locator("#latest [data-area=overall_effectiveness] .app-grade").InnerTextAsync());
    }

    [Theory]
    [InlineData("shropshire")]
    [InlineData("telford-and-wrekin")]
    [InlineData("north-northamptonshire")]
    public async Task The_timeline_holds_every_inspection_and_focused_visit_with_the_apis_grades(string slug)
    {
        var inspections = (await app.JsonAsync($"/v1/councils/{slug}/inspections?includePredecessors=true&limit=500")).GetProperty("data");
        var council = await app.JsonAsync($"/v1/councils/{slug}");
        var visitIds = new List<string>();
        foreach (var code in new[] { council.GetProperty("code").GetString()! }.Concat(council.GetProperty("predecessors").EnumerateArray().Select(p => p.GetProperty("code").GetString()!)))
            visitIds.AddRange((await app.JsonAsync($"/v1/councils/{code}/focused-visits?limit=500")).GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/councils/{slug}");
        var timeline = await TimelineAsync(page);
        Assert.Equal(inspections.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order(),
            timeline.Where(t => t.Kind == "inspection").Select(t => t.Id).Order());
        Assert.Equal(visitIds.Order(), timeline.Where(t => t.Kind == "focused-visit").Select(t => t.Id).Order());

        foreach (var i in inspections.EnumerateArray())
            foreach (var g in i.GetProperty("grades").EnumerateObject())
            {
                var shown = await page.Locator($"#timeline li[data-id='{i.GetProperty("id").GetString()}'] li[data-area={g.Name}] .app-grade").InnerTextAsync();
                Assert.Equal(g.Value.ValueKind == JsonValueKind.Null ? "Grade not known" : Label(g.Value.GetString()!), shown);
            }
        foreach (var p in council.GetProperty("predecessors").EnumerateArray())
            Assert.Contains($"replacing {p.GetProperty("name").GetString()}", await page.Locator("main").InnerTextAsync());
    }

    private static string Label(string code) => code switch
    {
        "requires_improvement" => "Requires improvement",
        _ => char.ToUpperInvariant(code[0]) + code[1..],
    };

    [Fact]
    public async Task Neighbours_links_and_the_compare_link_work()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/shropshire");
        var api = (await app.JsonAsync("/v1/councils/shropshire/neighbours")).GetProperty("data");
        var rows = await page.Locator("#neighbours tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(api.EnumerateArray().Select(n => n.GetProperty("council").GetProperty("code").GetString()!), rows);
        Assert.Equal("/embed/councils/shropshire", await page.GetByRole(AriaRole.Link, new() { Name = "widget", Exact = true }).GetAttributeAsync("href"));
        Assert.Equal("/v1/councils/shropshire/badge.svg", await page.GetByRole(AriaRole.Link, new() { Name = "badge", Exact = true }).GetAttributeAsync("href"));

        using var csv = await app.Http.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "inspections (CSV)" }).GetAttributeAsync("href"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare them with their previous grades" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?councils=shropshire,*");
        Assert.Equal(api.GetArrayLength(), await page.Locator("#comparison tbody tr").CountAsync());
    }
}

/// <summary>Compare and statistics: the API's numbers, shareable, downloadable.</summary>
public sealed class CompareAndStatisticsTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task Compare_shows_latest_and_previous_grades_for_the_councils_in_the_url()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compare");
        await page.Locator("#councils").FillAsync("Shropshire, Telford & Wrekin, BCP");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?councils=*");

        var codes = await page.Locator("#comparison tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(["E06000051", "E06000020", "E06000058"], codes);
        var api = (await app.JsonAsync("/v1/councils?codes=E06000051,E06000020,E06000058")).GetProperty("data");
        foreach (var c in api.EnumerateArray())
        {
            var code = c.GetProperty("code").GetString();
            var grades = c.GetProperty("latest").GetProperty("grades");
            foreach (var g in grades.EnumerateObject().Where(g => g.Value.ValueKind == JsonValueKind.String && g.Name is "overall_effectiveness" or "help_and_protection"))
                Assert.Equal(g.Value.GetString()!.Replace('_', ' '),
                    (await page.Locator($"#comparison tr[data-code={code}] td[data-area={g.Name}] [data-when=latest]").InnerTextAsync()).ToLowerInvariant());
        }
        // Shropshire's previous full inspection (2022) was good overall, requires improvement for help and protection.
        Assert.Equal("was good", await page.Locator("#comparison tr[data-code=E06000051] td[data-area=overall_effectiveness] [data-when=previous]").InnerTextAsync());
        Assert.Equal("was requires improvement", await page.Locator("#comparison tr[data-code=E06000051] td[data-area=help_and_protection] [data-when=previous]").InnerTextAsync());

        var tooMany = await page.GotoAsync("/compare?councils=" + string.Join(",", Enumerable.Range(0, 13).Select(i => "council" + i)));
        Assert.Equal(400, tooMany!.Status);
        Assert.Contains("at most 12", await page.Locator(".govuk-error-summary").InnerTextAsync());
    }

    [Fact]
    public async Task Statistics_tables_equal_the_api_and_charts_download_as_svg_and_png()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/statistics");

        var timeline = await app.JsonAsync("/v1/statistics/timeline?from=2014-01-01&interval=quarter");
        var points = timeline.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count, await page.Locator("#timeline-table tbody tr").CountAsync());
        foreach (var p in new[] { points[0], points[points.Count / 2], points[^1] })
        {
            var asOf = p.GetProperty("asOf").GetString();
            var good = p.GetProperty("england").GetProperty("counts").GetProperty("good").GetInt32();
            Assert.StartsWith($"{good} (", await page.Locator($"#timeline-table tr[data-as-of='{asOf}'] [data-grade=good]").TextContentAsync());
        }

        var regions = await app.JsonAsync("/v1/statistics/distribution?groupBy=region");
        foreach (var g in regions.GetProperty("groups").EnumerateArray())
            Assert.StartsWith($"{g.GetProperty("counts").GetProperty("inadequate").GetInt32()} (",
                await page.Locator($"#region-table tr[data-code={g.GetProperty("code").GetString()}] [data-grade=inadequate]").InnerTextAsync());

        foreach (var link in new[] { "SVG", "PNG" })
        {
            var hrefs = await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            Assert.Equal(2, hrefs.Length);
            foreach (var href in hrefs)
            {
                using var response = await app.Http.GetAsync(href);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (link == "SVG")
                {
                    Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
                    Assert.Contains("<title", System.Text.Encoding.UTF8.GetString(bytes));
                }
                else
                {
                    Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
                    Assert.Equal(new byte[] { 0x89, 0x50, 0x4e, 0x47 }, bytes[..4]);
                    await AssertChartPngAsync(href, bytes);
                    await File.WriteAllBytesAsync(Path.Combine(PagesFixture.ScreenshotFolder, $"chart-{href.Split('/')[2].Split('.')[0]}.png"), bytes);
                }
            }
        }

        // Movements between two dates, as /v1/statistics/movements counts them (grade as at one date against the other).
        await page.Locator("#from").FillAsync("2023-01-01");
        await page.Locator("#to").FillAsync("2024-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show movements" }).ClickAsync();
        await page.WaitForURLAsync("**from=2023-01-01*");
        var improved = (await app.JsonAsync("/v1/statistics/movements?from=2023-01-01&to=2024-12-31&direction=up&limit=500")).GetProperty("movements").GetProperty("data").GetArrayLength();
        Assert.Equal(improved, await page.Locator("#improved li a").CountAsync());
        Assert.Contains($"{improved} improved", await page.Locator("#moves-summary").InnerTextAsync());
    }

    /// <summary>
    /// The PNG decodes, is the SVG drawn at twice its size, and has ink in its title band (top), its plot and
    /// its source line (bottom), so the title, the chart and the source and date were drawn, not left blank.
    /// </summary>
    private async Task AssertChartPngAsync(string href, byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var svg = await app.Http.GetStringAsync(href.Replace(".png", ".svg"));
        var box = Regex.Match(svg, "viewBox=\"0 0 ([\\d.]+) ([\\d.]+)\"");
        Assert.Equal((int)Math.Ceiling(2 * double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture)), bitmap.Width);
        Assert.Equal((int)Math.Ceiling(2 * double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture)), bitmap.Height);
        Assert.Matches("Source: Ofsted inspection reports, via JudgementsApi. Data to \\d{1,2} [A-Z][a-z]+ 20\\d\\d\\.", svg); // source and date
        int Ink(int fromRow, int toRow)
        {
            var n = 0;
            for (var y = fromRow; y < toRow; y++)
                for (var x = 0; x < bitmap.Width; x++)
                    if (bitmap.GetPixel(x, y).Red < 128) n++;
            return n;
        }
        Assert.True(Ink(0, 50) > 200, $"{href}: no title drawn");
        Assert.True(Ink(bitmap.Height - 36, bitmap.Height) > 200, $"{href}: no source line drawn");
        Assert.True(Ink(60, bitmap.Height - 60) > 5000, $"{href}: no chart drawn");
    }

    [Fact]
    public async Task About_shows_the_datasets_version_and_newest_report()
    {
        var dataset = await app.JsonAsync("/v1/dataset");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/about");
        Assert.Contains(dataset.GetProperty("version").GetString()![..16], await page.Locator("#dataset").InnerTextAsync());
        Assert.Contains("Open Government Licence v3.0", await page.Locator("main").InnerTextAsync());
    }
}
