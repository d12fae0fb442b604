namespace JudgementsApi.PageTests;

/// <summary>At a desktop's and a phone's width every table cell can be seen and every chart shows all it draws; axe finds nothing.</summary>
public sealed class NothingClippedTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    public static TheoryData<string, int> PagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "/", "/councils/shropshire", "/compare?councils=shropshire,telford-and-wrekin,herefordshire,bcp", "/statistics" })
            foreach (var width in new[] { 1280, 390 })
                data.Add(path, width);
        return data;
    }

    /// <summary>
    /// Every cell of every table (details opened): inside the screen, or inside a box that scrolls sideways; a box that
    /// scrolls keeps its first column (sticky) and says so above it.
    /// </summary>
    private const string ClippedCells = """
        () => {
          document.querySelectorAll('details').forEach(d => d.open = true);
          const problems = [];
          for (const cell of document.querySelectorAll('table th, table td')) {
            const r = cell.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const name = cell.closest('table').id + ': ' + cell.innerText.slice(0, 30);
            let box = cell.parentElement;
            while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
            if (!box) {
              if (r.left < -1 || r.right > window.innerWidth + 1) problems.push('off screen, no scroll box: ' + name);
              continue;
            }
            const b = box.getBoundingClientRect();
            const scrolls = box.scrollWidth > box.clientWidth + 1;
            if (!scrolls && (r.left < b.left - 1 || r.right > b.right + 1)) problems.push('clipped: ' + name);
            if (b.right > window.innerWidth + 1) problems.push('scroll box wider than the screen: ' + name);
            if (scrolls && cell === cell.parentElement.firstElementChild && getComputedStyle(cell).position !== 'sticky')
              problems.push('first column not sticky: ' + name);
            if (scrolls && !(box.previousElementSibling?.classList.contains('app-scroll-hint') && !box.previousElementSibling.hidden))
              problems.push('no cue that the table scrolls: ' + name);
          }
          return [...new Set(problems)];
        }
        """;

    [Theory]
    [MemberData(nameof(PagesAndWidths))]
    public async Task No_table_cell_is_clipped(string path, int width)
    {
        var page = await app.NewPageAsync(width, 900);
        await page.GotoAsync(path);
        Assert.True(await page.Locator("table").CountAsync() > 0);
        // The cue is added by the page's script when a box overflows: wait for it to have run.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.app-table-scroll')].every(b => b.scrollWidth <= b.clientWidth + 1 " +
                                        "|| b.previousElementSibling?.classList.contains('app-scroll-hint'))");
        var problems = await page.EvaluateAsync<string[]>(ClippedCells);
        Assert.True(problems.Length == 0, $"{path} at {width}px:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task On_a_phone_the_trend_chart_shows_every_year_and_the_region_bars_every_grade()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/statistics");
        var timeline = await app.JsonAsync("/v1/statistics/timeline?from=2014-01-01&interval=quarter");
        var years = timeline.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("asOf").GetString()![2..4]).Distinct()
            .Select(y => "'" + y).ToList();

        // The charts shown are the narrow drawings, and each fits the screen (no sideways scrolling).
        var shown = page.Locator(".app-chart-box:visible svg");
        Assert.Equal(2, await shown.CountAsync());
        foreach (var svg in await shown.AllAsync())
            Assert.True(await svg.EvaluateAsync<bool>("s => s.getBoundingClientRect().right <= window.innerWidth"), "a chart is wider than the phone");
        var labels = await shown.Nth(0).Locator("text").AllTextContentsAsync();
        Assert.Equal(years, labels.Where(l => l.StartsWith('\'')).ToList());

        // Every grade of the region table has its key inside the drawing.
        var labels5 = new[] { "Outstanding", "Good", "Requires improvement", "Adequate", "Inadequate" };
        var grades = (await page.Locator("#region-table thead th").AllTextContentsAsync()).Select(t => t.Trim()).Where(labels5.Contains).ToList();
        var legend = await shown.Nth(1).EvaluateAsync<string[]>(
            "s => [...s.querySelectorAll('text')].filter(t => t.getBBox().x + t.getBBox().width <= s.viewBox.baseVal.width).map(t => t.textContent)");
        Assert.NotEmpty(grades);
        foreach (var g in grades) Assert.Contains(g.Trim(), legend);
    }

    public static TheoryData<string, int> EveryPageType()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { "/", "/?asOf=2013-06-30", "/councils/shropshire", "/councils/north-northamptonshire",
                     "/compare?councils=shropshire,telford-and-wrekin,herefordshire,bcp", "/compare", "/statistics", "/about",
                     "/search?q=North", "/?asOf=2001-01-01", "/councils/no-such-council", "/embed/councils/shropshire",
                     "/focused-visits", "/councils?grade=inadequate" })
            foreach (var width in new[] { 1280, 390 })
                data.Add(path, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPageType))]
    public async Task Axe_finds_no_violation_of_any_rule_or_impact(string path, int width)
    {
        var page = await app.NewPageAsync(width, 900);
        await page.GotoAsync(path);
        await page.EvaluateAsync(PagesFixture.AxeSource);
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}): ${n.target.join(' ')}`))");
        Assert.True(violations.Length == 0, $"{path} at {width}px:\n" + string.Join("\n", violations));
    }
}
