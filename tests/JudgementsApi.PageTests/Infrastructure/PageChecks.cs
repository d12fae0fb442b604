namespace JudgementsApi.PageTests.Infrastructure;

public static class PageChecks
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA: axe-core's rules for those tags.</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>Runs axe-core on the page as it is now; returns one line per violation and node (empty when none).</summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(PagesFixture.AxeSource);
        var json = await page.EvaluateAsync<JsonElement>(
            "async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } }); " +
            "return r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary) })); }",
            WcagTags);
        return json.EnumerateArray()
            .SelectMany(v => v.GetProperty("nodes").EnumerateArray().Select(n => $"{v.GetProperty("id")}: {v.GetProperty("help")} at {n.GetString()}"))
            .ToList();
    }

    /// <summary>A full-page screenshot in the screenshots folder.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(PagesFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
