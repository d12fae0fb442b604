namespace JudgementsApi.PageTests;

/// <summary>
/// A council's page as a journalist cites it: each inspection's framework in words, the source of a grade known without its
/// report, Ofsted's page and every letter linked, what Ofsted said needs to improve, and the themes that recur.
/// </summary>
public sealed class CouncilStoryTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Fact]
    public async Task Each_inspection_names_its_framework_and_lists_what_ofsted_said_needs_to_improve()
    {
        // Framework version → the words the page must use: the framework's name, and the version's where it has several.
        var versions = (await app.JsonAsync("/v1/frameworks")).GetProperty("data").EnumerateArray()
            .SelectMany(f => f.GetProperty("versions").EnumerateArray().Select(v => (Slug: v.GetProperty("slug").GetString()!,
                Words: new[] { f.GetProperty("name").GetString()!, f.GetProperty("versions").GetArrayLength() > 1 ? v.GetProperty("name").GetString()! : "" })))
            .ToDictionary(v => v.Slug, v => v.Words);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/shropshire");
        var inspections = (await app.JsonAsync("/v1/councils/shropshire/inspections?limit=500")).GetProperty("data").EnumerateArray().ToList();
        var listed = 0;
        foreach (var i in inspections)
        {
            var id = i.GetProperty("id").GetString()!;
            var item = page.Locator($"#timeline li[data-id='{id}']");
            var framework = await item.Locator(".app-framework").InnerTextAsync();
            foreach (var words in versions[i.GetProperty("frameworkVersion").GetString()!]) Assert.Contains(words, framework);
            Assert.DoesNotContain(i.GetProperty("frameworkVersion").GetString()!, framework); // words, not the slug

            var points = (await app.JsonAsync($"/v1/inspections/{id}/improvements")).GetProperty("points").EnumerateArray().ToList();
            var shown = item.Locator(".app-improvements > li");
            Assert.Equal(points.Count, await shown.CountAsync());
            if (points.Count == 0) continue;
            listed++;
            Assert.Equal("What Ofsted said needs to improve", await item.Locator("h4").InnerTextAsync());
            Assert.Equal(points[0].GetProperty("theme").GetString(), await shown.First.GetAttributeAsync("data-theme"));
            Assert.Contains(points[0].GetProperty("text").GetString()!.Split('\n')[0], await shown.First.InnerTextAsync());
        }
        Assert.True(listed >= 2, "Shropshire's ILACS reports list what needs to improve.");
    }

    [Fact]
    public async Task Themes_named_in_reports_of_more_than_one_year_are_listed_with_their_years()
    {
        var points = (await app.JsonAsync("/v1/improvements?council=shropshire&limit=500")).GetProperty("data").EnumerateArray().ToList();
        var expected = points.Where(p => p.GetProperty("theme").GetString() != "other")
            .GroupBy(p => p.GetProperty("theme").GetString()!)
            .Select(g => (Theme: g.Key, Years: g.Select(p => p.GetProperty("published").GetString()![..4]).Distinct().Order().ToList()))
            .Where(t => t.Years.Count > 1).ToDictionary(t => t.Theme, t => string.Join(", ", t.Years));
        Assert.NotEmpty(expected);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/shropshire");
        var shown = await page.Locator("#recurring li").EvaluateAllAsync<string[][]>("els => els.map(e => [e.dataset.theme, e.innerText])");
        Assert.Equal(expected.Keys.Order(), shown.Select(s => s[0]).Order());
        foreach (var s in shown) Assert.EndsWith(": " + expected[s[0]], s[1].Trim());
    }

    [Fact]
    public async Task Grades_known_without_their_report_show_their_source_in_words_and_a_link()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/north-northamptonshire");
        var cited = page.Locator("#timeline li[data-id='northamptonshire-2019']");
        Assert.Equal("2019: Inspection known from a later report", await cited.Locator("h3").InnerTextAsync());
        var source = cited.Locator(".app-source");
        Assert.Contains("Known only from a later report that cites it: Ofsted's report on North Northamptonshire", await source.InnerTextAsync());
        Assert.Contains("judged inadequate in 2019", await source.InnerTextAsync());
        var citing = (await app.JsonAsync("/v1/councils/north-northamptonshire/inspections?limit=500")).GetProperty("data").EnumerateArray()
            .Select(i => i.GetProperty("reportUrl").GetString()).ToList();
        Assert.Contains(await source.Locator("a").GetAttributeAsync("href"), citing);
        Assert.DoesNotContain("1 January 2019", await page.Locator("#timeline").InnerTextAsync());

        await page.GotoAsync("/councils/shropshire");
        var news = page.Locator("#timeline li[data-id='shropshire-2012-11-01'] .app-source");
        Assert.Contains("Shropshire Council press release, 24 November 2017", await news.InnerTextAsync());
        Assert.Contains("adequate", await news.InnerTextAsync());
        using var record = await app.Http.GetAsync(await news.Locator("a").GetAttributeAsync("href"));
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
    }

    [Fact]
    public async Task Ofsteds_page_and_every_focused_visit_letter_are_linked()
    {
        var council = await app.JsonAsync("/v1/councils/telford-and-wrekin");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/councils/telford-and-wrekin");
        Assert.Equal(council.GetProperty("ofstedPageUrl").GetString(), await page.Locator("#ofsted-page a").GetAttributeAsync("href"));

        var visits = (await app.JsonAsync("/v1/councils/telford-and-wrekin/focused-visits?limit=500")).GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(visits);
        foreach (var v in visits)
        {
            var letter = v.GetProperty("reportUrl").GetString() ?? v.GetProperty("link").GetString();
            var link = page.Locator($"#timeline li[data-id='{v.GetProperty("id").GetString()}'] a[href='{letter}']");
            Assert.Equal(1, await link.CountAsync());
        }
    }
}
